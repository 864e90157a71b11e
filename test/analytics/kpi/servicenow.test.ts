/**
 * The KPI functions on the real ServiceNow incident event log, against an independent,
 * straightforward computation over the raw rows. Last row per `number` wins: the file lists each
 * incident's events in order (its last row also has the latest sys_updated_at, checked below).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeKpis, ticketDimension, ticketTableFromRecords } from "../../../src/analytics/kpi/index.js";
import type { TicketRecord } from "../../../src/domain/records.js";
import { SHARED_DATA } from "../../helpers/cli.js";
import { ticket } from "./load-fixture.js";

const file = join(SHARED_DATA, "servicenow-incidents/incident_event_log.csv");
const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
const header = (lines[0] ?? "").split(",");
const col = (name: string) => header.indexOf(name);
const rows = lines.slice(1).map((l) => l.split(","));

/** DD-MM-YYYY HH:MM read as UTC; "?" is missing. */
function parseDate(s: string | undefined): number | null {
  if (!s || s === "?") return null;
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad date ${s}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5])) / 1000;
}

const lastRow = new Map<string, string[]>();
for (const r of rows) lastRow.set(r[col("number")] as string, r);
const incidents = [...lastRow.values()];
const field = (r: string[], name: string) => r[col(name)] as string;

const STATE: Record<string, TicketRecord["status"]> = { Closed: "closed", Resolved: "solved" };
const records: TicketRecord[] = incidents.map((r) =>
  ticket({
    ticket_id: field(r, "number"),
    created_at: parseDate(field(r, "opened_at")),
    resolved_at: parseDate(field(r, "resolved_at")),
    closed_at: parseDate(field(r, "closed_at")),
    status: STATE[field(r, "incident_state")] ?? "open",
    channel: field(r, "contact_type") === "Phone" ? "phone" : "other",
    priority: field(r, "priority"),
    reason: field(r, "category") === "?" ? null : field(r, "category"),
    customer_id: field(r, "caller_id"),
    reopen_count: Number(field(r, "reopen_count")),
    sla_resolution_met: field(r, "made_sla") === "TRUE",
    knowledge_used: field(r, "knowledge") === "TRUE",
  }),
);

/** Linear interpolation between closest ranks, written out plainly. */
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = ((s.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

const table = ticketTableFromRecords(records);
const asOf = Date.UTC(2017, 0, 1) / 1000;
const result = computeKpis(table, undefined, {
  asOf,
  grouping: { dimensions: [ticketDimension(table, "priority")] },
});

describe("ServiceNow incident log", () => {
  it("has one incident per number and the file's last row is the latest update", () => {
    expect(incidents.length).toBe(890);
    const latest = new Map<string, number>();
    for (const r of rows) {
      const n = field(r, "number");
      const t = parseDate(field(r, "sys_updated_at")) ?? 0;
      latest.set(n, Math.max(latest.get(n) ?? 0, t));
    }
    for (const r of incidents)
      expect(parseDate(field(r, "sys_updated_at"))).toBe(latest.get(field(r, "number")));
  });

  it("resolution time median and p90 by priority (resolved_at, else closed_at)", () => {
    const byPriority = new Map<string, number[]>();
    for (const r of incidents) {
      const opened = parseDate(field(r, "opened_at")) as number;
      const end = parseDate(field(r, "resolved_at")) ?? parseDate(field(r, "closed_at"));
      if (end === null) continue;
      const d = end - opened;
      if (d < 0 || d > 365 * 86400) continue;
      const p = field(r, "priority");
      byPriority.set(p, [...(byPriority.get(p) ?? []), d]);
    }
    expect(result.groups.length).toBe(byPriority.size);
    for (const g of result.groups) {
      const expected = byPriority.get(g.key.values[0] as string) ?? [];
      const cal = g.figures.fullResolution.calendar;
      expect(cal.n).toBe(expected.length);
      expect(cal.median).toBeCloseTo(percentile(expected, 50), 6);
      expect(cal.percentiles.find((e) => e.p === 90)?.value).toBeCloseTo(percentile(expected, 90), 6);
    }
  });

  it("reopen rate, SLA-made rate, knowledge usage and channel mix", () => {
    const count = (pred: (r: string[]) => boolean) => incidents.filter(pred).length;
    const o = result.overall;
    expect(o.reopen.n).toBe(890);
    expect(o.reopen.successes).toBe(count((r) => Number(field(r, "reopen_count")) > 0));
    expect(o.slaResolution.successes).toBe(count((r) => field(r, "made_sla") === "TRUE"));
    expect(o.slaResolution.rate).toBeCloseTo(count((r) => field(r, "made_sla") === "TRUE") / 890, 12);
    expect(o.knowledge.rate).toBeCloseTo(count((r) => field(r, "knowledge") === "TRUE") / 890, 12);
    const channels = new Map<string, number>();
    for (const r of incidents)
      channels.set(field(r, "contact_type"), (channels.get(field(r, "contact_type")) ?? 0) + 1);
    expect(o.channelMix.map((c) => [c.key, c.count])).toEqual(
      [...channels].map(([k, v]) => [k === "Phone" ? "phone" : "other", v]),
    );
    // Known figures of this sample, as a guard on the independent computation itself.
    expect([o.reopen.successes, o.slaResolution.successes, o.knowledge.successes]).toEqual([10, 495, 868]);
  });
});
