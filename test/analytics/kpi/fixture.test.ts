/**
 * Every metric on the hand-computed fixture (fixtures/kpi/tickets.json). T0 = Mon 2025-01-06
 * 09:00 UTC; as of T0 + 49 h. Business time: 09:00–18:00 UTC daily. Edge cases: t3 and t9 still
 * open with no reply, t2 reopened, t5 merged, t6 negative first response and no customer,
 * t7 absurd (400-day) resolution, t8 precomputed first response only (Zendesk-like) and an
 * export FCR flag, t4 an export SLA verdict.
 */
import { describe, expect, it } from "vitest";
import {
  computeKpis,
  drillDown,
  type GroupFigures,
  joinSurveys,
  type KpiOptions,
  measureTickets,
  ticketDimension,
  ticketTableFromRecords,
} from "../../../src/analytics/kpi/index.js";
import { epoch, loadKpiFixture, nineToSixUtc } from "./load-fixture.js";

const H = 3600;
const D = 86400;
const T0 = epoch("2025-01-06T09:00:00Z");
const { tickets, surveys } = loadKpiFixture();
const table = ticketTableFromRecords(tickets);
const surveyTable = joinSurveys(surveys, table);
const options: KpiOptions = {
  asOf: T0 + 49 * H,
  clock: nineToSixUtc,
  sla: {
    basis: "calendar",
    targets: {
      high: { firstResponseSeconds: 1 * H, resolutionSeconds: 8 * H },
      default: { firstResponseSeconds: 8 * H, resolutionSeconds: 3 * D },
    },
  },
};
const overall = computeKpis(table, surveyTable, options).overall;

describe("volume and mix", () => {
  it("counts tickets without the merged one", () => {
    expect(overall.volume).toBe(8);
    expect(overall.merged).toBe(1);
  });
  it("channel mix, largest first, ties by name", () => {
    expect(overall.channelMix).toEqual([
      { key: "email", count: 4, share: 0.5 },
      { key: "chat", count: 2, share: 0.25 },
      { key: "phone", count: 1, share: 0.125 },
      { key: "web_form", count: 1, share: 0.125 },
    ]);
  });
  it("top reasons, cut to N", () => {
    expect(overall.topReasons.map((r) => [r.key, r.count])).toEqual([
      ["billing", 3],
      ["login", 3],
      ["shipping", 2],
    ]);
    const top2 = computeKpis(table, surveyTable, { ...options, topReasons: 2 }).overall.topReasons;
    expect(top2.map((r) => r.key)).toEqual(["billing", "login"]);
  });
});

describe("durations", () => {
  it("first response: open and negative left out, precomputed minutes as fallback", () => {
    // calendar values t1 3600, t2 5400, t4 600, t7 120, t8 2700 (export 45 min)
    const f = overall.firstResponse;
    expect(f.calendar.n).toBe(5);
    expect(f.calendar.median).toBe(2700);
    expect(f.calendar.mean).toBe(2484);
    expect(f.calendar.percentiles).toEqual([
      { p: 50, value: 2700 },
      { p: 90, value: 4680 },
    ]);
    expect(f.excluded).toEqual({ missing: 0, open: 2, invalid: 1, absurd: 0 });
    expect(f.fromExport).toBe(1);
    // business: t1 3600, t2 1800 (17:30–18:00), t4 600, t7 120, t8 1800 (vendor's 30 min)
    expect(f.business.median).toBe(1800);
    expect(f.business.mean).toBe(1584);
    expect(f.business.percentiles[1]).toEqual({ p: 90, value: 2880 });
  });

  it("full resolution: timestamps beat the export's minutes, absurd and open left out", () => {
    // t1 18000, t2 142200, t4 1200, t6 72000, t8 14400 (not 999 min)
    const f = overall.fullResolution;
    expect(f.calendar.n).toBe(5);
    expect(f.calendar.median).toBe(18000);
    expect(f.calendar.mean).toBe(49560);
    expect(f.calendar.percentiles[1]?.value).toBeCloseTo(114120, 6);
    expect(f.excluded).toEqual({ missing: 0, open: 2, invalid: 0, absurd: 1 });
    expect(f.fromExport).toBe(0);
    // business: t1 18000, t2 34200, t4 1200, t6 18000, t8 10800
    expect(f.business.median).toBe(18000);
    expect(f.business.mean).toBe(16440);
    expect(f.business.percentiles[1]?.value).toBeCloseTo(27720, 6);
  });

  it("first resolution: reopened ticket measured to its first solve", () => {
    // t1 18000, t2 12600 (first solve 21:00), t4 1200, t6 72000, t8 14400
    const f = overall.firstResolution;
    expect(f.calendar.n).toBe(5);
    expect(f.calendar.median).toBe(14400);
    expect(f.calendar.mean).toBe(23640);
    expect(f.calendar.percentiles[1]?.value).toBeCloseTo(50400, 6);
    expect(f.business.median).toBe(10800);
  });

  it("handle time: only reported values, negative counted invalid", () => {
    expect(overall.handle.calendar.n).toBe(1);
    expect(overall.handle.calendar.mean).toBe(900);
    expect(overall.handle.excluded).toEqual({ missing: 6, open: 0, invalid: 1, absurd: 0 });
    expect(overall.handle.business.n).toBe(0);
  });

  it("other percentile sets", () => {
    const f = computeKpis(table, surveyTable, { ...options, percentiles: [25, 75] }).overall.firstResponse;
    // sorted 120, 600, 2700, 3600, 5400: p25 at h=1 → 600, p75 at h=3 → 3600; median still reported
    expect(f.calendar.percentiles).toEqual([
      { p: 25, value: 600 },
      { p: 75, value: 3600 },
    ]);
    expect(f.calendar.median).toBe(2700);
  });
});

