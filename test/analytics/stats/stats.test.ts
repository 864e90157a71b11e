import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cesSummary,
  csatPositive,
  normalizePercentiles,
  npsClass,
  npsSummary,
  quantileOfSorted,
  rateSummary,
  selectQuantiles,
  summarizeSegment,
  wilsonInterval,
} from "../../../src/analytics/stats/index.js";

describe("quantiles (linear interpolation, PERCENTILE.INC)", () => {
  it("matches hand values", () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(quantileOfSorted(sorted, 50)).toBe(2.5);
    expect(quantileOfSorted(sorted, 90)).toBeCloseTo(3.7, 12);
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 100)).toBe(4);
    // NumPy: np.percentile([15, 20, 35, 40, 50], 40) == 29.0
    expect(quantileOfSorted(Float64Array.from([15, 20, 35, 40, 50]), 40)).toBeCloseTo(29, 12);
    expect(quantileOfSorted(new Float64Array(0), 50)).toBeNaN();
  });

  it("selection equals sort-then-interpolate, on segments, leaving the multiset intact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 0, maxLength: 200 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        fc.nat(5),
        (values, ps, pad) => {
          const percentiles = normalizePercentiles(ps);
          const buffer = Float64Array.from([
            ...new Array(pad).fill(9999),
            ...values,
            ...new Array(pad).fill(-9999),
          ]);
          const out = new Float64Array(percentiles.length);
          selectQuantiles(buffer, percentiles, out, pad, pad + values.length);
          const sorted = Float64Array.from(values).sort();
          percentiles.forEach((p, i) => {
            const expected = quantileOfSorted(sorted, p);
            if (Number.isNaN(expected)) expect(out[i]).toBeNaN();
            else expect(out[i]).toBeCloseTo(expected, 9);
          });
          expect(Array.from(buffer.subarray(pad, pad + values.length)).sort((a, b) => a - b)).toEqual(
            Array.from(sorted),
          );
          expect(Array.from(buffer.subarray(0, pad))).toEqual(new Array(pad).fill(9999));
        },
      ),
    );
  });

  it("validates the percentile list", () => {
    expect(normalizePercentiles([90, 50, 90])).toEqual([50, 90]);
    expect(() => normalizePercentiles([101])).toThrow(RangeError);
    expect(() => normalizePercentiles([])).toThrow(RangeError);
  });

  it("summary: n, mean, median and the chosen percentiles", () => {
    const s = summarizeSegment(Float64Array.from([10, 40, 20, 30]), [90]);
    expect(s).toEqual({ n: 4, mean: 25, median: 25, percentiles: [{ p: 90, value: 37 }] });
    expect(summarizeSegment(new Float64Array(0), [50, 90])).toEqual({
      n: 0,
      mean: null,
      median: null,
      percentiles: [
        { p: 50, value: null },
        { p: 90, value: null },
      ],
    });
  });
});

describe("Wilson interval", () => {
  it("8 of 10 is 0.4902–0.9433", () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });
  it("0 of 10 starts at 0 and 10 of 10 ends at 1", () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7225, 4);
  });
  it("rate summary with n = 0 has no value", () => {
    expect(rateSummary(0, 0)).toEqual({ n: 0, successes: 0, rate: null, low: null, high: null });
    expect(rateSummary(1, 4).rate).toBe(0.25);
  });
});

describe("survey statistics", () => {
  it("NPS 5/3/2 of 10 is 30 ± 48.4", () => {
    const s = npsSummary(5, 3, 2);
    expect(s.nps).toBeCloseTo(30, 12);
    // variance = 10000 × (0.7 − 0.09) = 6100; MOE = 1.96 × sqrt(610)
    expect(s.marginOfError).toBeCloseTo(48.408, 3);
    expect(npsSummary(0, 0, 0).nps).toBeNull();
  });
  it("classifies NPS, CSAT and CES answers", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
    expect([1, 2, 3, 4, 5].map((s) => csatPositive(s, 1, 5))).toEqual([false, false, false, true, true]);
    expect([0, 1].map((s) => csatPositive(s, 0, 1))).toEqual([false, true]);
    const ces = cesSummary(4, 7 + 5 + 4 + 2, 2);
    expect(ces.mean).toBe(4.5);
    expect(ces.easy.rate).toBe(0.5);
  });
});
