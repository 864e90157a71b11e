import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createDateParser,
  type DateOrder,
  INVALID,
  lastInvalidReason,
} from "../../../src/ingest/normalize/index.js";

/** Epoch seconds of a UTC ISO string, written by hand in the tables below. */
const utc = (iso: string) => Date.parse(iso) / 1000;

function parser(timeZone: string, dateOrder?: DateOrder, excelSerials?: boolean) {
  return createDateParser({ timeZone, dateOrder, excelSerials });
}

describe("DateParser in Asia/Tokyo (UTC+9), default order ymd", () => {
  const p = parser("Asia/Tokyo");
  it.each([
    ["2025-04-01 13:45:00", "2025-04-01T04:45:00Z"],
    ["2025-04-01 13:45", "2025-04-01T04:45:00Z"],
    ["2025-04-01T13:45:00", "2025-04-01T04:45:00Z"],
    ["  2025-04-01 13:45:00\t", "2025-04-01T04:45:00Z"],
    ["2025-04-01T13:45:00Z", "2025-04-01T13:45:00Z"],
    ["2025-04-01T13:45:00+09:00", "2025-04-01T04:45:00Z"],
    ["2025-04-01T13:45:00-05:00", "2025-04-01T18:45:00Z"],
    ["2025-04-01T13:45:00.123+0530", "2025-04-01T08:15:00Z"],
    ["2025-04-01T13:45:59.999Z", "2025-04-01T13:45:59Z"],
    ["2025-04-01 13:45:00 +09", "2025-04-01T04:45:00Z"],
    ["2025-04-01 13:45:00 UTC", "2025-04-01T13:45:00Z"],
    ["2025-04-01 13:45 GMT+9", "2025-04-01T04:45:00Z"],
    ["2025-04-01 13:45 JST", "2025-04-01T04:45:00Z"],
    ["2025/4/1 9:05", "2025-04-01T00:05:00Z"],
    ["2025/04/01 09:05:30", "2025-04-01T00:05:30Z"],
    ["2025.4.1", "2025-03-31T15:00:00Z"],
    ["2025-04-01", "2025-03-31T15:00:00Z"],
    ["20250401", "2025-03-31T15:00:00Z"],
    ["2024-02-29", "2024-02-28T15:00:00Z"],
    ["2025-04-01 24:00:00", "2025-04-01T15:00:00Z"],
    ["2025/4/1 12:00 AM", "2025-03-31T15:00:00Z"],
    ["2025/4/1 12:30 PM", "2025-04-01T03:30:00Z"],
    ["2025/4/1 1:45 p.m.", "2025-04-01T04:45:00Z"],
    ["2025/4/1 午前9時5分", "2025-04-01T00:05:00Z"],
    ["2025/4/1 午後0時15分", "2025-04-01T03:15:00Z"],
    ["2025/4/1(火) 9:05", "2025-04-01T00:05:00Z"],
    ["2025年4月1日", "2025-03-31T15:00:00Z"],
    ["2025年4月1日 13時45分", "2025-04-01T04:45:00Z"],
    ["2025年4月1日13時45分20秒", "2025-04-01T04:45:20Z"],
    ["2025年4月1日（火） 9時半", "2025-04-01T00:30:00Z"],
    ["2025年4月1日 午後1時45分", "2025-04-01T04:45:00Z"],
    ["2025年4月1日 13:45", "2025-04-01T04:45:00Z"],
    ["２０２５－０４－０１　１３：４５", "2025-04-01T04:45:00Z"],
    ["２０２５年４月１日", "2025-03-31T15:00:00Z"],
    // day-first and month-first values are accepted under "ymd" when a field over 12 decides
    ["13/01/2025 16:48", "2025-01-13T07:48:00Z"],
    ["01/13/2025 16:48", "2025-01-13T07:48:00Z"],
  ])("%s", (input, iso) => {
    expect(p.parse(input)).toBe(utc(iso));
  });

  it.each([
    ["令和6年4月1日", "2024-03-31T15:00:00Z"],
    ["令和元年5月1日", "2019-04-30T15:00:00Z"],
    ["令和6年4月1日 13:45", "2024-04-01T04:45:00Z"],
    ["R6.4.1", "2024-03-31T15:00:00Z"],
    ["r6/4/1", "2024-03-31T15:00:00Z"],
    ["R1.5.1", "2019-04-30T15:00:00Z"],
    ["H31/4/30", "2019-04-29T15:00:00Z"],
    ["平成31年4月30日", "2019-04-29T15:00:00Z"],
    ["平成元年1月8日", "1989-01-07T15:00:00Z"],
    ["昭和64年1月7日", "1989-01-06T15:00:00Z"],
    ["昭和元年12月25日", "1926-12-24T15:00:00Z"],
    ["S50.10.1", "1975-09-30T15:00:00Z"],
    ["㋿6年4月1日", "2024-03-31T15:00:00Z"],
    ["㍻元年1月8日", "1989-01-07T15:00:00Z"],
    ["令和６年４月１日", "2024-03-31T15:00:00Z"],
  ])("era date %s", (input, iso) => {
    expect(p.parse(input)).toBe(utc(iso));
  });

  it.each([
    ["45658.5", "2025-01-01T03:00:00Z"],
    ["45658", "2024-12-31T15:00:00Z"],
    ["45658.75", "2025-01-01T09:00:00Z"],
    ["45658.541666666664", "2025-01-01T04:00:00Z"],
  ])("Excel serial %s", (input, iso) => {
    expect(p.parse(input)).toBe(utc(iso));
  });

  it.each(["", "   ", "?", "-", "—", "N/A", "n/a", "#N/A", "？", "－", "Ｎ／Ａ"])("missing %j", (input) => {
    expect(p.parse(input)).toBeNull();
  });

  it.each([
    ["2025-02-30", "not a calendar date"],
    ["2023-02-29", "not a calendar date"],
    ["2025-13-01", "month 13"],
    ["2025-00-10", "month 0"],
    ["2025-04-31 10:00", "not a calendar date"],
    ["2025-04-01 24:01", "hour 24"],
    ["2025-04-01 25:00", "hour 25"],
    ["2025-04-01 13:60", "minute 60"],
    ["2025-04-01 13:45:60", "second 60"],
    ["2025/4/1 13:45 PM", "unreadable time"],
    ["2025-04-01T", "unreadable time"],
    ["2025-04-01 13:45 +25:00", "unreadable time"],
    ["2025-04-01 13:45 tomorrow", "unreadable time"],
    ["05/04/2025", "day-first or month-first"],
    ["平成元年1月7日", "before 平成 began on 1989-01-08"],
    ["平成31年5月1日", "after 平成 ended"],
    ["平成32年1月1日", "after 平成 ended"],
    ["令和元年4月30日", "before 令和 began"],
    ["昭和64年1月8日", "after 昭和 ended"],
    ["令和0年5月1日", "era year 0"],
    ["令和6年2月30日", "not a calendar date"],
    ["19999", "outside the Excel serial dates"],
    ["80001", "outside the Excel serial dates"],
    ["2025", "outside the Excel serial dates"],
    ["yesterday", "not a recognised date"],
    ["2025-4", "not a recognised date"],
  ])("rejects %s", (input, reason) => {
    expect(p.parse(input)).toBe(INVALID);
    expect(lastInvalidReason()).toContain(reason);
  });

  it("reads plain numbers as text errors when Excel serials are off", () => {
    expect(parser("Asia/Tokyo", "ymd", false).parse("45658.5")).toBe(INVALID);
    expect(lastInvalidReason()).toContain("plain number");
  });

  it("refuses an unknown zone when built", () => {
    expect(() => parser("Mars/Olympus")).toThrow(/unknown time zone/);
  });

  it("describes the expected forms for messages", () => {
    expect(p.expected).toContain("2025-04-01 13:45");
    expect(parser("UTC", "dmy").expected).toContain("13/01/2025 16:48");
  });
});

