/**
 * Ticket and survey queries for the KPI command. Tickets are read with one SELECT iterated in raw
 * (array) mode straight into the typed arrays of a TicketTable: no object per row, strings
 * dictionary-encoded as they stream past.
 */
import { ColumnEncoder, type TicketTable } from "../../analytics/kpi/index.js";
import type { SurveyKind, SurveyRecord } from "../../domain/records.js";
import { TICKET_STATUSES } from "../../domain/records.js";
import type { Db } from "../db.js";

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

function ticketParams(window: TicketWindow): Record<string, number> {
  const params: Record<string, number> = {};
  if (window.createdBefore !== undefined) params.createdBefore = window.createdBefore;
  if (window.openAt !== undefined) params.openAt = window.openAt;
  return params;
}

type Cell = string | number | bigint | null;

/** Status as its index in TICKET_STATUSES, computed by SQLite: a small integer is cheaper to hand over than a string. */
const STATUS_SQL = `CASE status ${TICKET_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;

type NumericKey =
  | "createdAt"
  | "firstResponseAt"
  | "firstResolvedAt"
  | "resolvedAt"
  | "closedAt"
  | "firstResponseMinutes"
  | "firstResolutionMinutes"
  | "fullResolutionMinutes"
  | "firstResponseBusinessMinutes"
  | "fullResolutionBusinessMinutes"
  | "handleSeconds";
type CountKey = "reopenCount" | "agentReplies" | "customerMessages";
type FlagKey =
  | "status"
  | "slaFirstResponseMet"
  | "slaResolutionMet"
  | "escalated"
  | "knowledgeUsed"
  | "selfService"
  | "merged"
  | "fcrFlag";
type TextKey = "channel" | "priority" | "reason" | "agent" | "group" | "customer";

/** Store column → TicketTable column, and how a value is read. Missing: NaN for numbers, −1 otherwise. */
const COLUMNS: ReadonlyArray<
  | { column: string; kind: "number"; key: NumericKey }
  | { column: string; kind: "count"; key: CountKey }
  | { column: string; kind: "flag" | "status"; key: FlagKey }
  | { column: string; kind: "text"; key: TextKey }
> = [
  { column: "created_at", kind: "number", key: "createdAt" },
  { column: "first_response_at", kind: "number", key: "firstResponseAt" },
  { column: "first_resolved_at", kind: "number", key: "firstResolvedAt" },
  { column: "resolved_at", kind: "number", key: "resolvedAt" },
  { column: "closed_at", kind: "number", key: "closedAt" },
  { column: "first_response_minutes", kind: "number", key: "firstResponseMinutes" },
  { column: "first_resolution_minutes", kind: "number", key: "firstResolutionMinutes" },
  { column: "full_resolution_minutes", kind: "number", key: "fullResolutionMinutes" },
  { column: "first_response_business_minutes", kind: "number", key: "firstResponseBusinessMinutes" },
  { column: "full_resolution_business_minutes", kind: "number", key: "fullResolutionBusinessMinutes" },
  { column: "handle_seconds", kind: "number", key: "handleSeconds" },
  { column: "reopen_count", kind: "count", key: "reopenCount" },
  { column: "agent_replies", kind: "count", key: "agentReplies" },
  { column: "customer_messages", kind: "count", key: "customerMessages" },
  { column: "status", kind: "status", key: "status" },
  { column: "sla_first_response_met", kind: "flag", key: "slaFirstResponseMet" },
  { column: "sla_resolution_met", kind: "flag", key: "slaResolutionMet" },
  { column: "escalated", kind: "flag", key: "escalated" },
  { column: "knowledge_used", kind: "flag", key: "knowledgeUsed" },
  { column: "self_service", kind: "flag", key: "selfService" },
  { column: "merged", kind: "flag", key: "merged" },
  { column: "fcr_flag", kind: "flag", key: "fcrFlag" },
  { column: "channel", kind: "text", key: "channel" },
  { column: "priority", kind: "text", key: "priority" },
  { column: "reason", kind: "text", key: "reason" },
  { column: "agent", kind: "text", key: "agent" },
  { column: "group_name", kind: "text", key: "group" },
  { column: "customer_id", kind: "text", key: "customer" },
];

/**
 * Reads the tickets of a window into a columnar TicketTable. A first aggregate pass (in SQLite)
 * counts the rows and finds the columns that hold any value; the second SELECT reads only those,
 * in raw mode, straight into typed arrays. Exports fill a third of the columns or less, and every
 * value handed from SQLite to JavaScript costs, so the empty ones are never read.
 */
export function readTicketTable(db: Db, window: TicketWindow = {}): TicketTable {
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
    return fillTable(db, where, params, n, present);
  })();
}

function fillTable(
  db: Db,
  where: string,
  params: Record<string, number>,
  n: number,
  present: typeof COLUMNS,
): TicketTable {
  const f64 = () => new Float64Array(n).fill(Number.NaN);
  const i8 = () => new Int8Array(n).fill(-1);
  const i32 = () => new Int32Array(n).fill(-1);
  const numbers: Record<NumericKey, Float64Array> = {
    createdAt: f64(),
    firstResponseAt: f64(),
    firstResolvedAt: f64(),
    resolvedAt: f64(),
    closedAt: f64(),
    firstResponseMinutes: f64(),
    firstResolutionMinutes: f64(),
    fullResolutionMinutes: f64(),
    firstResponseBusinessMinutes: f64(),
    fullResolutionBusinessMinutes: f64(),
    handleSeconds: f64(),
  };
  const counts: Record<CountKey, Int32Array> = {
    reopenCount: i32(),
    agentReplies: i32(),
    customerMessages: i32(),
  };
  const flags: Record<FlagKey, Int8Array> = {
    status: i8(),
    slaFirstResponseMet: i8(),
    slaResolutionMet: i8(),
    escalated: i8(),
    knowledgeUsed: i8(),
    selfService: i8(),
    merged: i8(),
    fcrFlag: i8(),
  };
  const encoders: Record<TextKey, ColumnEncoder> = {
    channel: new ColumnEncoder(n),
    priority: new ColumnEncoder(n),
    reason: new ColumnEncoder(n),
    agent: new ColumnEncoder(n),
    group: new ColumnEncoder(n),
    customer: new ColumnEncoder(n),
  };
  for (const e of Object.values(encoders)) e.codes.fill(-1);
  // One reader per selected column, chosen once; the row loop only indexes.
  const readers = present.map((c): ((row: number, v: Cell) => void) => {
    switch (c.kind) {
      case "number": {
        const out = numbers[c.key];
        return (row, v) => {
          if (v !== null) out[row] = Number(v);
        };
      }
      case "count": {
        const out = counts[c.key];
        return (row, v) => {
          if (v !== null && Number(v) >= 0) out[row] = Math.trunc(Number(v));
        };
      }
      case "status": {
        const out = flags[c.key];
        return (row, v) => {
          if (v !== null) out[row] = Number(v);
        };
      }
      case "flag": {
        const out = flags[c.key];
        return (row, v) => {
          if (v !== null) out[row] = Number(v) !== 0 ? 1 : 0;
        };
      }
      default: {
        const out = encoders[c.key];
        return (row, v) => {
          if (v !== null) out.set(row, String(v));
        };
      }
    }
  });
  const select = present.map((c) => (c.kind === "status" ? STATUS_SQL : c.column));
  const sql = `SELECT ticket_id${select.map((s) => `, ${s}`).join("")} FROM tickets${where} ORDER BY rowid`;
  const ids: string[] = new Array(n);
  const width = readers.length;
  let i = 0;
  for (const raw of db.prepare(sql).raw(true).iterate(params) as Iterable<Cell[]>) {
    if (i >= n) break;
    ids[i] = String(raw[0]);
    for (let k = 0; k < width; k++) (readers[k] as (row: number, v: Cell) => void)(i, raw[k + 1] as Cell);
    i++;
  }
  return {
    length: i,
    ids: i === n ? ids : ids.slice(0, i),
    ...numbers,
    ...counts,
    status: flags.status,
    slaFirstResponseMet: flags.slaFirstResponseMet,
    slaResolutionMet: flags.slaResolutionMet,
    escalated: flags.escalated,
    knowledgeUsed: flags.knowledgeUsed,
    selfService: flags.selfService,
    merged: flags.merged,
    fcrFlag: flags.fcrFlag,
    channel: encoders.channel.finish(),
    priority: encoders.priority.finish(),
    reason: encoders.reason.finish(),
    agent: encoders.agent.finish(),
    group: encoders.group.finish(),
    customer: encoders.customer.finish(),
  };
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
  // One scan of tickets (aggregate MAX skips NULLs; the scalar max() of several would not).
  const [tickets, surveys] = db
    .prepare(
      `SELECT (SELECT MAX(MAX(IFNULL(created_at, -1e18), IFNULL(first_response_at, -1e18),
                              IFNULL(first_resolved_at, -1e18), IFNULL(resolved_at, -1e18),
                              IFNULL(closed_at, -1e18), IFNULL(updated_at, -1e18))) FROM tickets),
              (SELECT MAX(responded_at) FROM surveys)`,
    )
    .raw(true)
    .get() as [number | null, number | null];
  const latest = Math.max(tickets ?? Number.NEGATIVE_INFINITY, surveys ?? Number.NEGATIVE_INFINITY);
  return latest > -1e17 ? latest : null;
}