describe("rates", () => {
  it("FCR: export flag first, then one agent reply and no reopen, over resolved tickets", () => {
    expect(overall.fcr).toMatchObject({ n: 6, successes: 3 });
    const noFlag = computeKpis(table, surveyTable, { ...options, useExportFcrFlag: false }).overall.fcr;
    expect(noFlag).toMatchObject({ n: 6, successes: 4 });
    const byMessage = computeKpis(table, surveyTable, {
      ...options,
      fcrVariant: "one_customer_message",
    }).overall;
    // t7 has no customer-message count: left out
    expect(byMessage.fcr).toMatchObject({ n: 5, successes: 3 });
  });
  it("one-touch: solved or closed with fewer than two agent replies", () => {
    expect(overall.oneTouch).toMatchObject({ n: 6, successes: 4 });
  });
  it("reopen: over tickets solved at least once with a known count", () => {
    expect(overall.reopen).toMatchObject({ n: 5, successes: 1, rate: 0.2 });
  });
  it("escalation, knowledge and self-service leave out missing flags and merged tickets", () => {
    expect(overall.escalation).toMatchObject({ n: 6, successes: 2 });
    expect(overall.knowledge).toMatchObject({ n: 3, successes: 2 });
    expect(overall.selfService).toMatchObject({ n: 8, successes: 1 });
  });
  it("SLA: achieved ÷ (achieved + breached), running and unmeasurable left out, export verdict first", () => {
    // first response: met t1 t2 t4 t7; breached t9 (overdue); t3 running; t6 negative; t8 no time
    expect(overall.slaFirstResponse).toMatchObject({ n: 5, successes: 4, rate: 0.8 });
    // resolution: met t1 t2 t6 t8; breached t4 (export verdict), t9 (overdue); t3 running; t7 absurd
    expect(overall.slaResolution).toMatchObject({ n: 6, successes: 4 });
  });
  it("SLA on business time uses the calendar", () => {
    const business = computeKpis(table, surveyTable, {
      ...options,
      sla: { basis: "business", targets: { default: { firstResponseSeconds: 30 * 60 } } },
    }).overall;
    // business first responses: t1 3600 ✗, t2 1800 ✓, t4 600 ✓, t7 120 ✓; t9 open since
    // Mon 09:00: 19 business hours by as of ✗; t3 open 1 h ✗ (over 30 min)
    expect(business.slaFirstResponse).toMatchObject({ n: 6, successes: 3 });
  });
  it("re-contact: same customer and reason within the window; open windows left out", () => {
    // 7 days: t1 re-contacted by t3 (the merged t5 is not a contact); all other windows still open
    expect(overall.recontact).toMatchObject({ n: 1, successes: 1 });
    const oneDay = computeKpis(table, surveyTable, { ...options, recontactWindowDays: 1 }).overall;
    // t1 (t3 came 43 h after), t4, t7, t8 closed windows without follow-up; t2's still open
    expect(oneDay.recontact).toMatchObject({ n: 4, successes: 0 });
  });
  it("backlog at as of: created before, not resolved by then", () => {
    expect(overall.backlog).toBe(2);
  });
});

describe("surveys", () => {
  it("CSAT joins by ticket, else by the customer's latest earlier ticket; off-scale answers counted", () => {
    // s1 5 ✓, s2 2 ✗, s3 Bad (binary) ✗, s4 4 ✓ (unjoined, overall only); s11 off scale
    expect(overall.csat).toMatchObject({ n: 4, successes: 2, rate: 0.5 });
    expect(overall.invalidSurveyAnswers).toBe(1);
  });
  it("NPS with its margin of error", () => {
    // promoters s5 s8, passive s6, detractor s7: 50% − 25% = 25; var = 10000 × (0.75 − 0.0625)
    expect(overall.nps.nps).toBe(25);
    expect(overall.nps.marginOfError).toBeCloseTo(1.96 * Math.sqrt(6875 / 4), 9);
    expect(overall.nps.marginOfError).toBeCloseTo(81.257, 3);
  });
  it("CES mean and share ≥ 5", () => {
    expect(overall.ces.mean).toBe(4.5);
    expect(overall.ces.easy).toMatchObject({ n: 2, successes: 1 });
  });
});