describe("DateParser date orders", () => {
  it.each<[DateOrder, string, string]>([
    ["dmy", "13/01/2025 16:48", "2025-01-13T07:48:00Z"],
    ["dmy", "05/04/2025 10:00", "2025-04-05T01:00:00Z"],
    ["dmy", "29-02-2016 01:16", "2016-02-28T16:16:00Z"],
    ["dmy", "13.01.2025", "2025-01-12T15:00:00Z"],
    ["dmy", "2025-04-05", "2025-04-04T15:00:00Z"],
    ["mdy", "01/13/2025 4:48 PM", "2025-01-13T07:48:00Z"],
    ["mdy", "05/04/2025", "2025-05-03T15:00:00Z"],
    ["mdy", "2025-04-05", "2025-04-04T15:00:00Z"],
  ])("%s reads %s", (order, input, iso) => {
    expect(parser("Asia/Tokyo", order).parse(input)).toBe(utc(iso));
  });

  it.each<[DateOrder, string]>([
    ["dmy", "01/13/2025"],
    ["mdy", "13/01/2025"],
    ["dmy", "31-04-2025 10:00"],
  ])("%s rejects %s", (order, input) => {
    expect(parser("Asia/Tokyo", order).parse(input)).toBe(INVALID);
  });
});

describe("DateParser in America/New_York across DST", () => {
  const p = parser("America/New_York");
  it.each([
    ["2025-01-15 12:00", "2025-01-15T17:00:00Z"],
    ["2025-07-01 12:00", "2025-07-01T16:00:00Z"],
    ["2025-03-07 23:59:59", "2025-03-08T04:59:59Z"],
    ["2025-03-08 12:00", "2025-03-08T17:00:00Z"],
    ["2025-03-10 12:00", "2025-03-10T16:00:00Z"],
    ["2025-03-11 00:00", "2025-03-11T04:00:00Z"],
    ["2025-03-09 01:30:00", "2025-03-09T06:30:00Z"],
    ["2025-03-09 03:30:00", "2025-03-09T07:30:00Z"],
    // 02:30 never happens on 2025-03-09: read with the offset before the gap (EST).
    ["2025-03-09 02:30:00", "2025-03-09T07:30:00Z"],
    // 01:30 happens twice on 2025-11-02: the earlier (EDT) instant.
    ["2025-11-02 01:30:00", "2025-11-02T05:30:00Z"],
    ["2025-11-02 02:30:00", "2025-11-02T07:30:00Z"],
    ["2025-07-01T12:00:00+09:00", "2025-07-01T03:00:00Z"],
    ["45658.5", "2025-01-01T17:00:00Z"],
    ["7/14/2025 9:00 PM", "2025-07-15T01:00:00Z"],
  ])("%s", (input, iso) => {
    expect(p.parse(input)).toBe(utc(iso));
  });
});

