import { describe, expect, it } from "vitest";
import {
  assignPeriodsByBoundaries,
  compareFigures,
  computeKpis,
  evaluateTargets,
  joinSurveys,
  METRICS,
  parseTarget,
  percentilesNeeded,
  TargetSyntaxError,
  ticketTableFromRecords,
} from "../../../src/analytics/kpi/index.js";
import { epoch, loadKpiFixture, nineToSixUtc } from "./load-fixture.js";

describe("parseTarget", () => {
  it("reads durations with units, percentages and plain numbers", () => {
    expect(parseTarget("frt.p90 <= 60m")).toEqual({
      expression: "frt.p90 <= 60m",
      metric: "frt",
      stat: "p90",
      op: "<=",
      threshold: 3600,
    });
    expect(parseTarget("csat >= 85")).toMatchObject({ metric: "csat", op: ">=", threshold: 0.85 });
    expect(parseTarget("sla.first_response >= 95%")).toMatchObject({
      metric: "sla.first_response",
      threshold: 0.95,
    });
    expect(parseTarget("fcr>=70%")).toMatchObject({ metric: "fcr", threshold: 0.7 });
    expect(parseTarget("recontact <= 10%")).toMatchObject({ metric: "recontact", op: "<=", threshold: 0.1 });
    expect(parseTarget("full_resolution.business.median < 1h30m")).toMatchObject({
      metric: "full_resolution",
      basis: "business",
      stat: "median",
      op: "<",
      threshold: 5400,
    });
    expect(parseTarget("resolution ≤ 3days")).toMatchObject({
      metric: "full_resolution",
      op: "<=",
      threshold: 259200,
    });
    expect(parseTarget("nps >= -10")).toMatchObject({ metric: "nps", threshold: -10 });
    expect(parseTarget("backlog <= 200")).toMatchObject({ metric: "backlog", threshold: 200 });
  });

  it("rejects unknown metrics with the list of valid ones", () => {
    expect(() => parseTarget("speed <= 5m")).toThrow(TargetSyntaxError);
    expect(() => parseTarget("speed <= 5m")).toThrow(/valid metrics: volume, frt, sla\.first_response/);
    expect(() => parseTarget("csat.p90 >= 80")).toThrow(/unknown metric "csat\.p90"/);
  });

  it("rejects malformed values", () => {
    expect(() => parseTarget("frt.p90 <= 60")).toThrow(/with a unit/);
    expect(() => parseTarget("frt.p90 <= 60x")).toThrow(/not a duration/);
    expect(() => parseTarget("csat >= 120")).toThrow(/percentage between 0 and 100/);
    expect(() => parseTarget("csat 85")).toThrow(/expected <metric> <op> <value>/);
  });

  it("lists the percentiles targets need", () => {
    expect(percentilesNeeded([parseTarget("frt.p95 <= 1h"), parseTarget("csat >= 80")])).toEqual([95]);
  });
});

describe("evaluateTargets on the fixture", () => {
  const { tickets, surveys } = loadKpiFixture();
  const table = ticketTableFromRecords(tickets);
  const asOf = epoch("2025-01-08T10:00:00Z");
  const options = {
    asOf,
    clock: nineToSixUtc,
    sla: { basis: "calendar" as const, targets: { high: { firstResponseSeconds: 3600 } } },
  };
  const figures = computeKpis(table, joinSurveys(surveys, table), options).overall;

  it("met, missed and no data, with readable sentences", () => {
    const results = evaluateTargets(
      [
        "frt.p90 <= 60m",
        "frt.business.median <= 30m",
        "csat >= 50",
        "sla.first_response >= 80%",
        "fcr >= 70%",
        "recontact <= 10%",
        "nps >= 30",
        "handle.p95 <= 10m",
      ].map(parseTarget),
      figures,
    );
    expect(results.map((r) => [r.target.expression, r.status, r.actual])).toEqual([
      ["frt.p90 <= 60m", "missed", 4680],
      ["frt.business.median <= 30m", "met", 1800],
      ["csat >= 50", "met", 0.5],
      // high priority only: t1 met, t4 met, t9 overdue
      ["sla.first_response >= 80%", "missed", 2 / 3],
      ["fcr >= 70%", "missed", 0.5],
      ["recontact <= 10%", "missed", 1],
      ["nps >= 30", "missed", 25],
      ["handle.p95 <= 10m", "no_data", null],
    ]);
    expect(results[0]?.sentence).toBe("First response time p90 is 1h 18m; target <= 1h: missed");
    expect(results[2]?.sentence).toBe("Customer satisfaction (CSAT) is 50.0%; target >= 50.0%: met");
  });
});

describe("compareFigures", () => {
  const { tickets, surveys } = loadKpiFixture();
  const table = ticketTableFromRecords(tickets);
  const joined = joinSurveys(surveys, table);
  const asOf = epoch("2025-01-08T10:00:00Z");
  const week = computeKpis(table, joined, { asOf, recontactWindowDays: 7 }).overall;
  const day = computeKpis(table, joined, { asOf, recontactWindowDays: 1 }).overall;

  it("absolute and relative deltas judged by each metric's good direction", () => {
    const deltas = compareFigures(week, day, [
      { metric: "recontact" },
      { metric: "frt", stat: "median" },
      { metric: "volume" },
    ]);
    // re-contact 1/1 against 0/4: up is worse; baseline 0 has no relative change
    expect(deltas[0]).toMatchObject({
      current: 1,
      baseline: 0,
      absolute: 1,
      relative: null,
      verdict: "worse",
    });
    expect(deltas[1]).toMatchObject({
      current: 2700,
      baseline: 2700,
      absolute: 0,
      relative: 0,
      verdict: "same",
    });
    expect(deltas[2]).toMatchObject({ absolute: 0, verdict: null });
    const reverse = compareFigures(day, week, [{ metric: "recontact" }])[0];
    expect(reverse).toMatchObject({ absolute: -1, relative: -1, verdict: "better" });
  });

  it("every metric has English and Japanese labels", () => {
    for (const m of METRICS) {
      expect(m.label.en.length).toBeGreaterThan(0);
      expect(m.label.ja.length).toBeGreaterThan(0);
    }
    expect(METRICS.find((m) => m.id === "fcr")?.label.ja).toBe("一次解決率");
  });
});

describe("assignPeriodsByBoundaries", () => {
  it("puts instants in [start, next start) and leaves the rest out", () => {
    const bounds = Float64Array.from([100, 200, 300]);
    const p = assignPeriodsByBoundaries(
      Float64Array.from([99, 100, 199, 200, 299, 300, Number.NaN]),
      bounds,
      ["a", "b"],
    );
    expect(Array.from(p.index)).toEqual([-1, 0, 0, 1, 1, -1, -1]);
    expect(Array.from(p.ends ?? [])).toEqual([200, 300]);
    expect(() => assignPeriodsByBoundaries(new Float64Array(0), bounds, ["a"])).toThrow(RangeError);
  });
});
