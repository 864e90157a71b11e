import { stringify } from "csv-stringify/sync";
import { writeFileAtomic } from "../util/atomic-write.js";

export interface Reject {
  line: number;
  /** 1-based column of the offending cell, when one cell is to blame. */
  column: number | null;
  field: string | null;
  reason: string;
  fields: string[];
}

/** How many rejected rows make a file bad: a count, or a share of the rows read. */
export type RejectLimit = { kind: "count"; value: number } | { kind: "percent"; value: number };

/** The default: a file with more than 1% bad rows is more likely a wrong export or mapping than bad luck. */
export const DEFAULT_MAX_REJECTS: RejectLimit = { kind: "percent", value: 1 };

export function parseRejectLimit(text: string): RejectLimit | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  if (m[2] === "%") return value <= 100 ? { kind: "percent", value } : null;
  return Number.isInteger(value) ? { kind: "count", value } : null;
}

export function describeLimit(limit: RejectLimit): string {
  return limit.kind === "count" ? `${limit.value} rows` : `${limit.value}% of rows`;
}

/** True when `rejected` of `rows` exceeds the limit. */
export function overLimit(limit: RejectLimit, rejected: number, rows: number): boolean {
  if (limit.kind === "count") return rejected > limit.value;
  return rows > 0 && (rejected / rows) * 100 > limit.value;
}

/**
 * The rejects file: the source line, the column, the field and the reason, then the original
 * row's cells under the original headers. UTF-8 with a BOM so Excel shows Japanese correctly.
 */
export function writeRejects(path: string, headers: string[], rejects: Reject[]): void {
  const width = Math.max(headers.length, ...rejects.map((r) => r.fields.length));
  const head = ["line", "column", "field", "reason"];
  for (let i = 0; i < width; i++) head.push(headers[i] ?? `column ${i + 1}`);
  const rows = rejects.map((r) => [
    String(r.line),
    r.column === null ? "" : String(r.column),
    r.field ?? "",
    r.reason,
    ...r.fields,
  ]);
  writeFileAtomic(path, `\uFEFF${stringify([head, ...rows])}`);
}
