/**
 * A business calendar: a weekly schedule read in one IANA time zone, minus holiday dates.
 * Built once per run; the schedule is flattened into typed arrays so the business-time walk reads
 * integers only.
 */
import { isValidTimeZone } from "../../util/time-zone.js";
import { formatDateKey, parseDateKey } from "./dates.js";
import { CalendarConfigError } from "./errors.js";
import { dailySeconds, type WeeklySchedule } from "./schedule.js";

export interface BusinessCalendar {
  readonly timeZone: string;
  readonly schedule: WeeklySchedule;
  /** Holiday dates as day numbers (days since 1970-01-01 of the local date), ascending. */
  readonly holidayDays: Int32Array;
  readonly holidaySet: ReadonlySet<number>;
  /** Interval starts/ends (seconds after local midnight) for weekday w are at [dayIndex[w], dayIndex[w + 1]). */
  readonly intervalStarts: Int32Array;
  readonly intervalEnds: Int32Array;
  readonly dayIndex: Int32Array;
  /** Business seconds in one ordinary occurrence of each weekday, and in an ordinary week. */
  readonly dailySeconds: Int32Array;
  readonly weeklySeconds: number;
  /**
   * Memo of the zone's UTC offset at each UTC midnight from 1970 to 2099, filled on first use
   * (OFFSET_UNSET until then): the business-time walk reads two per day, and an array read is
   * ten times cheaper than the zone's hourly map.
   */
  readonly midnightOffsets: Int32Array;
}

/** Marks a `midnightOffsets` entry not computed yet (no zone is 2³¹ seconds from UTC). */
export const OFFSET_UNSET = -0x80000000;
/** Days from 1970-01-01 to 2100-01-01: the span `midnightOffsets` covers. */
const MEMO_DAYS = 47482;

export interface BusinessCalendarInit {
  timeZone: string;
  schedule: WeeklySchedule;
  /** Closed dates as `YYYY-MM-DD` in the calendar's zone (national, company and ICS dates together). */
  holidays?: Iterable<string>;
}

export function createBusinessCalendar(init: BusinessCalendarInit): BusinessCalendar {
  if (!isValidTimeZone(init.timeZone)) {
    throw new CalendarConfigError(
      "timezone",
      `expected an IANA time zone such as Asia/Tokyo, got "${init.timeZone}"`,
    );
  }
  const holidaySet = new Set<number>();
  for (const text of init.holidays ?? []) {
    const day = parseDateKey(text);
    if (day === undefined) {
      throw new CalendarConfigError("business_hours.holidays", `expected dates as YYYY-MM-DD, got "${text}"`);
    }
    holidaySet.add(day);
  }
  const holidayDays = Int32Array.from(holidaySet).sort();

  const dayIndex = new Int32Array(8);
  const starts: number[] = [];
  const ends: number[] = [];
  init.schedule.days.forEach((intervals, weekday) => {
    dayIndex[weekday] = starts.length;
    for (const interval of intervals) {
      starts.push(interval.start);
      ends.push(interval.end);
    }
  });
  dayIndex[7] = starts.length;
  const perDay = Int32Array.from(dailySeconds(init.schedule));
  return {
    timeZone: init.timeZone,
    schedule: init.schedule,
    holidayDays,
    holidaySet,
    intervalStarts: Int32Array.from(starts),
    intervalEnds: Int32Array.from(ends),
    dayIndex,
    dailySeconds: perDay,
    weeklySeconds: perDay.reduce((sum, s) => sum + s, 0),
    midnightOffsets: new Int32Array(MEMO_DAYS).fill(OFFSET_UNSET),
  };
}

/** Whether a local date (`YYYY-MM-DD`) is a holiday of this calendar. */
export function isHoliday(cal: BusinessCalendar, date: string): boolean {
  const day = parseDateKey(date);
  return day !== undefined && cal.holidaySet.has(day);
}

/** The calendar's holidays within [from, to] (`YYYY-MM-DD`, inclusive), for `config show` and docs. */
export function holidaysBetween(cal: BusinessCalendar, from: string, to: string): string[] {
  const lo = parseDateKey(from) ?? Number.NEGATIVE_INFINITY;
  const hi = parseDateKey(to) ?? Number.POSITIVE_INFINITY;
  return Array.from(
    cal.holidayDays.filter((d) => d >= lo && d <= hi),
    formatDateKey,
  );
}

/** Number of holidays in [fromDay, toDay) by binary search on the sorted day numbers. */
export function countHolidays(cal: BusinessCalendar, fromDay: number, toDay: number): number {
  return lowerBound(cal.holidayDays, toDay) - lowerBound(cal.holidayDays, fromDay);
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
