import { NATURAL_KEY } from "../ingest/profiles/fields.js";
import type { RecordKind } from "../ingest/profiles/types.js";
import type { Db } from "./db.js";
import { recordColumns, TABLE } from "./schema.js";
import { maxRowid } from "./ticket-columns.js";
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
 * One file's import inside one write transaction. Each row is upserted on the natural key at
 * once (a later row of a key replaces an earlier one, so event logs end at their last row); the
 * update only happens when a value differs and the row is not older than the stored one. Nothing
 * is visible to other connections until commit; rollback leaves the store exactly as it was.
 */
export class ImportBatch {
  readonly kind: RecordKind;
  readonly importId: number;
  private readonly db: Db;
  private readonly upsert: ReturnType<Db["prepare"]>;
  private readonly params: Cell[];
  /** For each written column, its index in recordColumns(kind) order. */
  private readonly pick: number[];
  private rows = 0;
  private unchanged = 0;
  private open = true;
  /** max(rowid) of tickets when the batch began, so the column cache can be patched. */
  private rowidBefore = 0;

  /**
   * `written` names the columns the file can fill (the profile's mapped fields); the others are
   * neither bound nor overwritten, so a narrower export never blanks what a wider one stored.
   */
  constructor(db: Db, kind: RecordKind, written?: readonly string[]) {
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
      if (kind === "tickets") this.rowidBefore = maxRowid(db);
      const others = cols.filter((c) => !key.includes(c));
      const changed = others.map((c) => `${t}.${c} IS NOT excluded.${c}`).join(" OR ");
      const notOlder = cols.includes("updated_at")
        ? ` AND (excluded.updated_at IS NULL OR ${t}.updated_at IS NULL OR excluded.updated_at >= ${t}.updated_at)`
        : "";
      this.upsert = db.prepare(
        `INSERT INTO ${t} (${cols.join(", ")}, source_line, import_id, first_import_id)
         VALUES (${cols.map(() => "?").join(", ")}, ?, ${this.importId}, ${this.importId})
         ON CONFLICT (${key.join(", ")}) DO UPDATE SET
           ${others.map((c) => `${c} = excluded.${c}`).join(", ")},
           source_line = excluded.source_line, import_id = excluded.import_id
         WHERE (${changed})${notOlder}`,
      );
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
    this.params = new Array<Cell>(this.pick.length + 1).fill(null);
  }

  /** Writes one record. `values` is in recordColumns(kind) order and may be reused by the caller. */
  add(values: readonly Cell[], line: number): void {
    const p = this.params;
    const pick = this.pick;
    for (let i = 0; i < pick.length; i++) p[i] = values[pick[i] as number] as Cell;
    p[pick.length] = line;
    if (this.upsert.run(p).changes === 0) this.unchanged++;
    this.rows++;
  }

  /** Counts what the file did and completes its provenance row; the transaction stays open until commit(). */
  finish(prov: ImportProvenance): MergeCounts {
    const t = TABLE[this.kind];
    const id = this.importId;
    const c = this.db
      .prepare(
        `SELECT coalesce(sum(first_import_id = ?), 0) AS inserted,
                coalesce(sum(import_id = ? AND first_import_id <> ?), 0) AS updated
         FROM ${t} WHERE import_id = ?`,
      )
      .get(id, id, id, id) as { inserted: number; updated: number };
    const counts: MergeCounts = {
      inserted: c.inserted,
      updated: c.updated,
      unchanged: this.unchanged,
      collapsed: this.rows - c.inserted - c.updated - this.unchanged,
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
    if (this.kind === "tickets")
      refreshTicketColumns(this.db, { importId: this.importId, rowidBefore: this.rowidBefore });
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
