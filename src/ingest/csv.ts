import type { Readable } from "node:stream";
import { CsvError, Parser } from "csv-parse";
import { DataError } from "../errors.js";

export type Delimiter = "," | "\t" | ";" | "whitespace";

export interface SourceRow {
  fields: string[];
  /** 1-based line where the row starts in the source file. */
  line: number;
  /** The row as it appeared in the file (for the rejects file). */
  raw: string;
}

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
 * Line breaks in a record's raw text: LF, CRLF and lone CR each count once. (csv-parse drops the
 * LF of a CRLF record terminator from `raw`, so a trailing lone CR is a CRLF.)
 */
function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\r"); i !== -1; i = s.indexOf("\r", i + 1)) if (s.charCodeAt(i + 1) !== 10) n++;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

interface ParserApi {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (rec: { record: string[]; raw: string }) => void,
    close: () => void,
  ): Error | undefined;
}

/**
 * Streams rows from decoded text, in batches (one per decoded chunk) so the per-row cost is a
 * function call, not a stream event and a promise. Quoted newlines stay inside fields; every row
 * carries the line it starts on. Blank lines are skipped (but counted). An unclosed quote or other
 * structural error is a DataError naming the file and line.
 */
export async function* readRowBatches(
  text: Readable,
  delimiter: Delimiter,
  fileLabel: string,
): AsyncGenerator<SourceRow[]> {
  if (delimiter === "whitespace") {
    yield* readWhitespaceRows(text);
    return;
  }
  // csv-parse's stream pushes every record through Node's stream machinery; its parser core
  // (the Parser's `api`, what the stream and sync APIs both drive) takes chunks directly.
  const api = (
    new Parser({
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      raw: true,
      bom: true,
      skip_empty_lines: false,
    }) as unknown as { api: ParserApi }
  ).api;
  let line = 1;
  let batch: SourceRow[] = [];
  const push = (rec: { record: string[]; raw: string }) => {
    const start = line;
    line += countLineBreaks(rec.raw);
    if (rec.record.length === 1 && rec.record[0] === "") return;
    batch.push({ fields: rec.record, line: start, raw: rec.raw });
  };
  const fail = (err: Error): never => {
    if (err instanceof CsvError) {
      const at = (err as CsvError & { lines?: number }).lines;
      const what =
        err.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field is never closed: the file ends inside quotes"
          : err.message.replace(/^Invalid [^:]*: /, "");
      throw new DataError(
        what,
        { file: fileLabel, line: at ?? line },
        "fix the quoting in the file, or export it again",
      );
    }
    throw err;
  };
  const noop = () => {};
  for await (const chunk of text as AsyncIterable<string>) {
    const err = api.parse(Buffer.from(chunk, "utf8"), false, push, noop);
    if (err) fail(err);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  const err = api.parse(undefined, true, push, noop);
  if (err) fail(err);
  if (batch.length > 0) yield batch;
}

async function* readWhitespaceRows(text: Readable): AsyncGenerator<SourceRow[]> {
  let carry = "";
  let line = 0;
  for await (const chunk of text as AsyncIterable<string>) {
    const buf = carry + chunk;
    const batch: SourceRow[] = [];
    let pos = 0;
    let nl = buf.indexOf("\n", pos);
    while (nl !== -1) {
      const rawLine = buf.charCodeAt(nl - 1) === 13 ? buf.slice(pos, nl - 1) : buf.slice(pos, nl);
      line++;
      const t = rawLine.trim();
      if (t !== "") batch.push({ fields: t.split(WHITESPACE), line, raw: rawLine });
      pos = nl + 1;
      nl = buf.indexOf("\n", pos);
    }
    carry = buf.slice(pos);
    if (batch.length > 0) yield batch;
  }
  line++;
  const t = carry.trim();
  if (t !== "") yield [{ fields: t.split(WHITESPACE), line, raw: carry }];
}

const WHITESPACE = /\s+/;
