import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IcsParseError } from "../../../src/analytics/calendar/errors.js";
import { parseIcsHolidayDates } from "../../../src/analytics/calendar/ics.js";

const fixture = readFileSync(
  new URL("../../../fixtures/calendar/company-holidays.ics", import.meta.url),
  "utf8",
);

const calendar = (...events: string[][]) =>
  ["BEGIN:VCALENDAR", ...events.flatMap((e) => ["BEGIN:VEVENT", ...e, "END:VEVENT"]), "END:VCALENDAR"].join(
    "\r\n",
  );

describe("parseIcsHolidayDates", () => {
  it("reads the company fixture: date ranges, yearly rules, timed, DURATION, EXDATE, cancelled", () => {
    expect(parseIcsHolidayDates(fixture, { timeZone: "Asia/Tokyo" })).toEqual([
      "2024-07-01", // founding day; 2025 excluded by EXDATE, 2027 after UNTIL
      "2025-08-13", // summer closure, P3D from midnight
      "2025-08-14",
      "2025-08-15",
      "2025-10-01", // stocktaking 08:00–19:00 JST
      "2025-12-29", // year end, DTEND 2026-01-04 exclusive
      "2025-12-30",
      "2025-12-31",
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-07-01",
    ]);
  });

  it("maps timed UTC events to the calendar's own local dates", () => {
    const dates = parseIcsHolidayDates(fixture, { timeZone: "America/New_York" });
    // Stocktaking is 19:00 on 30 Sep to 06:00 on 1 Oct in New York.
    expect(dates).toContain("2025-09-30");
    expect(dates).toContain("2025-10-01");
  });

  it("skips 29 February in non-leap years and stops at the horizon or COUNT", () => {
    const leap = ["DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY"];
    expect(parseIcsHolidayDates(calendar(leap), { timeZone: "UTC", horizonYear: 2032 })).toEqual([
      "2024-02-29",
      "2028-02-29",
      "2032-02-29",
    ]);
    const counted = ["DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY;COUNT=2"];
    expect(parseIcsHolidayDates(calendar(counted), { timeZone: "UTC" })).toEqual([
      "2024-02-29",
      "2028-02-29",
    ]);
    const monthly = ["DTSTART;VALUE=DATE:20250131", "RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=3"];
    // Jan 31, (Mar 31), May 31: every second month, skipping none here.
    expect(parseIcsHolidayDates(calendar(monthly), { timeZone: "UTC" })).toEqual([
      "2025-01-31",
      "2025-03-31",
      "2025-05-31",
    ]);
  });

  it("keeps one-off events after the recurrence horizon", () => {
    const late = ["DTSTART;VALUE=DATE:20600101"];
    expect(parseIcsHolidayDates(calendar(late), { timeZone: "UTC", horizonYear: 2030 })).toEqual([
      "2060-01-01",
    ]);
  });

  it("unfolds continuation lines before reading properties", () => {
    const folded = ["SUMMARY:long", "DTSTART;VALUE=DATE:2025", " 0505"];
    expect(parseIcsHolidayDates(calendar(folded), { timeZone: "UTC" })).toEqual(["2025-05-05"]);
  });

  it("names the line and the expectation on bad input", () => {
    const bad = calendar(["DTSTART;VALUE=DATE:2025-05-05"]);
    expect(() => parseIcsHolidayDates(bad, { timeZone: "UTC" })).toThrow(IcsParseError);
    expect(() => parseIcsHolidayDates(bad, { timeZone: "UTC" })).toThrow(
      /^line 3: DTSTART: expected YYYYMMDD/,
    );
    const impossible = calendar(["DTSTART;VALUE=DATE:20250230"]);
    expect(() => parseIcsHolidayDates(impossible, { timeZone: "UTC" })).toThrow(/not a real date/);
    const rule = calendar(["DTSTART;VALUE=DATE:20250113", "RRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=2MO"]);
    expect(() => parseIcsHolidayDates(rule, { timeZone: "UTC" })).toThrow(
      /line 4: RRULE: unsupported part BYMONTH/,
    );
  });
});
