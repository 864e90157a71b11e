import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignPeriodsByBoundaries, boundaryCounter } from "../../../src/analytics/kpi/grouping.js";

/** The definition: how many boundaries are ≤ x. */
const countAtOrBefore = (boundaries: number[], x: number) => boundaries.filter((b) => b <= x).length;

const instant = fc.oneof(
  fc.integer({ min: -50, max: 1050 }),
  fc.double({ min: -50, max: 1050, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
);

describe("boundaryCounter", () => {
  it("counts the boundaries at or before any instant, as a binary search would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(instant, { maxLength: 40 }),
        (raw, xs) => {
          const boundaries = [...raw].sort((a, b) => a - b);
          const count = boundaryCounter(new Float64Array(boundaries));
          for (const x of [...xs, ...boundaries]) expect(count(x)).toBe(countAtOrBefore(boundaries, x));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("assigns periods: [start, end) each, −1 outside and for a missing time", () => {
    const days = [0, 7, 14, 21].map((d) => d * 86400);
    const created = new Float64Array([-1, 0, 6 * 86400, 7 * 86400, 20.5 * 86400, 21 * 86400, Number.NaN]);
    const a = assignPeriodsByBoundaries(created, new Float64Array(days), ["w1", "w2", "w3"]);
    expect(Array.from(a.index)).toEqual([-1, 0, 0, 1, 2, -1, -1]);
    expect(Array.from(a.ends ?? [])).toEqual(days.slice(1));
  });
});
