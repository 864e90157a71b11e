/**
 * Ticket and survey queries for the KPI command. Tickets are read with one SELECT iterated in raw
 * (array) mode straight into the typed arrays of a TicketTable: no object per row, strings
 * dictionary-encoded as they stream past.
 */
import { selectTicketRows, TEXT_KEYS, type TicketTable } from "../../analytics/kpi/index.js";
import type { SurveyKind, SurveyRecord } from "../../domain/records.js";
import { TICKET_STATUSES } from "../../domain/records.js";
import type { Db } from "../db.js";
import { readTicketColumns, ticketColumnsMeta } from "../ticket-columns.js";
import { type Cell, COLUMNS, emptyChunk, readersFor, selectList } from "./ticket-rows.js";

/**
 * Which tickets a report needs. Tickets created after `createdBefore` are invisible (the report is
 * as of that instant). With `openAt`, tickets created earlier are read only when they were still
 * open at that instant (they count in backlog); later ones are all read (they are in scope, or
 * re-contact follow-ups).
 */
export interface TicketWindow {
  createdBefore?: number | undefined;
  openAt?: number | undefined;
}

/**
 * "Still open at :openAt" in SQL, mirroring the analytics' closing instant (ticket-state.ts): a
 * ticket is resolved when its status is solved/closed, or (without a status) when it has a
 * resolved or closed time; it left the queue at resolved_at, else closed_at, else creation.
 */
const OPEN_AT = `(CASE WHEN status IN ('solved', 'closed')
          OR (status IS NULL AND (resolved_at IS NOT NULL OR closed_at IS NOT NULL))
        THEN COALESCE(resolved_at, closed_at, created_at) >= :openAt
        ELSE 1 END)`;

function whereClause(window: TicketWindow): string {
  const where: string[] = [];
  // Unary + keeps SQLite off the created_at index: a window holds most tickets, and an index
  // walk with a table lookup per row is several times slower than one sequential scan.
  if (window.createdBefore !== undefined) where.push("+created_at < :createdBefore");
  if (window.openAt !== undefined) where.push(`(+created_at >= :openAt OR ${OPEN_AT})`);
  // Tickets without a creation time fall out of any window (they are in no scope or period).
  return where.length ? ` WHERE ${where.join(" AND ")}` : "";
}

/** STATUS_SQL's indexes of solved and closed, for the JavaScript twin of OPEN_AT. */
const SOLVED = TICKET_STATUSES.indexOf("solved");
const CLOSED = TICKET_STATUSES.indexOf("closed");

/**
 * The rows of a whole-store table inside `window`, by exactly the WHERE clause above (SQL's NULL
 * comparisons are false, so a missing time never satisfies a bound); null when every row is.
 */
function rowsInWindow(t: TicketTable, window: TicketWindow): Int32Array | null {
  const { createdBefore, openAt } = window;
  if (createdBefore === undefined && openAt === undefined) return null;
  const rows = new Int32Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const created = t.createdAt[i] as number;
    if (createdBefore !== undefined && !(created < createdBefore)) continue;
    if (openAt !== undefined && !(created >= openAt)) {
      const s = t.status[i] as number;
      const closedKind =
        s === SOLVED ||
        s === CLOSED ||
        (s === -1 && (!Number.isNaN(t.resolvedAt[i] as number) || !Number.isNaN(t.closedAt[i] as number)));
      if (closedKind) {
        let left = t.resolvedAt[i] as number;
        if (Number.isNaN(left)) left = t.closedAt[i] as number;
        if (Number.isNaN(left)) left = created;
        if (!(left >= openAt)) continue;
      }
    }
    rows[n++] = i;
  }
  return n === t.length ? null : rows.subarray(0, n);
}

function ticketParams(window: TicketWindow): Record<string, number> {
  const params: Record<string, number> = {};
  if (window.createdBefore !== undefined) params.createdBefore = window.createdBefore;
  if (window.openAt !== undefined) params.openAt = window.openAt;
  return params;
}

/**
 * Reads the tickets of a window into a columnar TicketTable: from the column cache when it is
 * current (narrowed to the window in memory), else from the rows (scanTickets).
 */
export function readTicketTable(db: Db, window: TicketWindow = {}): TicketTable {
  const cached = readTicketColumns(db);
  if (cached) {
    const rows = rowsInWindow(cached, window);
    return rows ? selectTicketRows(cached, rows) : cached;
  }
  let table: TicketTable | undefined;
  scanTickets(db, window, Number.POSITIVE_INFINITY, (chunk) => {
    table = chunk;
  });
  return table ?? emptyChunk(0, []);
}

/**
 * Streams the tickets of a window as TicketTable chunks of at most `chunkRows` rows (one chunk
 * holding everything with Infinity), in rowid order; text codes are shared across chunks. A first
 * aggregate pass counts the rows and finds the columns that hold any value; the SELECT then reads
 * only those, in raw mode, straight into typed arrays. Exports fill a third of the columns or
 * less, and every value handed from SQLite to JavaScript costs. Returns the columns read.
 */
