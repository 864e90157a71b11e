/**
 * The `business_hours:` section of the config file (docs/config-outline.md), validated into a
 * plain value. Reading the ICS file is the caller's job (analytics does no I/O): it passes the
 * text to `calendarFromConfig`.
 */
import { type BusinessCalendar, createBusinessCalendar } from "./business-calendar.js";
import { parseDateKey } from "./dates.js";
import { CalendarConfigError } from "./errors.js";
import { parseIcsHolidayDates } from "./ics.js";
import { japaneseHolidayDates } from "./japan-holidays.js";
import { DEFAULT_SCHEDULE, parseWeeklySchedule, type WeeklySchedule } from "./schedule.js";

export interface BusinessHoursConfig {
  schedule: WeeklySchedule;
  /** Include Japanese national holidays (default true). */
  japan: boolean;
  /** Company holidays, `YYYY-MM-DD`. */
  dates: string[];
  /** Path of an ICS file of company holidays, as written in the config (relative to it). */
  ics: string | undefined;
}

const SECTION = "business_hours";

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], key: string): void {
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      throw new CalendarConfigError(`${key}.${name}`, `unknown key; expected one of ${allowed.join(", ")}`);
    }
  }
}

/**
 * Validates the section. Absent section or keys take the defaults: Monday–Friday 09:00–18:00 and
 * Japanese national holidays on. A given `schedule` replaces the default wholly.
 */
export function parseBusinessHoursConfig(raw: unknown): BusinessHoursConfig {
  if (raw === undefined || raw === null) {
    return { schedule: DEFAULT_SCHEDULE, japan: true, dates: [], ics: undefined };
  }
  if (!isMapping(raw))
    throw new CalendarConfigError(SECTION, "expected a mapping with schedule and holidays");
  rejectUnknownKeys(raw, ["schedule", "holidays"], SECTION);
  const schedule =
    raw.schedule === undefined ? DEFAULT_SCHEDULE : parseWeeklySchedule(raw.schedule, `${SECTION}.schedule`);
  const holidays = raw.holidays ?? {};
  const holidaysKey = `${SECTION}.holidays`;
  if (!isMapping(holidays))
    throw new CalendarConfigError(holidaysKey, "expected a mapping with japan, dates and ics");
  rejectUnknownKeys(holidays, ["japan", "dates", "ics"], holidaysKey);

  const japan = holidays.japan ?? true;
  if (typeof japan !== "boolean") {
    throw new CalendarConfigError(
      `${holidaysKey}.japan`,
      `expected true or false, got ${JSON.stringify(japan)}`,
    );
  }
  const dates = holidays.dates ?? [];
  if (!Array.isArray(dates)) {
    throw new CalendarConfigError(`${holidaysKey}.dates`, `expected a list of dates, e.g. ["2025-12-29"]`);
  }
  dates.forEach((date: unknown, index) => {
    if (typeof date !== "string" || parseDateKey(date) === undefined) {
      throw new CalendarConfigError(
        `${holidaysKey}.dates[${index}]`,
        `expected a date as YYYY-MM-DD (quote it in YAML), got ${JSON.stringify(date)}`,
      );
    }
  });
  const ics = holidays.ics;
  if (ics !== undefined && (typeof ics !== "string" || ics.trim() === "")) {
    throw new CalendarConfigError(
      `${holidaysKey}.ics`,
      `expected the path of an .ics file, got ${JSON.stringify(ics)}`,
    );
  }
  return { schedule, japan, dates: dates as string[], ics };
}

export interface CalendarSources {
  timeZone: string;
  /** Text of the file named by `holidays.ics`, read by the caller. */
  icsText?: string;
  /** Last year to expand open-ended ICS recurrences into. */
  icsHorizonYear?: number;
}

/** Builds the calendar: schedule plus national, listed and ICS holidays, all in `timeZone`. */
export function calendarFromConfig(config: BusinessHoursConfig, sources: CalendarSources): BusinessCalendar {
  const holidays: string[] = [...config.dates];
  if (config.japan) holidays.push(...japaneseHolidayDates());
  if (config.ics !== undefined && sources.icsText === undefined) {
    throw new Error(`calendarFromConfig: read ${config.ics} and pass its text as icsText`);
  }
  if (sources.icsText !== undefined) {
    const options = { timeZone: sources.timeZone, horizonYear: sources.icsHorizonYear };
    holidays.push(...parseIcsHolidayDates(sources.icsText, options));
  }
  return createBusinessCalendar({ timeZone: sources.timeZone, schedule: config.schedule, holidays });
}
