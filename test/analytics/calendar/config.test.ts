import { describe, expect, it } from "vitest";
import { isHoliday } from "../../../src/analytics/calendar/business-calendar.js";
import { calendarFromConfig, parseBusinessHoursConfig } from "../../../src/analytics/calendar/config.js";
import { CalendarConfigError } from "../../../src/analytics/calendar/errors.js";
import { formatInterval } from "../../../src/analytics/calendar/schedule.js";

const outline = {
  schedule: { mon: ["09:00-18:00"], tue: ["09:00-12:00", "13:00-18:00"] },
  holidays: { japan: true, dates: ["2025-12-29", "2025-12-30"], ics: "company-holidays.ics" },
};

function errorOf(raw: unknown): CalendarConfigError {
  try {
    parseBusinessHoursConfig(raw);
  } catch (error) {
    if (error instanceof CalendarConfigError) return error;
    throw error;
  }
  throw new Error("expected a CalendarConfigError");
}

describe("parseBusinessHoursConfig", () => {
  it("reads the outline's example", () => {
    const config = parseBusinessHoursConfig(outline);
    expect(config.schedule.days.map((day) => day.map(formatInterval))).toEqual([
      [],
      ["09:00-18:00"],
      ["09:00-12:00", "13:00-18:00"],
      [],
      [],
      [],
      [],
    ]);
    expect(config).toMatchObject({
      japan: true,
      dates: ["2025-12-29", "2025-12-30"],
      ics: "company-holidays.ics",
    });
  });

  it("defaults to weekdays 09:00–18:00 with Japanese holidays", () => {
    const config = parseBusinessHoursConfig(undefined);
    expect(config.schedule.days[1]).toEqual([{ start: 32400, end: 64800 }]);
    expect(config.schedule.days[0]).toEqual([]);
    expect(config.japan).toBe(true);
  });

  it("names the key and what was expected", () => {
    const badInterval = errorOf({ schedule: { tue: ["09:00-12:00", "18:00-13:00"] } });
    expect(badInterval.key).toBe("business_hours.schedule.tue[1]");
    expect(badInterval.message).toMatch(/expected "HH:MM-HH:MM" with start before end.*got "18:00-13:00"/);
    expect(errorOf({ schedule: { monday: ["09:00-18:00"] } }).key).toBe("business_hours.schedule.monday");
    expect(errorOf({ schedule: { mon: ["09:00-13:00", "12:00-18:00"] } }).message).toMatch(/overlap/);
    expect(errorOf({ schedule: { mon: ["09:00-24:30"] } }).key).toBe("business_hours.schedule.mon[0]");
    expect(errorOf({ holidays: { dates: ["2025-02-30"] } }).key).toBe("business_hours.holidays.dates[0]");
    expect(errorOf({ holidays: { japan: "yes" } }).key).toBe("business_hours.holidays.japan");
    expect(errorOf({ holidays: { national: true } }).message).toMatch(/expected one of japan, dates, ics/);
    expect(errorOf(["09:00-18:00"]).key).toBe("business_hours");
  });
});

describe("calendarFromConfig", () => {
  const ics = [
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    "DTSTART;VALUE=DATE:20250815",
    "END:VEVENT",
    "END:VCALENDAR",
  ];

  it("merges national, listed and ICS holidays", () => {
    const cal = calendarFromConfig(parseBusinessHoursConfig(outline), {
      timeZone: "Asia/Tokyo",
      icsText: ics.join("\n"),
    });
    expect(isHoliday(cal, "2025-05-06")).toBe(true); // national substitute holiday
    expect(isHoliday(cal, "2025-12-29")).toBe(true); // listed
    expect(isHoliday(cal, "2025-08-15")).toBe(true); // from the ICS text
    expect(isHoliday(cal, "2025-08-18")).toBe(false);
  });

  it("leaves national holidays out when japan is false, and insists on the ICS text when one is named", () => {
    const config = parseBusinessHoursConfig({ holidays: { japan: false } });
    expect(isHoliday(calendarFromConfig(config, { timeZone: "Asia/Tokyo" }), "2025-05-06")).toBe(false);
    expect(() => calendarFromConfig(parseBusinessHoursConfig(outline), { timeZone: "Asia/Tokyo" })).toThrow(
      /company-holidays\.ics/,
    );
    expect(() => calendarFromConfig(config, { timeZone: "Asia/Tokio" })).toThrow(CalendarConfigError);
  });
});
