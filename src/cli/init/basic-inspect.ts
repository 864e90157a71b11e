import { open } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { CANONICAL_FIELDS } from "./fields.js";
import type { ExportInspection, ExportKind } from "./types.js";

const HEAD_BYTES = 64 * 1024;
const SAMPLE_ROWS = 5;

const TYPES: Array<[string, RegExp]> = [
  ["integer", /^-?\d+$/],
  ["decimal", /^-?\d*[.,]\d+$/],
  ["datetime", /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/],
  ["duration", /^\d+:\d{2}(?::\d{2})?$/],
  ["boolean", /^(?:true|false|yes|no|y|n|0|1|はい|いいえ)$/i],
];

/**
 * A header-only inspection for when the ingest module's detector is not wired in: reads the
 * first rows (UTF-8, or CP932 when the bytes are not UTF-8), guesses each column's type, and
 * is sure only of headers that already are canonical field names.
 */
export async function basicInspectExport(path: string, kind: ExportKind): Promise<ExportInspection> {
  const handle = await open(path, "r");
  let text: string;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    text = decode(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
  const lines = text.split(/\r?\n/);
  const firstLine = lines[0] ?? "";
  // Drop a possibly cut last line; keep the header and a few rows.
  const head = lines.slice(0, Math.min(lines.length - 1, SAMPLE_ROWS + 1)).join("\n") || firstLine;
  const rows = parse(head, {
    delimiter: firstLine.includes("\t") ? "\t" : ",",
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  const headers = (rows[0] ?? []).map((h) => h.trim());
  const samples = rows.slice(1);
  const fields = CANONICAL_FIELDS[kind];
  const columns = headers.map((header, i) => {
    const normalized = header.toLowerCase().replace(/\s+/g, "_");
    const field = fields.includes(normalized) ? normalized : null;
    return { header, field, sure: field !== null, detectedType: detectType(samples.map((r) => r[i] ?? "")) };
  });
  return { headers, samples, columns, profile: null };
}

function decode(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // The 64 KiB cut can split a UTF-8 character; only the tail may fail in that case.
    const utf8 = new TextDecoder("utf-8").decode(body);
    return utf8.slice(0, -1).includes("\uFFFD") ? iconv.decode(body, "cp932") : utf8;
  }
}

/** The type every non-empty sample fits, else "text". */
export function detectType(values: readonly string[]): string {
  const present = values.map((v) => v.trim()).filter((v) => v !== "");
  if (present.length === 0) return "empty";
  for (const [name, pattern] of TYPES) if (present.every((v) => pattern.test(v))) return name;
  return "text";
}
