/**
 * Rows sent between threads as one string and three typed arrays. Cloning a string is a copy of
 * its characters; cloning arrays of strings costs per string, on both sides.
 */
import { DataError, formatPosition, type SourcePosition } from "../errors.js";
import { type RowCollector, replacedCell, type SourceRow } from "./row-parser.js";

export interface PackedRows {
  /** Every cell of every row, concatenated. */
  text: string;
  /** Length of each cell, in order. */
  lengths: Int32Array;
  /** Cells per row. */
  widths: Int32Array;
  lines: Float64Array;
  /** Per row, its first cell holding U+FFFD or -1; null when no cell has one (one scan of `text`). */
  replaced: Int32Array | null;
}

/** Packs rows as the parser completes them, without an object per row. */
export class RowPacker implements RowCollector<PackedRows> {
  private parts: string[] = [];
  private lengths = new Int32Array(1 << 14);
  private widths = new Int32Array(1 << 10);
  private lines = new Float64Array(1 << 10);
  private cells = 0;
  private rows = 0;

  add(fields: string[], line: number): void {
    if (this.rows === this.widths.length) {
      this.widths = grow(this.widths);
      this.lines = grow(this.lines);
    }
    this.widths[this.rows] = fields.length;
    this.lines[this.rows++] = line;
    while (this.cells + fields.length > this.lengths.length) this.lengths = grow(this.lengths);
    for (const f of fields) {
      this.parts.push(f);
      this.lengths[this.cells++] = f.length;
    }
  }

  take(): PackedRows {
    const text = this.parts.join("");
    const packed: PackedRows = {
      text,
      lengths: this.lengths.slice(0, this.cells),
      widths: this.widths.slice(0, this.rows),
      lines: this.lines.slice(0, this.rows),
      replaced: text.includes("\uFFFD") ? replacedCells(this.parts, this.widths, this.rows) : null,
    };
    this.parts = [];
    this.cells = 0;
    this.rows = 0;
    return packed;
  }
}

function replacedCells(parts: string[], widths: Int32Array, rows: number): Int32Array {
  const out = new Int32Array(rows);
  let c = 0;
  for (let i = 0; i < rows; i++) {
    const w = widths[i] as number;
    out[i] = replacedCell(parts.slice(c, c + w));
    c += w;
  }
  return out;
}

function grow<A extends Int32Array | Float64Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

export function packRows(rows: readonly SourceRow[]): PackedRows {
  const packer = new RowPacker();
  for (const r of rows) packer.add(r.fields, r.line);
  return packer.take();
}

export function unpackRows(p: PackedRows): SourceRow[] {
  const { text, lengths, widths, lines, replaced } = p;
  const rows = new Array<SourceRow>(widths.length);
  let pos = 0;
  let c = 0;
  for (let i = 0; i < widths.length; i++) {
    const fields = new Array<string>(widths[i] as number);
    for (let k = 0; k < fields.length; k++) {
      const end = pos + (lengths[c++] as number);
      fields[k] = text.slice(pos, end);
      pos = end;
    }
    const bad = replaced ? (replaced[i] as number) : -1;
    rows[i] =
      bad < 0 ? { fields, line: lines[i] as number } : { fields, line: lines[i] as number, replaced: bad };
  }
  return rows;
}

/**
 * A copy of `s`. Unpacked cells are slices of their batch's text, and V8 keeps a slice's whole
 * parent string alive: a cell kept for the rest of the file (a reject, a key in a map) is copied.
 * (V8 flattens the concatenation into a new string before slicing it.)
 */
export const detached = (s: string): string => ` ${s}`.slice(1);

/** The typed arrays' buffers, for postMessage's transfer list. */
export const transferables = (p: PackedRows): ArrayBuffer[] => [
  p.lengths.buffer as ArrayBuffer,
  p.widths.buffer as ArrayBuffer,
  p.lines.buffer as ArrayBuffer,
  ...(p.replaced ? [p.replaced.buffer as ArrayBuffer] : []),
];

/** An error thrown on the parse worker, as it crosses to the main thread. */
export interface PackedError {
  name: string;
  message: string;
  position?: SourcePosition | undefined;
  hint?: string | undefined;
  stack?: string | undefined;
}

export function packError(err: unknown): PackedError {
  if (err instanceof DataError)
    return { name: "DataError", message: err.message, position: err.position, hint: err.hint };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack };
}

/** The error again: a DataError stays one (exit 65, same message); anything else is a bug. */
export function unpackError(p: PackedError): Error {
  if (p.name === "DataError") {
    const prefix = p.position ? `${formatPosition(p.position)}: ` : "";
    const bare = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
    return new DataError(bare, p.position, p.hint);
  }
  const e = new Error(`the CSV parser thread failed: ${p.message}`);
  if (p.stack) e.stack = `${e.message}\n${p.stack}`;
  return e;
}
