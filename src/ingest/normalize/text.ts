/**
 * Cheap text helpers shared by the normalizers: trimming, width folding, lookup keys, the
 * "missing value" test and a bounded memo for per-distinct-value caches.
 */

const SPACE = 0x20;
const IDEOGRAPHIC_SPACE = 0x3000;
const NBSP = 0xa0;
const BOM = 0xfeff;

function isTrimmable(code: number): boolean {
  return code <= SPACE || code === IDEOGRAPHIC_SPACE || code === NBSP || code === BOM;
}

/** `raw.trim()`, but without a call when neither end has white space (the common case). */
export function trimCell(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  if (!isTrimmable(raw.charCodeAt(0)) && !isTrimmable(raw.charCodeAt(n - 1))) return raw;
  return raw.trim();
}

/** Era ligatures Japanese IMEs produce (㋿ ㍻ ㍼ ㍽), spelled out. */
const LIGATURES: ReadonlyMap<number, string> = new Map([
  [0x32ff, "令和"],
  [0x337b, "平成"],
  [0x337c, "昭和"],
  [0x337d, "大正"],
]);

function needsFold(code: number): boolean {
  if (code < 0x2010) return false; // ASCII and everything else below the first folded code
  return (
    (code >= 0xff01 && code <= 0xff5e) ||
    code === IDEOGRAPHIC_SPACE ||
    code === 0xffe5 || // ￥
    code === 0x2212 || // − minus sign
    code === 0x2010 || // ‐ hyphen
    LIGATURES.has(code)
  );
}

/**
 * Full-width ASCII (ＡＢＣ１２３，．－) to half-width, the ideographic space to a space, ￥ to ¥,
 * the minus sign and hyphen to "-", era ligatures spelled out. Returns `s` itself when nothing
 * changes, so callers pay only a scan on clean input.
 */
export function foldWidth(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n && !needsFold(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === IDEOGRAPHIC_SPACE) out += " ";
    else if (code === 0xffe5) out += "¥";
    else if (code === 0x2212 || code === 0x2010) out += "-";
    else out += LIGATURES.get(code) ?? s[i];
  }
  return out;
}

const KEY_SEPARATORS = /[\s_\-・.]+/g;

/**
 * A lookup key for vocabulary matching: width-folded, lower-case, with spaces, underscores,
 * hyphens, dots and 中黒 removed, so "On-hold", "on hold" and "ＯＮ＿ＨＯＬＤ" meet as "onhold".
 */
export function vocabularyKey(s: string): string {
  return foldWidth(s).toLowerCase().replace(KEY_SEPARATORS, "");
}

/** One-character cells that mean "no value": ? - — – ― − ‐ ー and their full-width forms. */
const MISSING_SINGLE = new Set([
  0x3f, // ?
  0x2d, // -
  0x2014, // — em dash
  0x2013, // – en dash
  0x2015, // ― horizontal bar
  0x2212, // − minus sign
  0x2010, // ‐ hyphen
  0x30fc, // ー long vowel mark, typed as a dash in Japanese sheets
  0xff0d, // －
  0xff1f, // ？
]);

/**
 * Whether a trimmed cell means "no value": empty, one of the dashes or question marks above,
 * or N/A (any case) and #N/A, also full-width (Ｎ／Ａ, ＃Ｎ／Ａ).
 */
export function isMissing(trimmed: string): boolean {
  const n = trimmed.length;
  if (n === 0) return true;
  if (n === 1) return MISSING_SINGLE.has(trimmed.charCodeAt(0));
  if (n !== 3 && n !== 4) return false;
  const first = trimmed.charCodeAt(0);
  // Only N, n, # and their full-width forms can start "N/A" or "#N/A".
  if (
    first !== 0x4e &&
    first !== 0x6e &&
    first !== 0x23 &&
    first !== 0xff2e &&
    first !== 0xff4e &&
    first !== 0xff03
  ) {
    return false;
  }
  const key = foldWidth(trimmed).toUpperCase();
  return key === "N/A" || key === "#N/A";
}

/**
 * A Map that forgets everything when it reaches `limit` entries: exports repeat a handful of
 * values, so a small cache catches nearly all of them, and a column of unique garbage cannot
 * grow it without bound.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit = 4096) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
