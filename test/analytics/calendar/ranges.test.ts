import { describe, expect, it } from "vitest";
import { RangeSpecError } from "../../../src/analytics/calendar/errors.js";
import { type DateRange, parseRangeSpec, previousRange } from "../../../src/analytics/calendar/ranges.js";
import { zonedToEpoch } from "../../../src/util/time-zone.js";

const TOKYO = "Asia/Tokyo";
const NEW_YORK = "America/New_York";
const tokyo = (y: number, mo: number, d: number, h = 0) => zonedToEpoch(y, mo, d, h, 0, 0, TOKYO);

// Thursday 10 April 2025, 15:00 in Tokyo.
const asOf = tokyo(2025, 4, 10, 15);
const parse = (spec: string) => parseRangeSpec(spec, asOf, TOKYO);
const bounds = (r: DateRange) => [r.from, r.to];

describe("parseRangeSpec and previousRange", () => {
  it("reads single dates and inclusive date ranges", () => {
    const day = parse("2025-04-01");
    expect(bounds(day)).toEqual([tokyo(2025, 4, 1), tokyo(2025, 4, 2)]);
    expect(bounds(previousRange(day, TOKYO))).toEqual([tokyo(2025, 3, 31), tokyo(2025, 4, 1)]);
    const march = parse("2025-03-01..2025-03-31");
    expect(bounds(march)).toEqual([tokyo(2025, 3, 1), tokyo(2025, 4, 1)]);
    // The 31 days before 1 March start on 29 January.
    expect(bounds(previousRange(march, TOKYO))).toEqual([tokyo(2025, 1, 29), tokyo(2025, 3, 1)]);
  });

  it("reads rolling day and week counts up to as-of", () => {
    const week = parse("7d");
    expect(bounds(week)).toEqual([tokyo(2025, 4, 3, 15), asOf]);
    expect(bounds(previousRange(week, TOKYO))).toEqual([tokyo(2025, 3, 27, 15), tokyo(2025, 4, 3, 15)]);
    expect(bounds(parse("12w"))).toEqual([tokyo(2025, 1, 16, 15), asOf]);
    expect(bounds(parse("30d"))).toEqual([tokyo(2025, 3, 11, 15), asOf]);
  });

  it("reads whole previous calendar units, and steps back one unit", () => {
    const lastWeek = parse("last-week");
    expect(bounds(lastWeek)).toEqual([tokyo(2025, 3, 31), tokyo(2025, 4, 7)]);
    expect(bounds(previousRange(lastWeek, TOKYO))).toEqual([tokyo(2025, 3, 24), tokyo(2025, 3, 31)]);
    const lastMonth = parse("Last-Month");
    expect(bounds(lastMonth)).toEqual([tokyo(2025, 3, 1), tokyo(2025, 4, 1)]);
    expect(bounds(previousRange(lastMonth, TOKYO))).toEqual([tokyo(2025, 2, 1), tokyo(2025, 3, 1)]);
    const lastQuarter = parse("last-quarter");
    expect(bounds(lastQuarter)).toEqual([tokyo(2025, 1, 1), tokyo(2025, 4, 1)]);
    expect(bounds(previousRange(lastQuarter, TOKYO))).toEqual([tokyo(2024, 10, 1), tokyo(2025, 1, 1)]);
    expect(bounds(parse("yesterday"))).toEqual([tokyo(2025, 4, 9), tokyo(2025, 4, 10)]);
    expect(bounds(parseRangeSpec("last-week", asOf, TOKYO, 0))).toEqual([
      tokyo(2025, 3, 30),
      tokyo(2025, 4, 6),
    ]);
  });

  it("compares units to date with the same point of the previous unit", () => {
    const thisMonth = parse("this-month");
    expect(bounds(thisMonth)).toEqual([tokyo(2025, 4, 1), asOf]);
    expect(bounds(previousRange(thisMonth, TOKYO))).toEqual([tokyo(2025, 3, 1), tokyo(2025, 3, 10, 15)]);
    const ytd = parse("ytd");
    expect(bounds(ytd)).toEqual([tokyo(2025, 1, 1), asOf]);
    expect(bounds(previousRange(ytd, TOKYO))).toEqual([tokyo(2024, 1, 1), tokyo(2024, 4, 10, 15)]);
    // On 31 March, the month before runs to 28 February at the same time.
    const endOfMarch = parseRangeSpec("this-month", tokyo(2025, 3, 31, 15), TOKYO);
    expect(bounds(previousRange(endOfMarch, TOKYO))).toEqual([tokyo(2025, 2, 1), tokyo(2025, 2, 28, 15)]);
  });

  it("keeps wall-clock days across a DST change", () => {
    const asOfNewYork = zonedToEpoch(2025, 3, 12, 12, 0, 0, NEW_YORK);
    const range = parseRangeSpec("7d", asOfNewYork, NEW_YORK);
    expect(range.from).toBe(zonedToEpoch(2025, 3, 5, 12, 0, 0, NEW_YORK));
    expect(range.to - range.from).toBe(7 * 86400 - 3600);
  });

  it("says what was expected", () => {
    for (const spec of ["7x", "0d", "2025-02-30", "2025-04-10..2025-04-01", "next-month", ""]) {
      expect(() => parse(spec), spec).toThrow(RangeSpecError);
    }
    expect(() => parse("7x")).toThrow(
      /invalid range "7x": expected YYYY-MM-DD, YYYY-MM-DD\.\.YYYY-MM-DD, Nd/,
    );
    expect(() => parse("2025-04-10..2025-04-01")).toThrow(/second date is before the first/);
  });
});
