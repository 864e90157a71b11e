import { TICKET_STATUSES, type TicketRecord, type TicketStatus } from "../../domain/records.js";
import { mergeCaseVariants } from "./case-variants.js";

/**
 * Tickets as columns: typed arrays of the fields the KPIs read, with strings encoded as small
 * integers. One pass over a million tickets then touches a few flat arrays instead of a million
 * objects. Missing numbers are NaN (timestamps, durations) or −1 (counts, codes, flags).
 */

/** A string column as codes into a dictionary; code −1 is "missing". */
export interface EncodedColumn {
  readonly codes: Int32Array;
  readonly values: readonly string[];
  readonly codeOf: ReadonlyMap<string, number>;
}

export interface TicketTable {
  readonly length: number;
  readonly ids: readonly string[];
  /** Epoch seconds, NaN when missing. */
  readonly createdAt: Float64Array;
  readonly firstResponseAt: Float64Array;
  readonly firstResolvedAt: Float64Array;
  readonly resolvedAt: Float64Array;
  readonly closedAt: Float64Array;
  /** The export's precomputed durations in minutes, NaN when absent. */
  readonly firstResponseMinutes: Float64Array;
  readonly firstResolutionMinutes: Float64Array;
  readonly fullResolutionMinutes: Float64Array;
  readonly firstResponseBusinessMinutes: Float64Array;
  readonly fullResolutionBusinessMinutes: Float64Array;
  readonly handleSeconds: Float64Array;
  /** Counts, −1 when missing. */
  readonly reopenCount: Int32Array;
  readonly agentReplies: Int32Array;
  readonly customerMessages: Int32Array;
  /** Index into TICKET_STATUSES, −1 when missing. */
  readonly status: Int8Array;
  /** Flags: 1 true, 0 false, −1 missing. */
  readonly slaFirstResponseMet: Int8Array;
  readonly slaResolutionMet: Int8Array;
  readonly escalated: Int8Array;
  readonly knowledgeUsed: Int8Array;
  readonly selfService: Int8Array;
  readonly merged: Int8Array;
  readonly fcrFlag: Int8Array;
  readonly channel: EncodedColumn;
  readonly priority: EncodedColumn;
  readonly reason: EncodedColumn;
  readonly agent: EncodedColumn;
  readonly group: EncodedColumn;
  readonly customer: EncodedColumn;
}

const STATUS_INDEX = new Map<TicketStatus, number>(TICKET_STATUSES.map((s, i) => [s, i]));
export const STATUS_SOLVED = STATUS_INDEX.get("solved") as number;
export const STATUS_CLOSED = STATUS_INDEX.get("closed") as number;

/** A growing dictionary of a text column: codes follow first appearance. */
export interface Dictionary {
  codeOf: Map<string, number>;
  values: string[];
}

/** The code of `value`, added to the dictionary when first seen. */
export function encodeValue(dict: Dictionary, value: string): number {
  let code = dict.codeOf.get(value);
  if (code === undefined) {
    code = dict.values.length;
    dict.values.push(value);
    dict.codeOf.set(value, code);
  }
  return code;
}

/** Builds a dictionary-encoded column incrementally; codes follow first appearance. */
export class ColumnEncoder {
  readonly codeOf = new Map<string, number>();
  readonly values: string[] = [];
  readonly codes: Int32Array;

  constructor(length: number) {
    this.codes = new Int32Array(length);
  }

  set(row: number, value: string | null | undefined): void {
    if (value === null || value === undefined || value === "") {
      this.codes[row] = -1;
      return;
    }
    this.codes[row] = encodeValue(this, value);
  }

  finish(): EncodedColumn {
    return { codes: this.codes, values: this.values, codeOf: this.codeOf };
  }
}

function num(v: number | null): number {
  return v === null || !Number.isFinite(v) ? Number.NaN : v;
}

function count(v: number | null): number {
  return v === null || !Number.isFinite(v) || v < 0 ? -1 : Math.trunc(v);
}

function flag(v: boolean | null): number {
  return v === null ? -1 : v ? 1 : 0;
}

