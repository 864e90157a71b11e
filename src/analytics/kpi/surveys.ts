import type { SurveyKind, SurveyRecord } from "../../domain/records.js";
import { CES_EASY_FROM, csatPositive, npsClass } from "../stats/survey-scores.js";
import type { TicketTable } from "./ticket-table.js";

/** Survey answers joined to tickets, classified once for aggregation. */
export interface SurveyTable {
  readonly length: number;
  readonly ids: readonly string[];
  readonly kinds: readonly SurveyKind[];
  readonly scores: Float64Array;
  /** Row of the ticket the answer is about, −1 when it could not be joined. */
  readonly ticketRow: Int32Array;
  /** Epoch seconds, NaN when missing. */
  readonly respondedAt: Float64Array;
  /**
   * Classification: CSAT 1 positive, 0 not; NPS one of NPS_PROMOTER, NPS_PASSIVE, NPS_DETRACTOR;
   * CES 1 easy (≥ 5), 0 not; INVALID_ANSWER when the score is off its scale.
   */
  readonly verdict: Int8Array;
  /** For the CSAT drill-down: 1 when the answer is low (≤ 2 on 1–5, Bad on binary). */
  readonly low: Uint8Array;
}

export const NPS_PROMOTER = 1;
export const NPS_PASSIVE = 0;
export const NPS_DETRACTOR = -1;
export const INVALID_ANSWER = -2;

/**
 * Join rule: by ticket id when the survey names a known ticket; else by customer, to that
 * customer's latest ticket created at or before the answer (the latest one at all when the
 * answer has no time). Unjoined answers count in the overall figures only.
 */
export function joinSurveys(surveys: readonly SurveyRecord[], t: TicketTable): SurveyTable {
  const n = surveys.length;
  const rowOfTicket = rowsOfNamedTickets(surveys, t);
  const byCustomer = ticketsByCustomer(t);
  const ids: string[] = new Array(n);
  const kinds: SurveyKind[] = new Array(n);
  const scores = new Float64Array(n);
  const respondedAt = new Float64Array(n);
  const ticketRow = new Int32Array(n).fill(-1);
  const verdict = new Int8Array(n);
  const low = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const r = surveys[s] as SurveyRecord;
    ids[s] = r.response_id;
    kinds[s] = r.kind;
    scores[s] = r.score;
    respondedAt[s] = r.responded_at ?? Number.NaN;
    ticketRow[s] = joinedRow(r, rowOfTicket, byCustomer, t);
    if (!Number.isFinite(r.score) || r.score < r.scale_min || r.score > r.scale_max) {
      verdict[s] = INVALID_ANSWER;
      continue;
    }
    if (r.kind === "csat") {
      verdict[s] = csatPositive(r.score, r.scale_min, r.scale_max) ? 1 : 0;
      const binary = r.scale_max - r.scale_min === 1;
      low[s] = (binary ? r.score === r.scale_min : r.score <= r.scale_min + 1) ? 1 : 0;
    } else if (r.kind === "nps") {
      const c = npsClass(r.score);
      verdict[s] = c === "promoter" ? NPS_PROMOTER : c === "passive" ? NPS_PASSIVE : NPS_DETRACTOR;
    } else {
      verdict[s] = r.score >= CES_EASY_FROM ? 1 : 0;
    }
  }
  return { length: n, ids, kinds, scores, respondedAt, ticketRow, verdict, low };
}

function joinedRow(
  r: SurveyRecord,
  rowOfTicket: Map<string, number>,
  byCustomer: Map<number, number[]>,
  t: TicketTable,
): number {
  if (r.ticket_id !== null) {
    const row = rowOfTicket.get(r.ticket_id);
    if (row !== undefined) return row;
  }
  if (r.customer_id === null) return -1;
  const code = t.customer.codeOf.get(r.customer_id);
  const rows = code === undefined ? undefined : byCustomer.get(code);
  if (!rows || rows.length === 0) return -1;
  if (r.responded_at === null) return rows[rows.length - 1] as number;
  let best = -1;
  for (const row of rows) {
    if ((t.createdAt[row] as number) <= r.responded_at) best = row;
    else break;
  }
  return best;
}

/**
 * Ticket id → row for the ids the surveys name only: a map of the (fewer) survey ids probed once
 * per ticket, instead of a map of every ticket id. The last row wins on duplicate ids.
 */
function rowsOfNamedTickets(surveys: readonly SurveyRecord[], t: TicketTable): Map<string, number> {
  const rows = new Map<string, number>();
  for (const s of surveys) if (s.ticket_id !== null) rows.set(s.ticket_id, -1);
  for (let i = 0; i < t.length; i++) {
    const id = t.ids[i] as string;
    if (rows.has(id)) rows.set(id, i);
  }
  for (const [id, row] of rows) if (row < 0) rows.delete(id);
  return rows;
}

/** Customer code → ticket rows with a creation time, oldest first. */
function ticketsByCustomer(t: TicketTable): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < t.length; i++) {
    const c = t.customer.codes[i] as number;
    if (c < 0 || Number.isNaN(t.createdAt[i] as number)) continue;
    const rows = out.get(c);
    if (rows) rows.push(i);
    else out.set(c, [i]);
  }
  for (const rows of out.values())
    rows.sort((a, b) => (t.createdAt[a] as number) - (t.createdAt[b] as number));
  return out;
}
