/**
 * Keeping the tickets' column cache (ticket-columns.ts) current after an import, inside the
 * import's transaction. A nightly import touches a few thousand rows of a store of millions, so
 * the cache is patched: only the rows the import inserted or updated are read back, and only the
 * chunks holding them are rewritten. When the cache cannot be patched safely (none yet, stale,
 * rowids with gaps), it is rebuilt from every row, a chunk at a time.
 */
import { BYTE_KEYS, FLOAT_KEYS, INT_KEYS, TEXT_KEYS, type TicketTable } from "../analytics/kpi/index.js";
import type { Db } from "./db.js";
import {
  type Cell,
  COLUMNS,
  type Dictionary,
  emptyChunk,
  readersFor,
  selectList,
} from "./queries/ticket-rows.js";
import { latestTicketInstant, scanTickets } from "./queries/tickets.js";
import {
  ALL_KEYS,
  CACHE_CHUNK_ROWS,
  ChunkStore,
  columnsOf,
  maxRowid,
  storedTicketColumnsMeta,
  TicketColumnsWriter,
} from "./ticket-columns.js";

/** What an import did, for patching: its id, and max(rowid) of tickets before it wrote. */
export interface TicketsChange {
  importId: number;
  rowidBefore: number;
}

/** Brings the cache up to date with the tickets, patching it after `change` when possible. */
export function refreshTicketColumns(
  db: Db,
  change?: TicketsChange,
  chunkRows = CACHE_CHUNK_ROWS,
): "patched" | "rebuilt" {
  if (change && patchTicketColumns(db, change)) return "patched";
  const cache = new TicketColumnsWriter(db, chunkRows);
  let present = new Set<string>();
  scanTickets(db, {}, chunkRows, (chunk, columns) => {
    present = new Set(columns.map((c) => c.key));
    cache.add(chunk, present);
  });
  cache.finish(present, latestTicketInstant(db));
  return "rebuilt";
}

interface OpenChunk {
  index: number;
  /** Rows in the chunk (grows as rows are appended). */
  length: number;
  table: TicketTable;
  ids: string[];
  readers: Array<(row: number, v: Cell) => void>;
}

/**
 * Patches the cache with the rows `change.importId` inserted or updated. Returns false (having
 * possibly written part of a patch, which the rebuild then replaces) when it cannot: no current
 * cache from before the import, or rowids that are not 1…n (a positional patch needs rowid = row).
 */
function patchTicketColumns(db: Db, change: TicketsChange): boolean {
  const meta = storedTicketColumnsMeta(db);
  const before = change.rowidBefore;
  if (!meta || meta.maxRowid !== before || meta.rows !== before || !(meta.chunkRows > 0)) return false;
  const chunkRows = meta.chunkRows;
  const after = maxRowid(db);
  const chunks = new ChunkStore(db);
  const stored = new Set(meta.columns);
  const present = new Set(meta.columns);
  const dictionaries: Dictionary[] = TEXT_KEYS.map((k) => {
    const values = stored.has(k) ? (JSON.parse(chunks.text(`${k}.values`, 0)) as string[]) : [];
    return { values, codeOf: new Map(values.map((v, i) => [v, i])) };
  });
  const chunkCount = (rows: number) => Math.ceil(rows / chunkRows);
  const lengthOf = (c: number, rows: number) => Math.max(0, Math.min(chunkRows, rows - c * chunkRows));

  const load = (c: number): OpenChunk => {
    const table = emptyChunk(chunkRows, dictionaries);
    const length = lengthOf(c, before);
    if (length > 0) {
      for (const [name, column] of columnsOf(table)) {
        if (stored.has(name)) new Uint8Array(column.buffer).set(chunks.blob(name, c));
      }
    }
    const ids = table.ids as string[];
    if (length > 0) {
      const stored = JSON.parse(chunks.text("ticket_id", c)) as string[];
      for (let r = 0; r < stored.length; r++) ids[r] = stored[r] as string;
    }
    return { index: c, length, table, ids, readers: readersFor(table, COLUMNS) };
  };
  const flush = (open: OpenChunk): void => {
    for (const [name, column] of columnsOf(open.table)) {
      const values = column.subarray(0, open.length);
      if (!present.has(name) && !hasValue(values)) continue;
      present.add(name);
      chunks.put(name, open.index, values);
    }
    chunks.putText("ticket_id", open.index, JSON.stringify(open.ids.slice(0, open.length)));
  };

  const page = db
    .prepare(
      `SELECT rowid, ticket_id, ${selectList(COLUMNS)} FROM tickets
       WHERE import_id = :importId AND rowid > :after ORDER BY rowid LIMIT ${chunkRows}`,
    )
    .raw(true);
  let open: OpenChunk | undefined;
  let last = 0;
  let nextNew = before + 1;
  for (;;) {
    const rows = page.all({ importId: change.importId, after: last }) as Cell[][];
    if (rows.length === 0) break;
    for (const raw of rows) {
      const rowid = raw[0] as number;
      last = rowid;
      // New rows must continue 1…n without a gap, or positions stop matching rowids.
      if (rowid > before && rowid !== nextNew++) return false;
      const c = Math.floor((rowid - 1) / chunkRows);
      const r = rowid - 1 - c * chunkRows;
      if (open?.index !== c) {
        if (open) flush(open);
        open = load(c);
      }
      clearRow(open.table, r);
      open.ids[r] = String(raw[1]);
      for (let k = 0; k < COLUMNS.length; k++)
        (open.readers[k] as (row: number, v: Cell) => void)(r, raw[k + 2] as Cell);
      if (r >= open.length) open.length = r + 1;
    }
  }
  if (open) flush(open);
  if (nextNew - 1 !== after) return false;

  // A column that held no value before and does now: the chunks not rewritten get a missing-filled one.
  for (const name of present) {
    if (stored.has(name)) continue;
    const missing = emptyChunk(chunkRows, []);
    const filler = columnsOf(missing).get(name);
    if (!filler) continue;
    for (let c = 0; c < chunkCount(after); c++) {
      if (!chunks.has(name, c)) chunks.put(name, c, filler.subarray(0, lengthOf(c, after)));
    }
  }
  TEXT_KEYS.forEach((k, d) => {
    if (present.has(k)) chunks.putText(`${k}.values`, 0, JSON.stringify(dictionaries[d]?.values ?? []));
  });
  chunks.writeMeta({
    rows: after,
    maxRowid: after,
    chunkRows,
    columns: ALL_KEYS.filter((k) => present.has(k)),
    latest: latestTicketInstant(db),
  });
  return true;
}

function hasValue(a: Float64Array | Int32Array | Int8Array): boolean {
  if (a instanceof Float64Array) {
    for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i] as number)) return true;
    return false;
  }
  for (let i = 0; i < a.length; i++) if (a[i] !== -1) return true;
  return false;
}

/** Sets every column of row `r` to missing, before an updated row's values are written over it. */
function clearRow(t: TicketTable, r: number): void {
  for (const k of FLOAT_KEYS) t[k][r] = Number.NaN;
  for (const k of INT_KEYS) t[k][r] = -1;
  for (const k of BYTE_KEYS) t[k][r] = -1;
  for (const k of TEXT_KEYS) t[k].codes[r] = -1;
}
