/**
 * The weekly schedule: for each weekday, zero or more local wall-clock intervals such as
 * "09:00-18:00". Intervals are half-open [start, end) in seconds after local midnight; an end of
 * "24:00" reaches the next midnight. A day with no interval is closed.
 */
import { CalendarConfigError } from "./errors.js";

/** Config keys for the weekdays, indexed like `Date#getDay` (0 = Sunday). */
export const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export interface TimeInterval {
  /** Seconds after local midnight, 0 ≤ start < end. */
  readonly start: number;
  /** Seconds after local midnight, end ≤ 86400. */
  readonly end: number;
}

export interface WeeklySchedule {
  /** Sorted, non-overlapping intervals per weekday, index 0 = Sunday. */
  readonly days: readonly (readonly TimeInterval[])[];
}

const INTERVAL_PATTERN = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/;

function clockSeconds(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 3600 + m * 60;
}

/** "09:00-18:00" → {start: 32400, end: 64800}; undefined when malformed or empty. */
export function parseInterval(text: string): TimeInterval | undefined {
  const match = INTERVAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, h1 = "", m1 = "", h2 = "", m2 = ""] = match;
  const start = clockSeconds(h1, m1);
  const end = clockSeconds(h2, m2);
  if (start === undefined || end === undefined || start >= end) return undefined;
  return { start, end };
}

function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

export function formatInterval(interval: TimeInterval): string {
  return `${formatClock(interval.start)}-${formatClock(interval.end)}`;
}

/**
 * Builds a schedule from the config shape `{ mon: ["09:00-18:00"], … }`. `keyPrefix` names the
 * section in error messages (e.g. "business_hours.schedule").
 */
export function parseWeeklySchedule(raw: unknown, keyPrefix: string): WeeklySchedule {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new CalendarConfigError(
      keyPrefix,
      `expected a mapping of weekdays (${WEEKDAY_KEYS.join(", ")}) to lists of "HH:MM-HH:MM"`,
    );
  }
  const entries = raw as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (!(WEEKDAY_KEYS as readonly string[]).includes(key)) {
      throw new CalendarConfigError(
        `${keyPrefix}.${key}`,
        `unknown weekday; expected one of ${WEEKDAY_KEYS.join(", ")}`,
      );
    }
  }
  const days = WEEKDAY_KEYS.map((day) => parseDay(entries[day], `${keyPrefix}.${day}`));
  return { days };
}

function parseDay(raw: unknown, key: string): TimeInterval[] {
  if (raw === undefined || raw === null) return [];
  const items = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(items)) {
    throw new CalendarConfigError(key, `expected a list of "HH:MM-HH:MM" intervals, e.g. ["09:00-18:00"]`);
  }
  const intervals: TimeInterval[] = [];
  items.forEach((item: unknown, index) => {
    const interval = typeof item === "string" ? parseInterval(item) : undefined;
    if (!interval) {
      throw new CalendarConfigError(
        `${key}[${index}]`,
        `expected "HH:MM-HH:MM" with start before end and end at most 24:00 (e.g. "09:00-18:00"), got ${JSON.stringify(item)}; split an overnight shift across two days`,
      );
    }
    intervals.push(interval);
  });
  intervals.sort((a, b) => a.start - b.start);
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (previous && current && current.start < previous.end) {
      throw new CalendarConfigError(
        key,
        `intervals ${formatInterval(previous)} and ${formatInterval(current)} overlap; expected separate intervals`,
      );
    }
  }
  return intervals;
}

/** Monday to Friday, 09:00–18:00: the schedule when the config gives none. */
export const DEFAULT_SCHEDULE: WeeklySchedule = {
  days: [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    weekday >= 1 && weekday <= 5 ? [{ start: 9 * 3600, end: 18 * 3600 }] : [],
  ),
};

/** Business seconds in one ordinary (non-holiday, 24-hour) occurrence of each weekday. */
export function dailySeconds(schedule: WeeklySchedule): number[] {
  return schedule.days.map((intervals) => intervals.reduce((sum, i) => sum + (i.end - i.start), 0));
}