describe("DateParser round trips", () => {
  const zones = ["Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Sydney", "UTC"];
  const instant = fc.integer({ min: utc("1990-01-01T00:00:00Z"), max: utc("2040-12-31T00:00:00Z") });

  /** `YYYY-MM-DD HH:MM:SS` in `tz`, formatted by Intl, not by the code under test. */
  function wallClock(epochSec: number, tz: string): string {
    return new Intl.DateTimeFormat("sv-SE", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).format(new Date(epochSec * 1000));
  }

  // One parser per zone for the whole run, so its per-day offset cache is exercised too.
  const parsers = new Map(zones.map((tz) => [tz, parser(tz)]));

  it("a wall-clock time formatted in a zone parses back to its instant (outside DST overlaps)", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, tz) => {
        const wall = wallClock(t, tz);
        // In an overlap the same wall time also names the instant an hour away: skip those.
        fc.pre(wallClock(t - 3600, tz) !== wall && wallClock(t + 3600, tz) !== wall);
        expect(parsers.get(tz)?.parse(wall)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it("round trips hold near the 2025 New York and London transitions", () => {
    const near = fc.oneof(
      fc.integer({ min: utc("2025-03-07T00:00:00Z"), max: utc("2025-03-12T00:00:00Z") }),
      fc.integer({ min: utc("2025-10-24T00:00:00Z"), max: utc("2025-11-05T00:00:00Z") }),
    );
    fc.assert(
      fc.property(near, fc.constantFrom("America/New_York", "Europe/London"), (t, tz) => {
        const wall = wallClock(t, tz);
        fc.pre(wallClock(t - 3600, tz) !== wall && wallClock(t + 3600, tz) !== wall);
        expect(parsers.get(tz)?.parse(wall)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it("ISO 8601 with Z parses back to its instant in any zone", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, tz) => {
        expect(parsers.get(tz)?.parse(new Date(t * 1000).toISOString())).toBe(t);
      }),
    );
  });
});