/** Columnar copy of canonical ticket records (the store can also fill a TicketTable directly). */
export function ticketTableFromRecords(records: readonly TicketRecord[]): TicketTable {
  const n = records.length;
  const f64 = () => new Float64Array(n);
  const t = {
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
    reopenCount: new Int32Array(n),
    agentReplies: new Int32Array(n),
    customerMessages: new Int32Array(n),
    status: new Int8Array(n),
    slaFirstResponseMet: new Int8Array(n),
    slaResolutionMet: new Int8Array(n),
    escalated: new Int8Array(n),
    knowledgeUsed: new Int8Array(n),
    selfService: new Int8Array(n),
    merged: new Int8Array(n),
    fcrFlag: new Int8Array(n),
  };
  const channel = new ColumnEncoder(n);
  const priority = new ColumnEncoder(n);
  const reason = new ColumnEncoder(n);
  const agent = new ColumnEncoder(n);
  const group = new ColumnEncoder(n);
  const customer = new ColumnEncoder(n);
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as TicketRecord;
    ids[i] = r.ticket_id;
    t.createdAt[i] = num(r.created_at);
    t.firstResponseAt[i] = num(r.first_response_at);
    t.firstResolvedAt[i] = num(r.first_resolved_at);
    t.resolvedAt[i] = num(r.resolved_at);
    t.closedAt[i] = num(r.closed_at);
    t.firstResponseMinutes[i] = num(r.first_response_minutes);
    t.firstResolutionMinutes[i] = num(r.first_resolution_minutes);
    t.fullResolutionMinutes[i] = num(r.full_resolution_minutes);
    t.firstResponseBusinessMinutes[i] = num(r.first_response_business_minutes);
    t.fullResolutionBusinessMinutes[i] = num(r.full_resolution_business_minutes);
    t.handleSeconds[i] = num(r.handle_seconds);
    t.reopenCount[i] = count(r.reopen_count);
    t.agentReplies[i] = count(r.agent_replies);
    t.customerMessages[i] = count(r.customer_messages);
    t.status[i] = r.status === null ? -1 : (STATUS_INDEX.get(r.status) ?? -1);
    t.slaFirstResponseMet[i] = flag(r.sla_first_response_met);
    t.slaResolutionMet[i] = flag(r.sla_resolution_met);
    t.escalated[i] = flag(r.escalated);
    t.knowledgeUsed[i] = flag(r.knowledge_used);
    t.selfService[i] = flag(r.self_service);
    t.merged[i] = flag(r.merged);
    t.fcrFlag[i] = flag(r.fcr_flag);
    channel.set(i, r.channel);
    priority.set(i, r.priority);
    reason.set(i, r.reason);
    agent.set(i, r.agent);
    group.set(i, r.group_name);
    customer.set(i, r.customer_id);
  }
  return assembleTicketTable(
    n,
    {
      ...t,
      channel: channel.finish(),
      priority: priority.finish(),
      reason: mergeCaseVariants(reason.finish()),
      agent: agent.finish(),
      group: group.finish(),
      customer: customer.finish(),
    },
    () => ids,
  );
}

/** The table's columns by storage type (the store's column cache writes and reads them in this order). */
export const FLOAT_KEYS = [
  "createdAt",
  "firstResponseAt",
  "firstResolvedAt",
  "resolvedAt",
  "closedAt",
  "firstResponseMinutes",
  "firstResolutionMinutes",
  "fullResolutionMinutes",
  "firstResponseBusinessMinutes",
  "fullResolutionBusinessMinutes",
  "handleSeconds",
] as const;
export const INT_KEYS = ["reopenCount", "agentReplies", "customerMessages"] as const;
export const BYTE_KEYS = [
  "status",
  "slaFirstResponseMet",
  "slaResolutionMet",
  "escalated",
  "knowledgeUsed",
  "selfService",
  "merged",
  "fcrFlag",
] as const;
export const TEXT_KEYS = ["channel", "priority", "reason", "agent", "group", "customer"] as const;

type FloatKey = (typeof FLOAT_KEYS)[number];
type IntKey = (typeof INT_KEYS)[number];
type ByteKey = (typeof BYTE_KEYS)[number];
type TextKey = (typeof TEXT_KEYS)[number];

