import type { Span } from "./types.js";

/**
 * Inline directives in HTML comments:
 *   <!-- supportops-disable -->            off until the next enable (or the end of the file)
 *   <!-- supportops-enable -->
 *   <!-- supportops-disable-next-line [term …] -->   off on the following line, for the listed
 *                                           terms (rule id or the flagged text) or for all
 */
export interface DisabledRegion extends Span {
  /** Terms the region applies to; null for all. */
  terms: ReadonlySet<string> | null;
}

export interface DirectiveComment extends Span {
  /** The comment's text, `<!--` to `-->`. */
  raw: string;
}

const DIRECTIVE = /^<!--\s*supportops-(disable-next-line|disable|enable)\b([\s\S]*?)-->$/;
const TERM_SPLIT = /[\s,、]+/;

export function isDirective(comment: string): boolean {
  return DIRECTIVE.test(comment.trim());
}

/** Regions switched off by the directives of a document (comments in document order). */
export function disabledRegions(text: string, comments: readonly DirectiveComment[]): DisabledRegion[] {
  const regions: DisabledRegion[] = [];
  let openAt: number | null = null;
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.raw.trim());
    if (!m) continue;
    const kind = m[1];
    if (kind === "disable") {
      openAt ??= c.end;
    } else if (kind === "enable") {
      if (openAt !== null) regions.push({ start: openAt, end: c.start, terms: null });
      openAt = null;
    } else {
      const lineEnd = text.indexOf("\n", c.end);
      if (lineEnd < 0) continue;
      const nextEnd = text.indexOf("\n", lineEnd + 1);
      const list = (m[2] ?? "")
        .split(TERM_SPLIT)
        .map((t) => t.trim())
        .filter((t) => t.length > 0);
      regions.push({
        start: lineEnd + 1,
        end: nextEnd < 0 ? text.length : nextEnd,
        terms: list.length > 0 ? new Set(list) : null,
      });
    }
  }
  if (openAt !== null) regions.push({ start: openAt, end: text.length, terms: null });
  return regions;
}

export function isDisabled(
  regions: readonly DisabledRegion[],
  offset: number,
  ruleId: string,
  actual: string,
): boolean {
  for (const r of regions) {
    if (offset < r.start || offset >= r.end) continue;
    if (r.terms === null || r.terms.has(ruleId) || r.terms.has(actual)) return true;
  }
  return false;
}
