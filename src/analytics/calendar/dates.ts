/**
 * Local calendar dates as day numbers (days since 1970-01-01), so holiday look-ups on the hot
 * path compare integers instead of building `YYYY-MM-DD` strings.
 */
import { civilFromDays, daysFromCivil } from "../../util/time-zone.js";

const DATE_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number; undefined when malformed or not a real date (2025-02-30). */
export function parseDateKey(text: string): number | undefined {
  const match = DATE_KEY_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : undefined;
}

export function formatDateKey(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday for a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return daysFromCivil(nextYear, nextMonth, 1) - daysFromCivil(year, month, 1);
}
