import { describe, expect, it } from "vitest";
import {
  enumeratePeriods,
  nextPeriodStart,
  parseWeekStart,
  periodLabel,
  periodStart,
} from "../../../src/analytics/calendar/periods.js";
import { zonedToEpoch } from "../../../src/util/time-zone.js";

const TOKYO = "Asia/Tokyo";
const NEW_YORK = "America/New_York";
const tokyo = (y: number, mo: number, d: number, h = 0) => zonedToEpoch(y, mo, d, h, 0, 0, TOKYO);
const newYork = (y: number, mo: number, d: number, h = 0) => zonedToEpoch(y, mo, d, h, 0, 0, NEW_YORK);

describe("periods", () => {
  const noonWednesday = tokyo(2025, 4, 2, 12);

  it("finds the local day, Monday week, month and quarter containing an instant", () => {
    expect(periodStart(noonWednesday, "day", TOKYO)).toBe(tokyo(2025, 4, 2));
    expect(periodStart(noonWednesday, "week", TOKYO)).toBe(tokyo(2025, 3, 31));
    expect(periodStart(noonWednesday, "month", TOKYO)).toBe(tokyo(2025, 4, 1));
    expect(periodStart(noonWednesday, "quarter", TOKYO)).toBe(tokyo(2025, 4, 1));
    expect(periodStart(tokyo(2025, 12, 31, 23), "quarter", TOKYO)).toBe(tokyo(2025, 10, 1));
    // 1 Apr 00:30 JST is still 31 Mar in UTC: the zone decides.
    expect(periodStart(tokyo(2025, 4, 1) + 1800, "month", TOKYO)).toBe(tokyo(2025, 4, 1));
  });

  it("starts weeks on the configured weekday", () => {
    expect(periodStart(noonWednesday, "week", TOKYO, 0)).toBe(tokyo(2025, 3, 30));
    expect(periodStart(tokyo(2025, 3, 30, 12), "week", TOKYO, 1)).toBe(tokyo(2025, 3, 24));
    expect(parseWeekStart("monday")).toBe(1);
    expect(parseWeekStart("Sun")).toBe(0);
    expect(parseWeekStart("someday")).toBeUndefined();
  });

  it("labels periods, with ISO week numbers for Monday weeks", () => {
    expect(periodLabel(noonWednesday, "day", TOKYO)).toBe("2025-04-02");
    expect(periodLabel(noonWednesday, "week", TOKYO)).toBe("2025-W14");
    expect(periodLabel(noonWednesday, "month", TOKYO)).toBe("2025-04");
    expect(periodLabel(noonWednesday, "quarter", TOKYO)).toBe("2025-Q2");
    // ISO years: Mon 30 Dec 2024 opens 2025-W01; Sun 3 Jan 2021 closes 2020-W53.
    expect(periodLabel(tokyo(2024, 12, 30), "week", TOKYO)).toBe("2025-W01");
    expect(periodLabel(tokyo(2021, 1, 3), "week", TOKYO)).toBe("2020-W53");
    expect(periodLabel(noonWednesday, "week", TOKYO, 0)).toBe("2025-03-30");
  });

  it("makes DST days 23 and 25 hours long in New York", () => {
    const springDay = periodStart(newYork(2025, 3, 9, 12), "day", NEW_YORK);
    expect(nextPeriodStart(springDay, "day", NEW_YORK) - springDay).toBe(23 * 3600);
    const fallDay = periodStart(newYork(2025, 11, 2, 12), "day", NEW_YORK);
    expect(nextPeriodStart(fallDay, "day", NEW_YORK) - fallDay).toBe(25 * 3600);
    expect(nextPeriodStart(newYork(2025, 3, 5), "week", NEW_YORK) - newYork(2025, 3, 3)).toBe(
      7 * 86400 - 3600,
    );
  });

  it("enumerates the periods overlapping a half-open range", () => {
    const months = enumeratePeriods(tokyo(2025, 1, 15, 9), tokyo(2025, 4, 1), "month", TOKYO);
    expect(months.map((p) => p.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(months[0]).toEqual({ start: tokyo(2025, 1, 1), end: tokyo(2025, 2, 1), label: "2025-01" });
    const weeks = enumeratePeriods(newYork(2025, 10, 29), newYork(2025, 11, 4), "week", NEW_YORK);
    expect(weeks.map((p) => [p.label, (p.end - p.start) / 3600])).toEqual([
      ["2025-W44", 169], // Mon 27 Oct – Mon 3 Nov holds the extra hour of 2 Nov
      ["2025-W45", 168],
    ]);
    expect(enumeratePeriods(tokyo(2025, 4, 1), tokyo(2025, 4, 1), "day", TOKYO)).toEqual([]);
    expect(
      enumeratePeriods(tokyo(2025, 1, 1), tokyo(2026, 1, 1), "quarter", TOKYO).map((p) => p.label),
    ).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
  });
});
