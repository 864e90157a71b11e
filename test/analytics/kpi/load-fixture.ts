import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BusinessClock } from "../../../src/analytics/kpi/index.js";
import type { SurveyRecord, TicketRecord } from "../../../src/domain/records.js";
import { FIXTURES } from "../../helpers/cli.js";

const TIME_FIELDS = new Set([
  "created_at",
  "first_response_at",
  "first_resolved_at",
  "resolved_at",
  "closed_at",
]);

export const epoch = (iso: string): number => Date.parse(iso) / 1000;

const EMPTY_TICKET: TicketRecord = {
  ticket_id: "",
  created_at: null,
  first_response_at: null,
  first_resolved_at: null,
  resolved_at: null,
  closed_at: null,
  updated_at: null,
  first_response_minutes: null,
  first_resolution_minutes: null,
  full_resolution_minutes: null,
  first_response_business_minutes: null,
  full_resolution_business_minutes: null,
  status: null,
  status_raw: null,
  channel: null,
  channel_raw: null,
  priority: null,
  reason: null,
  sub_reason: null,
  agent: null,
  group_name: null,
  customer_id: null,
  subject: null,
  tags: null,
  reopen_count: null,
  agent_replies: null,
  customer_messages: null,
  handle_seconds: null,
  sla_due_at: null,
  sla_first_response_met: null,
  sla_resolution_met: null,
  escalated: null,
  knowledge_used: null,
  self_service: null,
  merged: null,
  fcr_flag: null,
};

/** A ticket record with every field null except those given. */
export function ticket(fields: Partial<TicketRecord> & { ticket_id: string }): TicketRecord {
  return { ...EMPTY_TICKET, ...fields };
}

function convertTimes(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = (TIME_FIELDS.has(k) || k === "responded_at") && typeof v === "string" ? epoch(v) : v;
  }
  return out;
}

export function loadKpiFixture(): { tickets: TicketRecord[]; surveys: SurveyRecord[] } {
  const json = JSON.parse(readFileSync(join(FIXTURES, "kpi/tickets.json"), "utf8")) as {
    tickets: Array<Record<string, unknown>>;
    surveys: Array<Record<string, unknown>>;
  };
  const tickets = json.tickets.map((t) => ({ ...EMPTY_TICKET, ...convertTimes(t) }) as TicketRecord);
  const surveys = json.surveys.map(
    (s) =>
      ({
        ticket_id: null,
        customer_id: null,
        responded_at: null,
        comment: null,
        channel: null,
        agent: null,
        ...convertTimes(s),
      }) as SurveyRecord,
  );
  return { tickets, surveys };
}

/** Test calendar: open 09:00–18:00 UTC every day (the real one lives in src/analytics/calendar). */
export const nineToSixUtc: BusinessClock = {
  businessSeconds(start: number, end: number): number {
    let total = 0;
    for (let day = Math.floor(start / 86400) * 86400; day < end; day += 86400) {
      const open = Math.max(start, day + 9 * 3600);
      const close = Math.min(end, day + 18 * 3600);
      if (close > open) total += close - open;
    }
    return total;
  },
};
