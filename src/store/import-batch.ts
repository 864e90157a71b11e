import type { Statement } from "better-sqlite3";
import { NATURAL_KEY } from "../ingest/profiles/fields.js";
import type { RecordKind } from "../ingest/profiles/types.js";
import type { Db } from "./db.js";
import { latestTicketInstant } from "./queries/tickets.js";
import { recordColumns, TABLE } from "./schema.js";
import { CACHE_CHUNK_ROWS } from "./ticket-columns.js";
import { TicketColumnsCapture } from "./ticket-columns-capture.js";
import { refreshTicketColumns } from "./ticket-columns-refresh.js";

export type Cell = string | number | null;

/**
 * What one file did to the store. Every row read is exactly one of: inserted (a key new to the
 * store), updated (an existing record changed), unchanged (left the store as it was: identical,
 * or older than the stored record by updated_at), collapsed (a later row for a key this file
 * had already inserted or updated: event logs), or rejected (counted by the caller).
 */
export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  collapsed: number;
}

export interface ImportProvenance {
  kind: RecordKind;
  fileName: string;
  filePath: string | null;
  sha256: string;
  profile: string;
  encoding: string;
  delimiter: string;
  importedAt: number;
  rowsRead: number;
  rejected: number;
  rejectsPath: string | null;
  seconds: number;
  toolVersion: string;
}

export interface PreviousImport {
  import_id: number;
  imported_at: number;
  file_name: string;
}

export function findImportByHash(db: Db, kind: RecordKind, sha256: string): PreviousImport | undefined {
  return db
    .prepare(
      "SELECT import_id, imported_at, file_name FROM imports WHERE kind = ? AND sha256 = ? ORDER BY import_id DESC",
    )
    .get(kind, sha256) as PreviousImport | undefined;
}

/**
 * Rows per INSERT statement. better-sqlite3 pays per call and per bound array element, and SQLite
 * re-seeks its cursors per statement; a multi-row VALUES keeps both small (16 rows measured best:
 * less than half the per-row cost), and its rows are still upserted one after the other, in order.
 */
const ROWS_PER_STATEMENT = 16;

/**
 * A load that changes at least this many rows, and more than the table held before, drops the
 * table's secondary indexes and builds them once at the end: a sorted build is several times
 * cheaper than a random B-tree insert per row, while a small import into a big table keeps them.
 */
const DEFER_INDEXES_AFTER = 10_000;

/**
 * One file's import inside one write transaction. Each row is upserted on the natural key at
 * once (a later row of a key replaces an earlier one, so event logs end at their last row); the
 * update only happens when a value differs and the row is not older than the stored one. Nothing
 * is visible to other connections until commit; rollback leaves the store exactly as it was.
 * Rows are buffered and written ROWS_PER_STATEMENT at a time; finish() writes the rest.
 */
export class ImportBatch {
  readonly kind: RecordKind;
  readonly importId: number;
  private readonly db: Db;
  /** Upserts one row, and ROWS_PER_STATEMENT rows. */
  private readonly upsert: Statement<Cell[]>;
  private readonly upsertMany: Statement<Cell[]>;
  /** Bound values of the buffered rows, `width` per row. */
  private readonly params: Cell[];
  private readonly width: number;
  private pending = 0;
  /** For each written column, its index in recordColumns(kind) order. */
  private readonly pick: number[];
  private rows = 0;
  /** Rows written so far that inserted or changed a record. */
  private changed = 0;
  private open = true;
  /**
   * max(rowid) of the table before the batch: rows above it are the ones this file inserted (and,
   * for tickets, what the column cache's patch starts from).
   */
  private readonly lastRowidBefore: number;
  /** CREATE INDEX statements of the secondary indexes dropped for the load, rebuilt by finish(). */
  private deferredIndexes: string[] | null = null;
  /**
   * Tickets into an empty table: the column cache is filled from the rows as they are written
   * (ticket-columns-capture.ts) instead of being read back at the end.
   */
  private readonly capture: TicketColumnsCapture | null = null;

  /** How finish() brought the tickets' column cache up to date (null for other kinds, or before). */
  columnCache: "captured" | "patched" | "rebuilt" | null = null;
  private readonly cacheChunkRows: number;

