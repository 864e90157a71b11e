/**
 * A vendor's "this export was cut off" line at the end of a file. Freshdesk's satisfaction-survey
 * export holds at most 50,000 responses and then ends with a one-sentence notice in place of a
 * response. The notice is not data, so it is neither imported nor rejected: the import warns
 * about it instead (see docs/import.md, "Freshdesk's truncation notice").
 *
 * No public copy of the notice's exact wording was found, so it is recognised by its shape, and
 * only where it cannot be a response (all of these must hold):
 * - it is the file's last record (blank lines after it do not count), read with a profile that
 *   declares a `truncationNotice`, and the row converter rejects it (a row that imports is data);
 * - it holds at most three non-empty cells, the first cell among them (a sentence, perhaps split
 *   at its commas when it was not quoted, perhaps padded with empty cells to the header's width),
 *   and that cell is not a date;
 * - its text mentions the limit (50,000 / 50000 / 5万 …) or says the export was cut short
 *   (truncated, limit, maximum, only the first, partial, 上限, 一部, …).
 * The same row anywhere else in the file is an ordinary reject.
 */
import type { SourceRow } from "./row-parser.js";

/** Declared by a profile whose exports end with a truncation notice. */
export interface TruncationRule {
  /** Whose notice: "Freshdesk". */
  vendor: string;
  /** Most records an export holds. */
  limit: number;
  /** What the records are, plural: "responses". */
  records: string;
  /** How to get the rest. */
  hint: string;
}

/** A recognised notice. */
export interface TruncationNotice {
  /** 1-based line where the notice starts. */
  line: number;
  /** The rule's limit. */
  limit: number;
  /** The notice's cells joined with commas, trimmed. */
  text: string;
}

/** At most this many non-empty cells: one sentence split at (up to two) unquoted commas. */
const MAX_CELLS = 3;

/** Words saying that only part of the data was exported. */
const CUT_SHORT =
  /truncat|\blimit|\bmaximum\b|\bmax\b|\bonly\s+(?:the\s+)?(?:first|latest|most\s+recent)\b|\bpartial|\bnot\s+all\b|\bexceed|\bcapped\b|上限|最大|一部|件まで|切り捨て|省略/u;

/** Numbers in the text, with thousands separators (50,000  50.000  50 000) or 万 (5万). */
const NUMBER = /(\d{1,3}(?:[,. \u00A0\u202F]\d{3})+|\d+)(\s*万)?/gu;

function mentionsLimit(text: string, limit: number): boolean {
  for (const m of text.matchAll(NUMBER)) {
    const n = Number((m[1] as string).replace(/[^\d]/g, "")) * (m[2] ? 10_000 : 1);
    if (n === limit) return true;
  }
  return false;
}

/**
 * The notice, when `row` (the last record of a file read with a profile declaring `rule`, and
 * rejected by the converter) is one. `isDate` tells whether a cell reads as a date.
 */
export function truncationNotice(
  row: SourceRow,
  rule: TruncationRule,
  isDate: (cell: string) => boolean,
): TruncationNotice | null {
  const first = (row.fields[0] ?? "").trim();
  if (first === "" || isDate(first)) return null;
  const cells = row.fields.map((f) => f.trim()).filter((f) => f !== "");
  if (cells.length > MAX_CELLS) return null;
  const text = cells.join(",");
  if (!/\p{L}/u.test(text)) return null;
  const folded = text.normalize("NFKC").toLowerCase();
  if (!mentionsLimit(folded, rule.limit) && !CUT_SHORT.test(folded)) return null;
  return { line: row.line, limit: rule.limit, text };
}

/** The warning for a notice (stderr, and `warnings` in --json). */
export function truncationWarning(notice: TruncationNotice, rule: TruncationRule, records: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `the export ends with ${rule.vendor}'s truncation notice (line ${notice.line}; neither imported nor rejected): ` +
    `it holds at most ${n(notice.limit)} ${rule.records} (this file has ${n(records)}) and the rest were left out; ${rule.hint}`
  );
}
