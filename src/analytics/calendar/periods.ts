/**
 * Reporting periods in a time zone: the local day, week (starting on a chosen weekday), month or
 * quarter that contains an instant, the next one, labels, and the list covering a range.
 * Period boundaries are local midnights converted to instants, so a DST day is 23 or 25 hours.
 */
import { civilFromDays, daysFromCivil, zonedToEpoch } from "../../util/time-zone.js";
import { localDayOf } from "./business-time.js";
import { formatDateKey, weekdayOfDay } from "./dates.js";
import { WEEKDAY_KEYS } from "./schedule.js";

export type Period = "day" | "week" | "month" | "quarter";
/** Periods plus the year, used by range specs (`ytd`, `last-year`). */
export type CalendarUnit = Period | "year";

export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter"];

export interface PeriodBucket {
  /** First instant of the period (local midnight). */
  start: number;
  /** First instant of the next period (exclusive end). */
  end: number;
  label: string;
}

const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** "monday" / "mon" / "Monday" → 1 (0 = Sunday); undefined when not a weekday name. */
export function parseWeekStart(name: string): number | undefined {
  const lower = name.trim().toLowerCase();
  const index = WEEKDAY_NAMES.indexOf(lower);
  if (index >= 0) return index;
  const short = (WEEKDAY_KEYS as readonly string[]).indexOf(lower);
  return short >= 0 ? short : undefined;
}

/** The instant of local midnight starting day number `day`. */
export function localMidnight(day: number, timeZone: string): number {
  const { year, month, day: dom } = civilFromDays(day);
  return zonedToEpoch(year, month, dom, 0, 0, 0, timeZone);
}

/** First local day of the unit that contains local day `day`. */
export function unitStartDay(day: number, unit: CalendarUnit, weekStart: number): number {
  switch (unit) {
    case "day":
      return day;
    case "week":
      return day - ((weekdayOfDay(day) - weekStart + 7) % 7);
    case "month": {
      const { year, month } = civilFromDays(day);
      return daysFromCivil(year, month, 1);
    }
    case "quarter": {
      const { year, month } = civilFromDays(day);
      return daysFromCivil(year, month - ((month - 1) % 3), 1);
    }
    case "year":
      return daysFromCivil(civilFromDays(day).year, 1, 1);
  }
}

/** Local day `count` units after `day` (months keep the day of month, clamped to the month's end). */
export function addUnits(day: number, unit: CalendarUnit, count: number): number {
  switch (unit) {
    case "day":
      return day + count;
    case "week":
      return day + 7 * count;
    default: {
      const months = unit === "month" ? count : unit === "quarter" ? 3 * count : 12 * count;
      const { year, month, day: dom } = civilFromDays(day);
      const index = year * 12 + (month - 1) + months;
      const y = Math.floor(index / 12);
      const m = index - y * 12 + 1;
      const first = daysFromCivil(y, m, 1);
      const length = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - first;
      return first + Math.min(dom, length) - 1;
    }
  }
}

/** First instant of the period containing `sec`. `weekStart`: 0 = Sunday … 6 = Saturday (default Monday). */
export function periodStart(sec: number, period: CalendarUnit, timeZone: string, weekStart = 1): number {
  return localMidnight(unitStartDay(localDayOf(sec, timeZone), period, weekStart), timeZone);
}

/** First instant of the period after the one containing `sec`. */
export function nextPeriodStart(sec: number, period: CalendarUnit, timeZone: string, weekStart = 1): number {
  const startDay = unitStartDay(localDayOf(sec, timeZone), period, weekStart);
  return localMidnight(addUnits(startDay, period, 1), timeZone);
}

/** ISO 8601 week-numbering year and week of a Monday-start week's first day. */
function isoWeek(mondayDay: number): { year: number; week: number } {
  const thursday = mondayDay + 3;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/**
 * Label of the period containing `sec`: "2025-04-01", "2025-W14" (ISO week, Monday weeks only;
 * weeks starting on another day are labelled by their first date, "2025-04-06"), "2025-04",
 * "2025-Q2", "2025".
 */
export function periodLabel(sec: number, period: CalendarUnit, timeZone: string, weekStart = 1): string {
  const day = unitStartDay(localDayOf(sec, timeZone), period, weekStart);
  const { year, month } = civilFromDays(day);
  switch (period) {
    case "day":
      return formatDateKey(day);
    case "week": {
      if (weekStart !== 1) return formatDateKey(day);
      const iso = isoWeek(day);
      return `${iso.year}-W${String(iso.week).padStart(2, "0")}`;
    }
    case "month":
      return `${year}-${String(month).padStart(2, "0")}`;
    case "quarter":
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case "year":
      return String(year);
  }
}

/** The periods that overlap [fromSec, toSec), in order; empty when toSec ≤ fromSec. */
export function enumeratePeriods(
  fromSec: number,
  toSec: number,
  period: CalendarUnit,
  timeZone: string,
  weekStart = 1,
): PeriodBucket[] {
  const buckets: PeriodBucket[] = [];
  if (toSec <= fromSec) return buckets;
  let day = unitStartDay(localDayOf(fromSec, timeZone), period, weekStart);
  let start = localMidnight(day, timeZone);
  while (start < toSec) {
    const nextDay = addUnits(day, period, 1);
    const end = localMidnight(nextDay, timeZone);
    buckets.push({ start, end, label: periodLabel(start, period, timeZone, weekStart) });
    day = nextDay;
    start = end;
  }
  return buckets;
}