export function scanTickets(
  db: Db,
  window: TicketWindow,
  chunkRows: number,
  sink: (chunk: TicketTable, present: typeof COLUMNS) => void,
): typeof COLUMNS {
  const where = whereClause(window);
  const params = ticketParams(window);
  // Both statements share one read transaction, so the count matches the rows.
  return db.transaction(() => {
    const counts = db
      .prepare(`SELECT COUNT(*), ${COLUMNS.map((c) => `COUNT(${c.column})`).join(", ")} FROM tickets${where}`)
      .raw(true)
      .get(params) as number[];
    const n = Number(counts[0] ?? 0);
    const present = COLUMNS.filter((_, k) => Number(counts[k + 1] ?? 0) > 0);
    const dictionaries = TEXT_KEYS.map(() => ({ codeOf: new Map<string, number>(), values: [] as string[] }));
    // Keyset pages of chunkRows rows: the sink may write to the store, which better-sqlite3 does
    // not allow while a SELECT on the same connection is still being iterated.
    const paged = Number.isFinite(chunkRows);
    const sql = `SELECT rowid, ticket_id${present.length ? `, ${selectList(present)}` : ""} FROM tickets${where}${
      paged
        ? `${where ? " AND" : " WHERE"} rowid > :after ORDER BY rowid LIMIT ${chunkRows}`
        : " ORDER BY rowid"
    }`;
    const statement = db.prepare(sql).raw(true);
    const width = present.length;
    let after = Number.NEGATIVE_INFINITY;
    let done = 0;
    while (done < n) {
      const chunk = emptyChunk(Math.min(n - done, chunkRows), dictionaries);
      const readers = readersFor(chunk, present);
      const ids = chunk.ids as string[];
      let i = 0;
      const rows = (paged ? statement.iterate({ ...params, after }) : statement.iterate(params)) as Iterable<
        Cell[]
      >;
      for (const raw of rows) {
        if (i >= chunk.length) break;
        after = raw[0] as number;
        ids[i] = String(raw[1]);
        for (let k = 0; k < width; k++) (readers[k] as (row: number, v: Cell) => void)(i, raw[k + 2] as Cell);
        i++;
      }
      // The count and the pages share one read transaction, so every page is full.
      sink(chunk, present);
      done += chunk.length;
    }
    if (n === 0) sink(emptyChunk(0, dictionaries), present);
    return present;
  })();
}

type SurveyRow = [string, string | null, string | null, number | null, string, number, number, number];

/**
 * Survey answers for a report: those answered before `answeredBefore` (or with no answer time).
 * They are few next to tickets, so plain records are fine; joinSurveys classifies them.
 */
export function readSurveyRecords(db: Db, answeredBefore?: number): SurveyRecord[] {
  const where = answeredBefore === undefined ? "" : " WHERE responded_at IS NULL OR responded_at < ?";
  const rows = db
    .prepare(
      `SELECT response_id, ticket_id, customer_id, responded_at, kind, score, scale_min, scale_max
         FROM surveys${where} ORDER BY rowid`,
    )
    .raw(true)
    .all(...(answeredBefore === undefined ? [] : [answeredBefore])) as SurveyRow[];
  const out: SurveyRecord[] = new Array(rows.length);
  for (let s = 0; s < rows.length; s++) {
    const [response_id, ticket_id, customer_id, responded_at, kind, score, min, max] = rows[s] as SurveyRow;
    out[s] = {
      response_id,
      ticket_id,
      customer_id,
      responded_at,
      kind: kind as SurveyKind,
      score,
      scale_min: min,
      scale_max: max,
      comment: null,
      channel: null,
      agent: null,
    };
  }
  return out;
}

/**
 * The latest instant anywhere in the tickets and surveys (creation, replies, solves, closes,
 * updates, answers); null for an empty store. The KPI command's default "as of" derives from it.
 */
export function latestDataInstant(db: Db): number | null {
  const tickets = ticketColumnsMeta(db)?.latest ?? latestTicketInstant(db);
  const surveys = db.prepare("SELECT MAX(responded_at) FROM surveys").pluck().get() as number | null;
  const latest = Math.max(tickets ?? Number.NEGATIVE_INFINITY, surveys ?? Number.NEGATIVE_INFINITY);
  return Number.isFinite(latest) ? latest : null;
}

/** The store columns whose greatest value is the tickets' latest instant. */
export const INSTANT_COLUMNS = [
  "created_at",
  "first_response_at",
  "first_resolved_at",
  "resolved_at",
  "closed_at",
  "updated_at",
] as const;

/** The latest instant in the tickets, null without any: one scan (the column cache keeps it too). */
export function latestTicketInstant(db: Db): number | null {
  // Aggregate MAX skips NULLs; the scalar max() of several would not.
  const v = db
    .prepare(`SELECT MAX(MAX(${INSTANT_COLUMNS.map((c) => `IFNULL(${c}, -1e18)`).join(", ")})) FROM tickets`)
    .pluck()
    .get() as number | null;
  return v !== null && v > -1e17 ? v : null;
}