  /**
   * `written` names the columns the file can fill (the profile's mapped fields); the others are
   * neither bound nor overwritten, so a narrower export never blanks what a wider one stored.
   * `cacheChunkRows` sizes the column cache's chunks when the import writes it whole.
   */
  constructor(db: Db, kind: RecordKind, written?: readonly string[], cacheChunkRows = CACHE_CHUNK_ROWS) {
    this.cacheChunkRows = cacheChunkRows;
    this.db = db;
    this.kind = kind;
    const all = recordColumns(kind);
    const key = NATURAL_KEY[kind];
    const cols = all.filter((c) => key.includes(c) || !written || written.includes(c));
    this.pick = cols.map((c) => all.indexOf(c));
    const t = TABLE[kind];
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), not at the first write.
    db.exec("BEGIN IMMEDIATE");
    try {
      // The provenance row comes first so records can point at it; its counts are filled in at the end.
      const info = db
        .prepare(
          `INSERT INTO imports (kind, file_name, sha256, profile, imported_at, rows_read, inserted, updated,
             unchanged, rejected, collapsed, seconds, tool_version)
           VALUES (?, '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, '')`,
        )
        .run(kind);
      this.importId = Number(info.lastInsertRowid);
      const others = cols.filter((c) => !key.includes(c));
      const changed = others.map((c) => `${t}.${c} IS NOT excluded.${c}`).join(" OR ");
      const notOlder = cols.includes("updated_at")
        ? ` AND (excluded.updated_at IS NULL OR ${t}.updated_at IS NULL OR excluded.updated_at >= ${t}.updated_at)`
        : "";
      this.lastRowidBefore = (
        db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${t}`).get() as { n: number }
      ).n;
      const tuple = `(${cols.map(() => "?").join(", ")}, ?, ${this.importId}, ${this.importId})`;
      if (kind === "tickets" && this.lastRowidBefore === 0)
        this.capture = new TicketColumnsCapture(db, cols, cacheChunkRows);
      const upsertOf = (rows: number) =>
        db.prepare<Cell[]>(
          `INSERT INTO ${t} (${cols.join(", ")}, source_line, import_id, first_import_id)
           VALUES ${new Array(rows).fill(tuple).join(", ")}
           ON CONFLICT (${key.join(", ")}) DO UPDATE SET
             ${others.map((c) => `${c} = excluded.${c}`).join(", ")},
             source_line = excluded.source_line, import_id = excluded.import_id
           WHERE (${changed})${notOlder}`,
        );
      this.upsert = upsertOf(1);
      this.upsertMany = upsertOf(ROWS_PER_STATEMENT);
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
    this.width = this.pick.length + 1;
    this.params = new Array<Cell>(this.width * ROWS_PER_STATEMENT).fill(null);
  }

  /** Writes one record. `values` is in recordColumns(kind) order and may be reused by the caller. */
  add(values: readonly Cell[], line: number): void {
    const p = this.params;
    const pick = this.pick;
    let o = this.pending * this.width;
    for (let i = 0; i < pick.length; i++) p[o++] = values[pick[i] as number] as Cell;
    p[o] = line;
    this.rows++;
    if (++this.pending === ROWS_PER_STATEMENT) this.flush();
  }

  /** Writes the buffered rows. A statement's `changes` counts the rows it inserted or updated. */
  private flush(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    const w = this.width;
    const p = this.params;
    let changes = 0;
    let last = 0;
    // Spread arguments: better-sqlite3 binds them faster than one array argument.
    if (n === ROWS_PER_STATEMENT) {
      const info = this.upsertMany.run(...p);
      changes = info.changes;
      last = Number(info.lastInsertRowid);
    } else
      for (let r = 0; r < n; r++) {
        const info = this.upsert.run(...p.slice(r * w, (r + 1) * w));
        changes += info.changes;
        if (info.changes > 0) last = Number(info.lastInsertRowid);
      }
    this.changed += changes;
    if (this.capture?.valid) this.capture.statement(p, w, n, changes, last);
    if (
      this.deferredIndexes === null &&
      this.changed >= DEFER_INDEXES_AFTER &&
      this.changed > this.lastRowidBefore
    )
      this.deferIndexes();
  }

  /** Drops the table's plain indexes (neither unique nor partial); finish() creates them again. */
  private deferIndexes(): void {
    const t = TABLE[this.kind];
    const plain = this.db
      .prepare(
        `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list(?) l ON l.name = m.name
         WHERE m.type = 'index' AND m.sql IS NOT NULL AND l."unique" = 0 AND l.partial = 0 ORDER BY m.name`,
      )
      .all(t) as Array<{ name: string; sql: string }>;
    for (const ix of plain) this.db.exec(`DROP INDEX "${ix.name.replaceAll('"', '""')}"`);
    this.deferredIndexes = plain.map((ix) => ix.sql);
  }

  /** Counts what the file did and completes its provenance row; the transaction stays open until commit(). */
  finish(prov: ImportProvenance): MergeCounts {
    this.flush();
    for (const sql of this.deferredIndexes ?? []) this.db.exec(sql);
    this.deferredIndexes = null;
    const t = TABLE[this.kind];
    const id = this.importId;
    // The rows this file inserted are the ones past the table's old last rowid (SQLite gives a new
    // row max(rowid) + 1, and nothing is deleted in between); the ones it updated are older rows
    // carrying its import id. Only the older rows need a scan.
    const c = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM ${t} WHERE rowid > :before) AS inserted,
                (SELECT count(*) FROM ${t} WHERE rowid <= :before AND import_id = :id) AS updated`,
      )
      .get({ before: this.lastRowidBefore, id }) as { inserted: number; updated: number };
    const unchanged = this.rows - this.changed;
    const counts: MergeCounts = {
      inserted: c.inserted,
      updated: c.updated,
      unchanged,
      collapsed: this.rows - c.inserted - c.updated - unchanged,
    };
    this.db
      .prepare(
        `UPDATE imports SET file_name = @fileName, file_path = @filePath, sha256 = @sha256, profile = @profile,
           encoding = @encoding, delimiter = @delimiter, imported_at = @importedAt, rows_read = @rowsRead,
           inserted = @inserted, updated = @updated, unchanged = @unchanged, rejected = @rejected,
           collapsed = @collapsed, rejects_path = @rejectsPath, seconds = @seconds, tool_version = @toolVersion
         WHERE import_id = @id`,
      )
      .run({ ...prov, ...counts, id });
    if (this.capture?.valid) {
      this.capture.finish(() => latestTicketInstant(this.db));
      this.columnCache = "captured";
    } else if (this.kind === "tickets")
      this.columnCache = refreshTicketColumns(
        this.db,
        { importId: this.importId, rowidBefore: this.lastRowidBefore },
        this.cacheChunkRows,
      );
    return counts;
  }

  commit(): void {
    if (!this.open) return;
    this.db.exec("COMMIT");
    this.open = false;
  }

  /** Leaves the store exactly as before the batch began. Safe to call twice. */
  rollback(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}