describe("grouping", () => {
  const byChannel = computeKpis(table, surveyTable, {
    ...options,
    grouping: { dimensions: [ticketDimension(table, "channel")] },
  });
  const group = (name: string): GroupFigures => {
    const g = byChannel.groups.find((x) => x.key.values[0] === name);
    if (!g) throw new Error(`no group ${name}`);
    return g;
  };
  it("splits volume, durations, surveys and backlog by channel", () => {
    expect(byChannel.groups.map((g) => [g.key.values[0], g.figures.volume])).toEqual([
      ["email", 4],
      ["chat", 2],
      ["phone", 1],
      ["web_form", 1],
    ]);
    expect(group("email").figures.merged).toBe(1);
    expect(group("email").figures.firstResponse.calendar).toMatchObject({ n: 1, median: 3600 });
    expect(group("email").figures.csat).toMatchObject({ n: 1, successes: 1 });
    expect(group("phone").figures.csat).toMatchObject({ n: 1, successes: 0 });
    expect(group("email").figures.backlog).toBe(2);
    expect(group("chat").figures.backlog).toBe(0);
    expect(byChannel.overall.volume).toBe(8);
  });

  it("two dimensions, missing values in their own group", () => {
    const two = computeKpis(table, surveyTable, {
      ...options,
      grouping: { dimensions: [ticketDimension(table, "agent"), ticketDimension(table, "priority")] },
    });
    const keys = two.groups.map((g) => `${g.key.values.join("/")}:${g.figures.volume}`);
    expect(keys).toEqual(["A/high:1", "A/normal:1", "A/low:1", "B/high:2", "B/normal:3"]);
  });

  it("periods by creation day, backlog at each period's end", () => {
    const ends = Float64Array.from([T0 + D, T0 + 2 * D, T0 + 3 * D]);
    const periodOf = (sec: number) => (sec < T0 || sec >= T0 + 3 * D ? -1 : Math.floor((sec - T0) / D));
    const index = Int32Array.from(table.createdAt, (c) => periodOf(c));
    const daily = computeKpis(table, surveyTable, {
      ...options,
      grouping: { dimensions: [], periods: { index, labels: ["d0", "d1", "d2"], ends } },
    });
    expect(daily.groups.map((g) => [g.key.period, g.figures.volume, g.figures.backlog])).toEqual([
      ["d0", 5, 2],
      ["d1", 1, 1],
      ["d2", 1, 2],
    ]);
    // t7 (created 2023) is in no period but still in the overall figures
    expect(daily.overall.volume).toBe(8);
  });

  it("scope: only tickets created in range are reported; older ones still count in backlog", () => {
    const scoped = computeKpis(table, surveyTable, { ...options, scope: { from: T0 + D, to: T0 + 3 * D } });
    expect(scoped.overall.volume).toBe(2); // t3, t4
    expect(scoped.overall.backlog).toBe(2); // t3 and t9 (created before the range)
    // surveys about t4 only: s3 Bad (CSAT), s7 detractor; unjoined s4 answered in range
    expect(scoped.overall.csat).toMatchObject({ n: 2, successes: 1 });
    expect(scoped.overall.nps).toMatchObject({ n: 1, detractors: 1 });
  });
});

describe("drill-down", () => {
  const measures = measureTickets(table, options);
  it("SLA breaches with their elapsed time", () => {
    expect(drillDown("sla.first_response", table, measures, surveyTable)).toEqual([
      { ticketId: "t9", value: 49 * H },
    ]);
    expect(drillDown("sla.resolution", table, measures, surveyTable)).toEqual([
      { ticketId: "t9", value: 49 * H },
      { ticketId: "t4", value: null },
    ]);
  });
  it("first response over the p90", () => {
    expect(drillDown("frt", table, measures, surveyTable)).toEqual([{ ticketId: "t2", value: 5400 }]);
  });
  it("CSAT of 2 or less (Bad on binary), lowest first", () => {
    expect(drillDown("csat", table, measures, surveyTable)).toEqual([
      { ticketId: "t4", value: 0, detail: "s3" },
      { ticketId: "t2", value: 2, detail: "s2" },
    ]);
  });
  it("reopened, re-contacted and FCR-missed tickets", () => {
    expect(drillDown("reopen", table, measures, surveyTable)).toEqual([{ ticketId: "t2", value: 1 }]);
    expect(drillDown("recontact", table, measures, surveyTable)).toEqual([
      { ticketId: "t1", value: 43 * H, detail: "t3" },
    ]);
    expect(drillDown("fcr", table, measures, surveyTable).map((r) => r.ticketId)).toEqual(["t2", "t6", "t8"]);
  });
});
