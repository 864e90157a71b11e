/**
 * The tickets' column cache: the KPI table (src/analytics/kpi/ticket-table.ts) stored as BLOBs in
 * `ticket_columns`, one per column and chunk of rows, rewritten inside every tickets import's
 * transaction. Reading a million rows back out of SQLite costs seconds of per-value calls; reading
 * a few hundred BLOBs costs milliseconds. It is a derived copy: triggers empty it when tickets are
 * updated or deleted by anything else, a later hand-made INSERT moves max(rowid) past its stamp,
 * and readers fall back to reading the rows whenever it is missing or stale.
 */

import type Database from "better-sqlite3";
import {
  assembleTicketTable,
  BYTE_KEYS,
  FLOAT_KEYS,
  INT_KEYS,
  TEXT_KEYS,
  type TicketColumns,
  type TicketTable,
} from "../analytics/kpi/index.js";
import type { Db } from "./db.js";

/** Bumped when the stored layout changes; a cache of another format is ignored (and rebuilt on import). */
const FORMAT = 1;
const META = ".meta";
const IDS = "ticket_id";
const valuesOf = (key: string) => `${key}.values`;

export interface TicketColumnsMeta {
  format: number;
  rows: number;
  /** Rows per chunk (the last one may hold fewer): chunk c holds rows c·chunkRows onwards. */
  chunkRows: number;
  /** max(rowid) of tickets when the cache was written: a later INSERT makes it stale. */
  maxRowid: number;
  /** The columns stored (the others hold no value in any ticket). */
  columns: string[];
  /** The latest instant in the tickets (what latestDataInstant reads). */
  latest: number | null;
}

type Column = Float64Array | Int32Array | Int8Array;

/**
 * Rows per chunk: a chunk's BLOBs stay at 256 KB or less, an import that fills the cache as it
 * writes holds one chunk (about 4.5 MB; 64k-row chunks put a 1M-row import's peak RSS at the
 * 300 MB limit), and a patch rewrites only the chunks its rows fall in. A million rows are 31
 * chunks, under a thousand BLOBs to read. Caches written with another size stay readable: `.meta`
 * records it.
 */
export const CACHE_CHUNK_ROWS = 32_768;

export function maxRowid(db: Db): number {
  return (db.prepare("SELECT max(rowid) FROM tickets").pluck().get() as number | null) ?? 0;
}

function bytesOf(a: Column): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Typed arrays of a table chunk by column name (text columns: their codes). */
/** Every table column, in storage order. */
export const ALL_KEYS = [...FLOAT_KEYS, ...INT_KEYS, ...BYTE_KEYS, ...TEXT_KEYS] as const;

export function columnsOf(t: TicketTable): Map<string, Column> {
  const out = new Map<string, Column>();
  for (const k of FLOAT_KEYS) out.set(k, t[k]);
  for (const k of INT_KEYS) out.set(k, t[k]);
  for (const k of BYTE_KEYS) out.set(k, t[k]);
  for (const k of TEXT_KEYS) out.set(k, t[k].codes);
  return out;
}

/**
 * Writes the cache chunk by chunk. Use inside the write transaction that changed the tickets, so
 * the cache commits or rolls back with them. Chunks come in rowid order and share dictionaries.
 */
export class TicketColumnsWriter {
  private readonly db: Db;
  private readonly chunkRows: number;
  private readonly put: Database.Statement<[string, number, Buffer | string]>;
  private chunks = 0;
  private rows = 0;
  private last: TicketTable | undefined;

  constructor(db: Db, chunkRows: number) {
    this.db = db;
    this.chunkRows = chunkRows;
    db.prepare("DELETE FROM ticket_columns").run();
    this.put = db.prepare<[string, number, Buffer | string]>(
      "INSERT INTO ticket_columns (name, chunk, data) VALUES (?, ?, ?)",
    );
  }

  /**
   * Stores the chunk's columns named in `present` (those holding a value in some ticket; the others
   * are missing everywhere and not stored).
   */
  add(chunk: TicketTable, present: ReadonlySet<string>): void {
    if (chunk.length === 0) return;
    for (const [name, column] of columnsOf(chunk)) {
      if (present.has(name)) this.put.run(name, this.chunks, bytesOf(column));
    }
    this.put.run(IDS, this.chunks, JSON.stringify(chunk.ids));
    this.chunks++;
    this.rows += chunk.length;
    this.last = chunk;
  }

