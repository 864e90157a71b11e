import { describe, expect, it } from "vitest";
import {
  assignSegments,
  computeMeasures,
  localDayNumber,
  quantileCuts,
  RfmConfigError,
  rescaleScore,
  resolveScheme,
  scoreColumn,
} from "../../../src/analytics/rfm/index.js";

describe("scoring rules", () => {
  it("quantile cut j is the ceil(j·n/bins)-th smallest value (docs/rfm.md example)", () => {
    // n = 10, bins = 5 → 2nd, 4th, 6th, 8th of 1 1 1 1 1 1 2 2 3 5.
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 2, 2, 3, 5]);
    expect(quantileCuts(values, 5)).toEqual([1, 1, 1, 2]);
    expect([...scoreColumn(values, 5, "quantile", "higher_is_better").scores]).toEqual([
      1, 1, 1, 1, 1, 1, 4, 4, 5, 5,
    ]);
  });

  it("rank mode is NTILE: with 7 customers and 5 bins the first two bins hold 2", () => {
    // Ascending: 1 2 | 3 4 | 5 | 6 | 7.
    const values = Float64Array.from([7, 6, 5, 4, 3, 2, 1]);
    expect([...scoreColumn(values, 5, "rank", "higher_is_better").scores]).toEqual([5, 4, 3, 2, 2, 1, 1]);
    // Fewer customers than bins: one per bin from the bottom, top bins empty.
    expect([...scoreColumn(Float64Array.from([3, 1]), 5, "rank", "higher_is_better").scores]).toEqual([2, 1]);
  });

  it("built-in 5-point schemes read other bin counts at the middle of each score's share", () => {
    expect([1, 2, 3].map((s) => rescaleScore(s, 3, 5))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4].map((s) => rescaleScore(s, 4, 5))).toEqual([1, 2, 4, 5]);
    expect([1, 2, 3, 4, 5].map((s) => rescaleScore(s, 5, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => rescaleScore(s, 10, 5))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });
});

describe("standard scheme covers the R × FM plane once", () => {
  // Written by hand from the published table read as (low, high] rectangles (docs/rfm.md).
  const expected: Record<number, Array<[number, string]>> = {
    5: [
      [1, "recent_customers"],
      [3, "potential_loyalist"],
      [4, "loyal_customers"],
      [5, "champions"],
    ],
    4: [
      [1, "promising"],
      [3, "potential_loyalist"],
      [5, "loyal_customers"],
    ],
    3: [
      [2, "about_to_sleep"],
      [3, "customers_needing_attention"],
      [5, "loyal_customers"],
    ],
    2: [
      [1, "lost"],
      [2, "hibernating"],
      [5, "at_risk"],
    ],
    1: [
      [2, "lost"],
      [4, "at_risk"],
      [5, "cant_lose_them"],
    ],
  };
  const cases: Array<{ r: number; fm: number; f: number; m: number; segment: string }> = [];
  for (let r = 1; r <= 5; r++) {
    for (let fm = 1; fm <= 5; fm += 0.5) {
      const f = Math.ceil(fm);
      const segment = (expected[r] ?? []).find(([upTo]) => fm <= upTo)?.[1] ?? "?";
      cases.push({ r, fm, f, m: 2 * fm - f, segment });
    }
  }

  it("every (R, FM) pair lands where the table puts it, and all 11 segments occur", () => {
    const aggregates = cases.map((_, i) => ({
      customer_id: `c${String(i).padStart(3, "0")}`,
      first_ordered_at: 0,
      last_ordered_at: 0,
      orders: 1,
      revenue: 1,
      coupon_orders: 0,
      coupon_flagged_orders: 0,
    }));
    const measures = computeMeasures(aggregates, 86400, "UTC");
    const scores = {
      r: Uint8Array.from(cases.map((c) => c.r)),
      f: Uint8Array.from(cases.map((c) => c.f)),
      m: Uint8Array.from(cases.map((c) => c.m)),
    };
    const scheme = resolveScheme("standard", undefined, 5);
    const assignment = assignSegments(measures, scores, 5, scheme);
    const got = cases.map((_, i) => scheme.rules[assignment.segment[i] as number]?.id ?? "other");
    expect(got).toEqual(cases.map((c) => c.segment));
    expect(new Set(got).size).toBe(11);
  });
});

