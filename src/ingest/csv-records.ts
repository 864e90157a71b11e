/**
 * csv-parse driven for speed: its parser core (the `api` its stream and sync APIs both drive) fed
 * UTF-8 bytes directly, one record delimiter instead of three when the file's line endings allow,
 * and fields decoded without a Buffer view per field. Every record carries the line it starts on.
 * The csv-parse internals used here are checked when a parser is made (`tuned`), and each
 * optimisation falls back to csv-parse's plain behaviour when they are not as expected.
 */
import { CsvError, Parser } from "csv-parse";
import { DataError } from "../errors.js";

export type CsvDelimiter = "," | "\t" | ";";

/** Receives each record's cells and the 1-based line it starts on (blank lines are not passed). */
export type RecordSink = (fields: string[], line: number) => void;

interface ParserApi {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): Error | undefined;
  info: { lines: number };
  options: { record_delimiter: Buffer[]; encoding: string };
  state: {
    field: { buf: Buffer; length: number; toString(encoding?: string): string | Uint8Array };
    recordDelimiterMaxLength: number;
  };
}

/**
 * Which line endings the records use, as far as the bytes seen so far show. csv-parse tries each
 * record delimiter it is given at every byte, so a file with one kind of line ending is parsed
 * with just that one; the first other kind seen switches to all three (CRLF, LF, CR) before the
 * bytes holding it are parsed.
 */
type Endings = "lf" | "crlf" | "all";

const CR = 13;
const LF = 10;
const ALL_ENDINGS = () => [Buffer.from("\r\n"), Buffer.from("\n"), Buffer.from("\r")];
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Line breaks in a cell: LF, CRLF and lone CR each count once. */
function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\r"); i !== -1; i = s.indexOf("\r", i + 1)) if (s.charCodeAt(i + 1) !== 10) n++;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** The line endings of `buf` (CRs at its very end are judged by the caller). */
function endingsOf(buf: Buffer, from: Endings): Endings {
  if (from === "all") return "all";
  if (from === "lf") return buf.indexOf(CR) === -1 ? "lf" : "all";
  for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1))
    if (i === 0 || buf[i - 1] !== CR) return "all";
  for (let i = buf.indexOf(CR); i !== -1; i = buf.indexOf(CR, i + 1)) if (buf[i + 1] !== LF) return "all";
  return "crlf";
}

/** The endings the first bytes suggest: those of their first line break (all three when none). */
function firstEndings(buf: Buffer): Endings {
  const lf = buf.indexOf(LF);
  const cr = buf.indexOf(CR);
  if (lf === -1 && cr === -1) return "all";
  if (cr === -1 || (lf !== -1 && lf < cr)) return "lf";
  return lf === cr + 1 ? "crlf" : "all";
}

/**
 * Parses CSV from UTF-8 bytes written in pieces. Quoted fields may hold delimiters, quotes and
 * line breaks. An unclosed quote or another structural error is a DataError naming the file and line.
 */