  /** Stores the dictionaries and the stamp, and drops any chunks of columns not in `present`. */
  finish(present: ReadonlySet<string>, latest: number | null): void {
    const stored = ALL_KEYS.filter((k) => present.has(k));
    const drop = this.db.prepare("DELETE FROM ticket_columns WHERE name = ?");
    for (const k of ALL_KEYS) if (!present.has(k)) drop.run(k);
    for (const k of TEXT_KEYS) {
      if (present.has(k)) this.put.run(valuesOf(k), 0, JSON.stringify(this.last?.[k].values ?? []));
    }
    const meta: TicketColumnsMeta = {
      format: FORMAT,
      rows: this.rows,
      chunkRows: this.chunkRows,
      maxRowid: maxRowid(this.db),
      columns: stored,
      latest,
    };
    this.put.run(META, 0, JSON.stringify(meta));
  }
}

/** The cache's description as stored, current or not; undefined when there is none of this format. */
export function storedTicketColumnsMeta(db: Db): TicketColumnsMeta | undefined {
  // Reports open the store read-only, without migrating: a store from before the cache has none.
  if (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket_columns'").get() ===
    undefined
  )
    return undefined;
  const text = db.prepare("SELECT data FROM ticket_columns WHERE name = ? AND chunk = 0").pluck().get(META);
  if (typeof text !== "string") return undefined;
  const meta = JSON.parse(text) as TicketColumnsMeta;
  return meta.format === FORMAT ? meta : undefined;
}

/** The cache's description when it is present and current, else undefined. */
export function ticketColumnsMeta(db: Db): TicketColumnsMeta | undefined {
  const meta = storedTicketColumnsMeta(db);
  return meta && meta.maxRowid === maxRowid(db) ? meta : undefined;
}

/** Single chunks of the cache, for patching one chunk at a time. */
export class ChunkStore {
  private readonly get: Database.Statement<[string, number]>;
  private readonly set: Database.Statement<[string, number, Buffer | string]>;

  constructor(db: Db) {
    this.get = db
      .prepare<[string, number]>("SELECT data FROM ticket_columns WHERE name = ? AND chunk = ?")
      .pluck();
    this.set = db.prepare<[string, number, Buffer | string]>(
      "INSERT OR REPLACE INTO ticket_columns (name, chunk, data) VALUES (?, ?, ?)",
    );
  }

  has(name: string, chunk: number): boolean {
    return this.get.get(name, chunk) !== undefined;
  }

  blob(name: string, chunk: number): Buffer {
    return this.get.get(name, chunk) as Buffer;
  }

  text(name: string, chunk: number): string {
    return this.get.get(name, chunk) as string;
  }

  put(name: string, chunk: number, column: Column): void {
    this.set.run(name, chunk, bytesOf(column));
  }

  putText(name: string, chunk: number, text: string): void {
    this.set.run(name, chunk, text);
  }

  writeMeta(meta: Omit<TicketColumnsMeta, "format">): void {
    this.set.run(META, 0, JSON.stringify({ format: FORMAT, ...meta }));
  }
}

/** The cached table when it is present and current, else undefined (the caller reads the rows). */
export function readTicketColumns(db: Db): TicketTable | undefined {
  // One read transaction, so the stamp checked is the stamp of the columns read.
  return db.transaction(() => {
    const meta = ticketColumnsMeta(db);
    if (!meta) return undefined;
    const n = meta.rows;
    const stored = new Set(meta.columns);
    const chunksOf = db.prepare("SELECT data FROM ticket_columns WHERE name = ? ORDER BY chunk").pluck();
    // Copies each column's chunks into one array; absent columns share one missing-filled array
    // per type (tables are never written after construction).
    const shared = new Map<string, Column>();
    const column = <A extends Column>(name: string, make: (n: number) => A, missing: number): A => {
      if (!stored.has(name)) {
        const key = `${make(0).constructor.name}`;
        let a = shared.get(key) as A | undefined;
        if (!a) {
          a = make(n);
          a.fill(missing);
          shared.set(key, a);
        }
        return a;
      }
      const out = make(n);
      const bytes = new Uint8Array(out.buffer);
      let at = 0;
      for (const blob of chunksOf.iterate(name) as Iterable<Buffer>) {
        bytes.set(blob, at);
        at += blob.byteLength;
      }
      return out;
    };
    const c: Record<string, unknown> = {};
    for (const k of FLOAT_KEYS) c[k] = column(k, (m) => new Float64Array(m), Number.NaN);
    for (const k of INT_KEYS) c[k] = column(k, (m) => new Int32Array(m), -1);
    for (const k of BYTE_KEYS) c[k] = column(k, (m) => new Int8Array(m), -1);
    for (const k of TEXT_KEYS) {
      const values = stored.has(k) ? (JSON.parse(chunksOf.get(valuesOf(k)) as string) as string[]) : [];
      c[k] = {
        codes: column(k, (m) => new Int32Array(m), -1),
        values,
        codeOf: new Map(values.map((v, i) => [v, i])),
      };
    }
    const idChunks = chunksOf.all(IDS) as string[];
    return assembleTicketTable(n, c as TicketColumns, () =>
      idChunks.flatMap((chunk) => JSON.parse(chunk) as string[]),
    );
  })();
}
