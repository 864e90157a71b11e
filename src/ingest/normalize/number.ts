/**
 * Number cells: 1234.5, 1,234.5, full-width １，２３４, signs (−, ▲ and △ as Japanese accounting
 * writes negatives), parentheses negatives (12.00), currency symbols and codes (¥1,200, 1,200円,
 * $12.50, USD 12.50), a trailing %, and scientific notation. Also `normalizeId`, which keeps ids
 * as text and flags the ones Excel has turned into 1.25E+17.
 */

import { fail, type Invalid } from "./invalid.js";
import { foldWidth, isMissing, trimCell } from "./text.js";

export const EXPECTED_NUMBER =
  "a number such as 1234.5, 1,234.5, -12, (12.00), ¥1,200, 1,200円, USD 12.50 or 15%";

/** Digits with an optional sign and decimal part, and nothing else: the common case. */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === 0x2d || first === 0x2b) i = 1;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && !dot) dot = true;
    else return false;
  }
  return digits > 0 && s.charCodeAt(n - 1) !== 0x2e;
}

/**
 * A plain decimal with optional grouping commas (groups of three after the first) or in
 * scientific notation, with an optional leading sign; NaN for anything else.
 */
const GROUPED_OR_SCIENTIFIC = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?$/i;

export function parseDecimalText(s: string): number {
  if (isPlainDecimal(s)) return Number(s);
  if (!GROUPED_OR_SCIENTIFIC.test(s)) return Number.NaN;
  return Number(s.includes(",") ? s.replaceAll(",", "") : s);
}

/** Currency marks written before or after the amount, and the ISO codes seen in exports. */
const CURRENCY_PREFIX = /^(?:[¥$€£]|JPY|USD|EUR|GBP|AUD|CAD|CNY|KRW|SGD|HKD|TWD|INR)\s*/i;
const CURRENCY_SUFFIX = /(?:円|\s*(?:JPY|USD|EUR|GBP|AUD|CAD|CNY|KRW|SGD|HKD|TWD|INR)|ドル)$/i;

/** Number, `null` for a missing value, or `INVALID` (reason in `lastInvalidReason()`). */
export function normalizeNumber(raw: string): number | null | Invalid {
  const s = trimCell(raw);
  if (s.length > 0 && isPlainDecimal(s)) return Number(s);
  if (isMissing(s)) return null;
  let t = foldWidth(s);
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const mark = t.charCodeAt(0);
  if (mark === 0x25b2 || mark === 0x25b3) {
    // ▲ / △: Japanese accounting's minus.
    negative = !negative;
    t = t.slice(1).trim();
  }
  if (t.startsWith("-") || t.startsWith("+")) {
    // A sign before the currency mark: -¥1,200
    if (t.startsWith("-")) negative = !negative;
    t = t.slice(1).trim();
  }
  t = t.replace(CURRENCY_PREFIX, "").replace(CURRENCY_SUFFIX, "");
  if (t.endsWith("%")) t = t.slice(0, -1).trimEnd();
  const value = parseDecimalText(t);
  if (Number.isNaN(value)) return fail(`"${s}" is not a number`);
  return negative ? -value : value;
}

/** 1.25E+17, 4.9E+15: what Excel shows for long numeric ids, whose trailing digits are gone. */
const EXCEL_SCIENTIFIC_ID = /^\d(?:\.\d+)?E\+\d+$/i;

let lastIdWarning: string | null = null;

/**
 * An id as text (width-folded, trimmed) or `null` when missing. An id Excel has mangled into
 * scientific notation cannot be recovered: it is returned as written and `idWarning()` says so.
 */
export function normalizeId(raw: string): string | null {
  lastIdWarning = null;
  const s = trimCell(raw);
  if (isMissing(s)) return null;
  const id = foldWidth(s);
  // Only a "+" can make an id scientific notation; skip the regex for every other id.
  if (id.includes("+") && EXCEL_SCIENTIFIC_ID.test(id)) {
    lastIdWarning = `id "${id}" looks like a number Excel rewrote in scientific notation; its digits are lost (export the column as text)`;
  }
  return id;
}

/** The warning from the last `normalizeId` call, or `null` when the id looked intact. */
export function idWarning(): string | null {
  return lastIdWarning;
}
