import type { Readable } from "node:stream";
import type { DetectedEncoding } from "./decode.js";
import { type Delimiter, RowParser, type SourceRow } from "./row-parser.js";

export type { Delimiter, SourceRow } from "./row-parser.js";

/**
 * Picks the delimiter from the first lines of text: the candidate that appears, outside quotes,
 * the same non-zero number of times on most lines. With none of them and whitespace-separated
 * columns (CDNOW), "whitespace".
 */
export function detectDelimiter(head: string): { delimiter: Delimiter; reason: string } {
  const lines = head
    .split(/\r?\n/, 21)
    .slice(0, 20)
    .filter((l) => l.trim() !== "");
  const candidates: Array<"," | "\t" | ";"> = [",", "\t", ";"];
  let best: { delimiter: "," | "\t" | ";"; score: number } | undefined;
  for (const d of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (!best || score > best.score) best = { delimiter: d, score };
  }
  if (best) {
    const name = best.delimiter === "," ? "comma" : best.delimiter === "\t" ? "tab" : "semicolon";
    return {
      delimiter: best.delimiter,
      reason: `${name}-separated (header has ${Math.floor(best.score % 1000)})`,
    };
  }
  if (lines.length > 0 && lines.every((l) => l.trim().split(/\s+/).length >= 2)) {
    return { delimiter: "whitespace", reason: "whitespace-separated columns (no comma, tab or semicolon)" };
  }
  return { delimiter: ",", reason: "single column" };
}

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/**
 * Streams rows from decoded text, in batches: the import itself reads bytes (row-source.ts); this
 * is the same parser for text already in hand. Quoted newlines stay inside fields; every row
 * carries the line it starts on; blank lines are skipped (but counted). An unclosed quote or other
 * structural error is a DataError naming the file and line.
 */
export async function* readRowBatches(
  text: Readable,
  delimiter: Delimiter,
  fileLabel: string,
): AsyncGenerator<SourceRow[]> {
  const parser = new RowParser({ encoding: UTF8, delimiter, fileLabel });
  for await (const chunk of text as AsyncIterable<string | Buffer>) {
    const rows = parser.write(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    if (rows.length > 0) yield rows;
  }
  const rows = parser.end();
  if (rows.length > 0) yield rows;
}

const UTF8: DetectedEncoding = { encoding: "utf8", bomLength: 0, reason: "text" };
