/**
 * Folds a header for dictionary look-up: NFKC (full-width → half-width, （）→ ()), lower case,
 * trimmed, inner whitespace collapsed, a leading BOM removed.
 */
export function foldHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, " ");
}
