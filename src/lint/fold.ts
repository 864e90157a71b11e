/**
 * Width and case folding with an offset map back to the original text, so that matches found in
 * the folded text point at the real characters (columns and fixes).
 * Full-width ASCII (U+FF01–U+FF5E) becomes ASCII; half-width katakana becomes full-width, a
 * following half-width (han)dakuten merging into one character (ｶﾞ → ガ); ASCII letters are
 * lower-cased in the case-folded variant. Nothing else changes, so lengths differ only at merges.
 */

export interface FoldedText {
  /** Width-folded text. */
  text: string;
  /** Width-folded and ASCII-lower-cased text (same length and map as `text`). */
  lower: string;
  /** original offset of folded offset i (length text.length + 1); null when the map is the identity. */
  map: Int32Array | null;
}

const NEEDS_WIDTH_FOLD = /[\uFF01-\uFF5E\uFF61-\uFF9F]/;
const ASCII_UPPER = /[A-Z]+/g;

/** Full-width form of each half-width katakana U+FF61–U+FF9F, and of the voiced pairs. */
const HALF_KANA_SINGLE = new Map<number, string>();
const HALF_KANA_VOICED = new Map<string, string>();
for (let c = 0xff61; c <= 0xff9f; c++) {
  const ch = String.fromCharCode(c);
  HALF_KANA_SINGLE.set(c, ch.normalize("NFKC"));
  for (const mark of ["\uFF9E", "\uFF9F"]) {
    const pair = (ch + mark).normalize("NFKC");
    if (pair.length === 1) HALF_KANA_VOICED.set(ch + mark, pair);
  }
}

function lowerAscii(s: string): string {
  return s.replace(ASCII_UPPER, (m) => m.toLowerCase());
}

export function foldText(original: string): FoldedText {
  if (!NEEDS_WIDTH_FOLD.test(original)) {
    return { text: original, lower: lowerAscii(original), map: null };
  }
  const parts: string[] = [];
  const map: number[] = [];
  const n = original.length;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      parts.push(String.fromCharCode(c - 0xfee0));
      map.push(i);
      i++;
    } else if (c >= 0xff61 && c <= 0xff9f) {
      const next = original.charCodeAt(i + 1);
      const voiced =
        next === 0xff9e || next === 0xff9f ? HALF_KANA_VOICED.get(original.slice(i, i + 2)) : undefined;
      if (voiced !== undefined) {
        parts.push(voiced);
        map.push(i);
        i += 2;
      } else {
        const single = HALF_KANA_SINGLE.get(c) ?? original[i] ?? "";
        parts.push(single);
        for (let k = 0; k < single.length; k++) map.push(i);
        i++;
      }
    } else {
      // Copy the run up to the next character that needs folding in one slice.
      let j = i + 1;
      while (j < n) {
        const d = original.charCodeAt(j);
        if ((d >= 0xff01 && d <= 0xff5e) || (d >= 0xff61 && d <= 0xff9f)) break;
        j++;
      }
      parts.push(original.slice(i, j));
      for (let k = i; k < j; k++) map.push(k);
      i = j;
    }
  }
  map.push(n);
  const text = parts.join("");
  return { text, lower: lowerAscii(text), map: Int32Array.from(map) };
}

/** Original offset of a folded offset. */
export function toOriginal(folded: FoldedText, offset: number): number {
  return folded.map === null ? offset : (folded.map[offset] ?? offset);
}

/** Folds a glossary string the same way (for compiling variants). */
export function foldTerm(term: string, caseSensitive: boolean): string {
  const f = foldText(term);
  return caseSensitive ? f.text : f.lower;
}

/**
 * One character of a pattern as it appears in the folded lower-case text, for anchors; null for
 * half-width katakana (folding merges them with a following sound mark, so it depends on context)
 * and, with `ignoreCase`, for non-ASCII characters that have other cases (Unicode case folding
 * matches those, our ASCII lower-casing does not).
 */
export function foldedChar(codePoint: number, ignoreCase: boolean): string | null {
  if (codePoint >= 0xff61 && codePoint <= 0xff9f) return null;
  const ch = String.fromCodePoint(
    codePoint >= 0xff01 && codePoint <= 0xff5e ? codePoint - 0xfee0 : codePoint,
  );
  if (codePoint < 0x80 || (codePoint >= 0xff01 && codePoint <= 0xff5e)) return ch.toLowerCase();
  if (ignoreCase && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch)) return null;
  return ch;
}

const FOLDABLE = /[A-Z\uFF01-\uFF5E\uFF61-\uFF9F]/g;

/**
 * FoldedText.lower without the offset map, for a text with no half-width sound mark (U+FF9E,
 * U+FF9F): every character then folds to exactly one, so offsets are the same in both.
 */
export function foldedLowerSameLength(text: string): string {
  return text.replace(FOLDABLE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c <= 0x5a) return String.fromCharCode(c + 32);
    if (c <= 0xff5e) {
      const ascii = c - 0xfee0;
      return String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii);
    }
    return HALF_KANA_SINGLE.get(c) ?? ch;
  });
}
