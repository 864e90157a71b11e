/**
 * Building the tickets' column cache (ticket-columns.ts) while a file is imported into an empty
 * tickets table, instead of reading every row back afterwards (about 5 s per million rows of
 * better-sqlite3 row calls). When the table starts empty and every row is a new one, rowids run
 * 1…n in write order and each row's stored values are exactly the values bound, so the chunks can
 * be filled from those (the import checks each statement's changes and last rowid). The first
 * update (an event log's later row for a ticket) ends the capture: rows may then change after
 * their chunk was written and dictionary codes would no longer follow rowid order, so the import
 * falls back to the rebuild. What the capture writes is byte for byte what the rebuild writes.
 */

import { TEXT_KEYS, type TicketTable } from "../analytics/kpi/index.js";
import { TICKET_STATUSES } from "../domain/records.js";
import type { Db } from "./db.js";
import { type Cell, COLUMNS, type Dictionary, emptyChunk, readersFor } from "./queries/ticket-rows.js";
import { INSTANT_COLUMNS } from "./queries/tickets.js";
import { ALL_KEYS, CACHE_CHUNK_ROWS, columnsOf, TicketColumnsWriter } from "./ticket-columns.js";

const STATUS_INDEX = new Map<unknown, number>(TICKET_STATUSES.map((s, i) => [s, i]));

export class TicketColumnsCapture {
  private readonly writer: TicketColumnsWriter;
  private readonly chunkRows: number;
  private readonly dictionaries: Dictionary[] = TEXT_KEYS.map(() => ({ codeOf: new Map(), values: [] }));
  /** For each COLUMNS entry, the index of its value in a bound row, or −1 when the file does not fill it. */
  private readonly at: number[];
  private readonly idAt: number;
  private readonly instantsAt: number[];
  /** Whether some row bound a non-NULL value for each COLUMNS entry (the rebuild's COUNT(column) > 0). */
  private readonly nonNull: boolean[];
  private chunk: TicketTable | undefined;
  private readers: Array<(row: number, v: Cell) => void> = [];
  private chunkStart = 0;
  /** Rows captured so far: the last one has rowid `rows`. */
  private rows = 0;
  private latest = Number.NEGATIVE_INFINITY;
  /** False once a row could not be captured: the caller rebuilds the cache instead. */
  valid = true;

  /** `bound` names the columns of a bound row, in order (the import's written columns). */
  constructor(db: Db, bound: readonly string[], chunkRows = CACHE_CHUNK_ROWS) {
    this.chunkRows = chunkRows;
    this.writer = new TicketColumnsWriter(db, chunkRows);
    this.at = COLUMNS.map((c) => bound.indexOf(c.column));
    this.idAt = bound.indexOf("ticket_id");
    this.instantsAt = INSTANT_COLUMNS.map((c) => bound.indexOf(c)).filter((i) => i >= 0);
    this.nonNull = COLUMNS.map(() => false);
    if (this.idAt < 0) this.valid = false;
  }

  /**
   * Takes one upsert statement's `n` rows (`width` values each in `rows`, bound order) given its
   * change count and last insert rowid. Into an empty table, a statement whose every row changed
   * something and whose last insert got rowid (rows so far + n) inserted all n rows, in order, at
   * consecutive rowids (an update or an unchanged row leaves last_insert_rowid short of that):
   * then the bound values are the stored ones. Anything else ends the capture.
   */
  statement(rows: readonly Cell[], width: number, n: number, changes: number, lastRowid: number): void {
    if (!this.valid) return;
    if (changes !== n || lastRowid !== this.rows + n) {
      this.abandon();
      return;
    }
    for (let r = 0; r < n; r++) this.record(rows, r * width);
  }

  /** Takes the row written at rowid rows + 1, its values at `row[offset…]` in bound order. */
  private record(row: readonly Cell[], offset: number): void {
    if (this.chunk === undefined || this.rows - this.chunkStart === this.chunkRows) this.nextChunk();
    const chunk = this.chunk as TicketTable;
    const r = this.rows - this.chunkStart;
    (chunk.ids as string[])[r] = String(row[offset + this.idAt]);
    const at = this.at;
    for (let k = 0; k < at.length; k++) {
      const i = at[k] as number;
      if (i < 0) continue;
      const v = row[offset + i] as Cell;
      if (v === null) continue;
      this.nonNull[k] = true;
      (this.readers[k] as (row: number, v: Cell) => void)(r, v);
    }
    for (const i of this.instantsAt) {
      const v = row[offset + i];
      if (typeof v === "number") {
        if (v > this.latest) this.latest = v;
      } else if (v !== null) this.latest = Number.NaN; // SQLite's MAX would order text above numbers
    }
    this.rows++;
  }

  /** Stops capturing (the caller rebuilds) and drops what was held. */
  abandon(): void {
    this.valid = false;
    this.chunk = undefined;
    this.readers = [];
  }

  /** Writes the last chunk, the dictionaries and the stamp. Only when still valid. */
  finish(latestFallback: () => number | null): void {
    const present = this.present();
    this.flush(present);
    const latest = Number.isNaN(this.latest)
      ? latestFallback()
      : Number.isFinite(this.latest)
        ? this.latest
        : null;
    this.writer.finish(present, latest);
  }

  private present(): Set<string> {
    return new Set(COLUMNS.filter((_, k) => this.nonNull[k]).map((c) => c.key));
  }

  private nextChunk(): void {
    this.chunkStart = this.rows;
    if (this.chunk === undefined) {
      this.chunk = emptyChunk(this.chunkRows, this.dictionaries);
      // The row path selects status as its index (STATUS_SQL), unknown text as NULL; bound rows hold the text.
      this.readers = readersFor(this.chunk, COLUMNS).map((read, k) =>
        COLUMNS[k]?.kind === "status"
          ? (row: number, v: Cell) => {
              const s = STATUS_INDEX.get(v);
              if (s !== undefined) read(row, s);
            }
          : read,
      );
      return;
    }
    // Columns are not known to be empty until the end: a full chunk stores them all, and the
    // writer's finish drops the ones that stayed empty. The writer copies the bytes, so the
    // chunk's arrays are reset and reused (a new multi-megabyte chunk each time keeps the GC behind).
    this.writer.add(this.chunk, new Set(ALL_KEYS));
    for (const column of columnsOf(this.chunk).values())
      column.fill(column instanceof Float64Array ? Number.NaN : -1);
  }

  /** Writes the last chunk's rows. */
  private flush(present: ReadonlySet<string>): void {
    const chunk = this.chunk;
    if (chunk === undefined) return;
    const length = this.rows - this.chunkStart;
    if (length > 0)
      this.writer.add(
        length === chunk.length ? chunk : sliceChunk(chunk, length, this.dictionaries),
        present,
      );
    this.chunk = undefined;
  }
}

/** The first `length` rows of a chunk (the last chunk is usually not full). */
function sliceChunk(chunk: TicketTable, length: number, dictionaries: readonly Dictionary[]): TicketTable {
  const out = emptyChunk(length, dictionaries);
  const to = columnsOf(out);
  for (const [name, from] of columnsOf(chunk)) to.get(name)?.set(from.subarray(0, length) as never);
  const ids = out.ids as string[];
  const src = chunk.ids as string[];
  for (let r = 0; r < length; r++) ids[r] = src[r] as string;
  return out;
}