/** A table's columns by name, as the store and the row selection hand them over. */
export type TicketColumns = { [K in FloatKey]: Float64Array } & { [K in IntKey]: Int32Array } & {
  [K in ByteKey]: Int8Array;
} & { [K in TextKey]: EncodedColumn };

/**
 * The table as the KPIs read it: contact reasons that differ only in case or width merged
 * (case-variants.ts). The store keeps what each export said; the table read from it is merged here,
 * not when tables are assembled, since the store's column cache assembles tables of its own.
 */
export function withMergedReasons(t: TicketTable): TicketTable {
  const reason = mergeCaseVariants(t.reason);
  if (reason === t.reason) return t;
  const c: Record<string, unknown> = { reason };
  for (const k of [...FLOAT_KEYS, ...INT_KEYS, ...BYTE_KEYS]) c[k] = t[k];
  for (const k of TEXT_KEYS) if (k !== "reason") c[k] = t[k];
  return assembleTicketTable(t.length, c as TicketColumns, () => t.ids as string[]);
}

/**
 * Builds a table as one object literal of a fixed shape, whatever the source. The KPI loops read
 * its properties millions of times; an object assembled property by property can fall into V8's
 * slow dictionary mode, and tables of different shapes make those loops polymorphic. `ids` are
 * produced on first use (only the survey join and drill-down read them).
 */
export function assembleTicketTable(length: number, c: TicketColumns, ids: () => string[]): TicketTable {
  let idList: string[] | undefined;
  return {
    length,
    get ids() {
      idList ??= ids();
      return idList;
    },
    createdAt: c.createdAt,
    firstResponseAt: c.firstResponseAt,
    firstResolvedAt: c.firstResolvedAt,
    resolvedAt: c.resolvedAt,
    closedAt: c.closedAt,
    firstResponseMinutes: c.firstResponseMinutes,
    firstResolutionMinutes: c.firstResolutionMinutes,
    fullResolutionMinutes: c.fullResolutionMinutes,
    firstResponseBusinessMinutes: c.firstResponseBusinessMinutes,
    fullResolutionBusinessMinutes: c.fullResolutionBusinessMinutes,
    handleSeconds: c.handleSeconds,
    reopenCount: c.reopenCount,
    agentReplies: c.agentReplies,
    customerMessages: c.customerMessages,
    status: c.status,
    slaFirstResponseMet: c.slaFirstResponseMet,
    slaResolutionMet: c.slaResolutionMet,
    escalated: c.escalated,
    knowledgeUsed: c.knowledgeUsed,
    selfService: c.selfService,
    merged: c.merged,
    fcrFlag: c.fcrFlag,
    channel: c.channel,
    priority: c.priority,
    reason: c.reason,
    agent: c.agent,
    group: c.group,
    customer: c.customer,
  };
}

function pick<A extends Float64Array | Int32Array | Int8Array>(
  from: A,
  rows: Int32Array,
  make: (n: number) => A,
): A {
  const out = make(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = from[rows[i] as number] as number;
  return out;
}

/**
 * The given rows of a table, in the given order, as a new table (the store's cached columns are
 * read whole and narrowed to a report's window here). Dictionaries are shared, not re-encoded.
 */
export function selectTicketRows(t: TicketTable, rows: Int32Array): TicketTable {
  const c: Record<string, unknown> = {};
  for (const k of FLOAT_KEYS) c[k] = pick(t[k], rows, (n) => new Float64Array(n));
  for (const k of INT_KEYS) c[k] = pick(t[k], rows, (n) => new Int32Array(n));
  for (const k of BYTE_KEYS) c[k] = pick(t[k], rows, (n) => new Int8Array(n));
  for (const k of TEXT_KEYS) {
    const col = t[k];
    c[k] = { codes: pick(col.codes, rows, (n) => new Int32Array(n)), values: col.values, codeOf: col.codeOf };
  }
  return assembleTicketTable(rows.length, c as TicketColumns, () => {
    const all = t.ids;
    return Array.from(rows, (r) => all[r] as string);
  });
}
