/**
 * Ticket rows into KPI table chunks: which store column fills which table column, and the
 * per-column readers that turn SQLite values into typed-array entries. Shared by the row path of
 * readTicketTable and by the column cache's writers.
 */
import {
  assembleTicketTable,
  BYTE_KEYS,
  type Dictionary,
  encodeValue,
  FLOAT_KEYS,
  INT_KEYS,
  TEXT_KEYS,
  type TicketColumns,
  type TicketTable,
} from "../../analytics/kpi/index.js";
import { TICKET_STATUSES } from "../../domain/records.js";

export type { Dictionary };

export type Cell = string | number | bigint | null;

/** Status as its index in TICKET_STATUSES, computed by SQLite: a small integer is cheaper to hand over than a string. */
export const STATUS_SQL = `CASE status ${TICKET_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;

type NumericKey = (typeof FLOAT_KEYS)[number];
type CountKey = (typeof INT_KEYS)[number];
type FlagKey = (typeof BYTE_KEYS)[number];
type TextKey = (typeof TEXT_KEYS)[number];

/** Store column → TicketTable column, and how a value is read. Missing: NaN for numbers, −1 otherwise. */
export const COLUMNS: ReadonlyArray<
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

/** A chunk of `n` rows, every value missing, its text columns coding into the shared dictionaries. */
export function emptyChunk(n: number, dictionaries: readonly Dictionary[]): TicketTable {
  const c: Record<string, unknown> = {};
  for (const k of FLOAT_KEYS) c[k] = new Float64Array(n).fill(Number.NaN);
  for (const k of INT_KEYS) c[k] = new Int32Array(n).fill(-1);
  for (const k of BYTE_KEYS) c[k] = new Int8Array(n).fill(-1);
  TEXT_KEYS.forEach((k, d) => {
    const dict = dictionaries[d] ?? { codeOf: new Map<string, number>(), values: [] };
    c[k] = { codes: new Int32Array(n).fill(-1), values: dict.values, codeOf: dict.codeOf };
  });
  const ids = new Array<string>(n);
  return assembleTicketTable(n, c as TicketColumns, () => ids);
}

/** One writer per selected column into `chunk`, chosen once; the row loop only indexes. */
export function readersFor(
  chunk: TicketTable,
  present: typeof COLUMNS,
): Array<(row: number, v: Cell) => void> {
  return present.map((c): ((row: number, v: Cell) => void) => {
    switch (c.kind) {
      case "number":
      case "status": {
        // A status arrives as its index in TICKET_STATUSES (STATUS_SQL).
        const out = chunk[c.key];
        return (row, v) => {
          if (v !== null) out[row] = Number(v);
        };
      }
      case "count": {
        const out = chunk[c.key];
        return (row, v) => {
          if (v !== null && Number(v) >= 0) out[row] = Math.trunc(Number(v));
        };
      }
      case "flag": {
        const out = chunk[c.key];
        return (row, v) => {
          if (v !== null) out[row] = Number(v) !== 0 ? 1 : 0;
        };
      }
      default: {
        const column = chunk[c.key] as { codes: Int32Array } & Dictionary;
        const codes = column.codes;
        return (row, v) => {
          if (v !== null && v !== "") codes[row] = encodeValue(column, String(v));
        };
      }
    }
  });
}

/** The column list a SELECT reads (status as its index), after rowid and ticket_id. */
export function selectList(present: typeof COLUMNS): string {
  return present.map((c) => (c.kind === "status" ? STATUS_SQL : c.column)).join(", ");
}