describe("custom scheme validation", () => {
  const fails = (rules: unknown, key: string, message: RegExp, bins = 5) => {
    let error: unknown;
    try {
      resolveScheme("mine", { mine: rules }, bins);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RfmConfigError);
    expect((error as RfmConfigError).key).toBe(key);
    expect((error as Error).message).toMatch(message);
  };

  it("accepts comparisons, ranges (.. or -) and numbers", () => {
    const scheme = resolveScheme(
      "mine",
      { mine: [{ name: "A", when: { r: ">=4", f: "2..3", m: "1-2", fm: 3, aov: "<1000.5" } }] },
      5,
    );
    expect(
      scheme.rules[0]?.conditions.map((c) => [c.field, c.low, c.high, c.lowInclusive, c.highInclusive]),
    ).toEqual([
      ["r", 4, Infinity, true, false],
      ["f", 2, 3, true, true],
      ["m", 1, 2, true, true],
      ["fm", 3, 3, true, true],
      ["aov", -Infinity, 1000.5, false, false],
    ]);
  });

  it("names the key and the expectation", () => {
    fails([{ name: "A", when: { x: 1 } }], "rfm.schemes.mine[0].when.x", /unknown field/);
    fails(
      [{ name: "A", when: { r: "high" } }],
      "rfm.schemes.mine[0].when.r",
      /comparison such as ">=4".*got "high"/,
    );
    fails([{ name: "A", when: { r: "4..2" } }], "rfm.schemes.mine[0].when.r", /runs backwards/);
    fails([{ name: "A", when: { r: ">5" } }], "rfm.schemes.mine[0].when.r", /never true for scores 1..5/);
    fails([{ name: "A", when: { r: 8 } }], "rfm.schemes.mine[0].when.r", /never true for scores 1..5/);
    fails([{ name: "other", r: 1 }], "rfm.schemes.mine[0].name", /"other"/);
    fails([{ name: "A" }], "rfm.schemes.mine[0].when", /at least one condition/);
    fails([{ when: { r: 1 } }], "rfm.schemes.mine[0].name", /segment's name/);
    fails([{ name: "A", r: 1, when: { r: 2 } }], "rfm.schemes.mine[0].r", /has a condition already/);
    fails([{ name: "A", r: 1, colour: "red" }], "rfm.schemes.mine[0].colour", /unknown key/);
    fails(
      [
        { name: "A", r: 1 },
        { name: "A", r: 2 },
      ],
      "rfm.schemes.mine[1].name",
      /named twice/,
    );
    fails([], "rfm.schemes.mine", /non-empty list/);
  });

  it("a 10-bin custom scheme accepts score 8", () => {
    expect(resolveScheme("mine", { mine: [{ name: "A", r: 8 }] }, 10).rules).toHaveLength(1);
  });

  it("unknown scheme names list the choices; built-in names cannot be redefined", () => {
    expect(() => resolveScheme("nope", { mine: [] }, 5)).toThrow(
      /unknown scheme "nope"; expected standard, rfm-r, ja, mine/,
    );
    expect(() => resolveScheme("nope", { standard: [{ name: "A", r: 1 }] }, 5)).toThrow(RfmConfigError);
  });
});

describe("local days", () => {
  it("follows the zone across a DST change (New York, 2025-03-09) and at local midnight", () => {
    const ny = (iso: string) => localDayNumber(Date.parse(iso) / 1000, "America/New_York");
    // 2025-03-09 is day 20156; 01:59 EST and 03:00 EDT are the same local day, 23:59 EDT too.
    expect(ny("2025-03-09T01:59:00-05:00")).toBe(20156);
    expect(ny("2025-03-09T03:00:00-04:00")).toBe(20156);
    expect(ny("2025-03-09T23:59:00-04:00")).toBe(20156);
    expect(ny("2025-03-10T00:00:00-04:00")).toBe(20157);
    expect(localDayNumber(Date.parse("2025-05-30T15:30:00Z") / 1000, "Asia/Tokyo")).toBe(20239); // 05-31 JST
  });
});
