/**
 * The bytes of an export in, rows with their line numbers out: decoding (UTF-8 goes to csv-parse
 * as it is) and splitting, fed a piece at a time. The same code runs on the parse worker and, when
 * there is none, in-process (see row-source.ts).
 */
import { CsvRecords } from "./csv-records.js";
import { createDecoder, type DetectedEncoding, type TextDecoderStream } from "./decode.js";

export type Delimiter = "," | "\t" | ";" | "whitespace";

export interface SourceRow {
  fields: string[];
  /** 1-based line where the row starts in the source file. */
  line: number;
  /** The first cell holding U+FFFD (bytes the encoding could not decode), if any. */
  replaced?: number;
}

/** Index of the first cell holding U+FFFD, or -1. */
export function replacedCell(fields: readonly string[]): number {
  for (let i = 0; i < fields.length; i++) if ((fields[i] as string).includes("\uFFFD")) return i;
  return -1;
}

export interface RowParserOptions {
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  /** The file as the user named it, for error messages. */
  fileLabel: string;
}

type Sink = (fields: string[], line: number) => void;

/** Where parsed rows go until they are taken: a list, or packed for another thread (row-codec.ts). */
export interface RowCollector<T> {
  add(fields: string[], line: number): void;
  take(): T;
}

export class RowList implements RowCollector<SourceRow[]> {
  private rows: SourceRow[] = [];
  add(fields: string[], line: number): void {
    const replaced = replacedCell(fields);
    this.rows.push(replaced < 0 ? { fields, line } : { fields, line, replaced });
  }
  take(): SourceRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

export class RowParser<T = SourceRow[]> {
  /** Bytes of the byte-order mark still to skip. */
  private bomLeft: number;
  /** Null when the bytes are UTF-8: csv-parse reads those without a round trip through a string. */
  private readonly decoder: TextDecoderStream | null;
  private readonly csv: CsvRecords | null = null;
  private readonly whitespace: WhitespaceRows | null = null;

  private readonly rows: RowCollector<T>;

  constructor(o: RowParserOptions, rows: RowCollector<T> = new RowList() as unknown as RowCollector<T>) {
    this.rows = rows;
    this.bomLeft = o.encoding.bomLength;
    const sink: Sink = (fields, line) => rows.add(fields, line);
    if (o.delimiter === "whitespace") {
      this.decoder = createDecoder(o.encoding);
      this.whitespace = new WhitespaceRows(sink);
    } else {
      this.decoder = o.encoding.encoding === "utf8" ? null : createDecoder(o.encoding);
      this.csv = new CsvRecords(o.delimiter, o.fileLabel, sink);
    }
  }

  /** Parses the next piece of the file; returns the rows it completed. */
  write(chunk: Buffer): T {
    if (this.bomLeft > 0) {
      const skip = Math.min(this.bomLeft, chunk.length);
      this.bomLeft -= skip;
      chunk = chunk.subarray(skip);
    }
    if (this.whitespace) this.whitespace.write((this.decoder as TextDecoderStream).write(chunk));
    else if (this.decoder) (this.csv as CsvRecords).write(Buffer.from(this.decoder.write(chunk), "utf8"));
    else (this.csv as CsvRecords).write(chunk);
    return this.rows.take();
  }

  /** Ends the input; returns the last rows. */
  end(): T {
    const rest = this.decoder?.end() ?? "";
    if (this.whitespace) {
      this.whitespace.write(rest);
      this.whitespace.end();
    } else {
      const csv = this.csv as CsvRecords;
      if (rest) csv.write(Buffer.from(rest, "utf8"));
      csv.end();
    }
    return this.rows.take();
  }
}

const WHITESPACE = /\s+/;

/** CDNOW-style columns separated by runs of whitespace, one row per line; blank lines skipped. */
class WhitespaceRows {
  private carry = "";
  private line = 0;

  constructor(private readonly sink: Sink) {}

  write(text: string): void {
    const buf = this.carry + text;
    let pos = 0;
    for (let nl = buf.indexOf("\n"); nl !== -1; nl = buf.indexOf("\n", pos)) {
      this.line++;
      const t = buf.slice(pos, nl).trim();
      if (t !== "") this.sink(t.split(WHITESPACE), this.line);
      pos = nl + 1;
    }
    this.carry = buf.slice(pos);
  }

  end(): void {
    this.line++;
    const t = this.carry.trim();
    if (t !== "") this.sink(t.split(WHITESPACE), this.line);
    this.carry = "";
  }
}