export class CsvRecords {
  private api: ParserApi | undefined;
  private endings: Endings = "all";
  /** A CR held back from the end of the last piece, until the next byte shows whether it is a CRLF. */
  private heldCr = false;
  /** The first bytes, until there are enough to look for a byte-order mark. */
  private first: Buffer | null = Buffer.alloc(0);
  /** False when csv-parse's internals are not the expected ones: then nothing is tuned. */
  private tuned = false;
  /** csv-parse's line count at the previous record. */
  private parserLines = 0;
  private line = 1;
  private readonly push: (record: string[]) => void;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly fileLabel: string,
    sink: RecordSink,
  ) {
    this.push = (record) => {
      // csv-parse's `info.lines` is the line the record ends on; it only grows past the previous
      // record's line + 1 when this record holds line breaks, and only then are its cells counted
      // (csv-parse counts a CRLF inside quotes as two lines; a line is what an editor shows).
      const parserLines = this.tuned ? (this.api as ParserApi).info.lines : Number.NaN;
      const start = this.line;
      const inside =
        parserLines - this.parserLines === 1 ? 0 : record.reduce((n, f) => n + countLineBreaks(f), 0);
      this.parserLines = parserLines;
      this.line = start + inside + 1;
      if (record.length === 1 && record[0] === "") return;
      sink(record, start);
    };
  }

  write(buf: Buffer): void {
    if (buf.length === 0) return;
    if (this.first) {
      buf = this.first.length > 0 ? Buffer.concat([this.first, buf]) : buf;
      if (buf.length < UTF8_BOM.length) {
        this.first = buf;
        return;
      }
      this.first = null;
      buf = this.start(buf);
    }
    this.feed(buf);
  }

  end(): void {
    if (this.first && this.first.length > 0) this.feed(this.start(this.first));
    this.first = null;
    if (!this.api) return;
    if (this.heldCr) {
      // A CR at the very end of the input, not followed by LF: a lone CR ends the last record.
      this.heldCr = false;
      this.useEndings("all");
      this.check(this.api.parse(Buffer.of(CR), false, this.push, noop));
    }
    this.check(this.api.parse(undefined, true, this.push, noop));
  }

  private feed(buf: Buffer): void {
    if (this.heldCr) {
      buf = Buffer.concat([Buffer.of(CR), buf]);
      this.heldCr = false;
    }
    if (this.endings === "crlf" && buf[buf.length - 1] === CR) {
      this.heldCr = true;
      buf = buf.subarray(0, buf.length - 1);
    }
    this.useEndings(endingsOf(buf, this.endings));
    this.check((this.api as ParserApi).parse(buf, false, this.push, noop));
  }

  /** Makes the parser for the file's first bytes; returns them without a UTF-8 byte-order mark. */
  private start(buf: Buffer): Buffer {
    // csv-parse's `bom` option, done here: its check would also take FF FE for UTF-16.
    if (buf.subarray(0, 3).equals(UTF8_BOM)) buf = buf.subarray(3);
    this.api = this.makeParser(firstEndings(buf));
    return buf;
  }

  private makeParser(endings: Endings): ParserApi {
    let api = this.newParser(endings);
    this.tuned = canTune(api);
    if (!this.tuned && endings !== "all") api = this.newParser("all");
    if (this.tuned) {
      // Decodes a field straight from csv-parse's field buffer: `buf.slice(0, n).toString()` (what
      // it does) makes a Buffer object per field, a third of its time.
      const field = api.state.field;
      const bytes = field.toString;
      // Without an encoding it returns bytes (csv-parse's error path compares them with BOMs).
      field.toString = function (this: typeof field, encoding?: string) {
        return encoding ? this.buf.toString(encoding as BufferEncoding, 0, this.length) : bytes.call(this);
      };
    }
    return api;
  }

  private newParser(endings: Endings): ParserApi {
    this.endings = endings;
    return (
      new Parser({
        delimiter: this.delimiter,
        record_delimiter: endings === "all" ? ["\r\n", "\n", "\r"] : endings === "lf" ? "\n" : "\r\n",
        relax_column_count: true,
        bom: false,
        skip_empty_lines: false,
      }) as unknown as { api: ParserApi }
    ).api;
  }

  /** Widens csv-parse's record delimiters to all three, the way its own auto-discovery adds one. */
  private useEndings(endings: Endings): void {
    if (endings === this.endings || endings !== "all") return;
    this.endings = "all";
    const api = this.api as ParserApi;
    api.options.record_delimiter.splice(0, api.options.record_delimiter.length, ...ALL_ENDINGS());
    api.state.recordDelimiterMaxLength = 2;
  }

  private check(err: Error | undefined): void {
    if (!err) return;
    if (err instanceof CsvError) {
      const at = (err as CsvError & { lines?: number }).lines;
      const what =
        err.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field is never closed: the file ends inside quotes"
          : err.message.replace(/^Invalid [^:]*: /, "");
      throw new DataError(
        what,
        { file: this.fileLabel, line: at ?? this.line },
        "fix the quoting in the file, or export it again",
      );
    }
    throw err;
  }
}

const noop = () => {};

/** True when the installed csv-parse has the internals CsvRecords tunes (a test keeps this so). */
export function csvParseTunable(): boolean {
  return canTune((new Parser({}) as unknown as { api?: Partial<ParserApi> }).api);
}

/** True when csv-parse's internals are the ones the optimisations above were written against. */
function canTune(api: Partial<ParserApi> | undefined): boolean {
  const field = api?.state?.field;
  return (
    typeof api?.parse === "function" &&
    typeof api.info?.lines === "number" &&
    Array.isArray(api.options?.record_delimiter) &&
    typeof api.state?.recordDelimiterMaxLength === "number" &&
    Buffer.isBuffer(field?.buf) &&
    typeof field?.length === "number" &&
    typeof field?.toString === "function"
  );
}
