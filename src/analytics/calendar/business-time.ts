/**
 * Exact business time between instants.
 *
 * Definition: a second is business time when the wall clock in the calendar's zone, at that
 * second, shows a time inside one of the schedule's intervals for that local date, and the date
 * is not a holiday. So a DST gap removes the skipped wall times and a repeated hour counts twice,
 * exactly as a clock on the office wall would.
 *
 * The walk is per local day, never per minute: each interval [a, b) of day d is mapped to
 * instants with the zone offset before and after the day's transition (if any) and intersected
 * with the span. Whole weeks with no holiday and no offset change are added from the weekly total,
 * so a span of years costs one step per week plus one per holiday.
 */
import { tzOffsetSeconds } from "../../util/time-zone.js";
import { type BusinessCalendar, countHolidays, OFFSET_UNSET } from "./business-calendar.js";
import { weekdayOfDay } from "./dates.js";

const DAY = 86400;

/** Local date (day number) on which an instant falls. */
export function localDayOf(epochSec: number, timeZone: string): number {
  return Math.floor((epochSec + tzOffsetSeconds(epochSec, timeZone)) / DAY);
}

/**
 * Offsets around one local day, reused between calls so the walk allocates nothing. Instants whose
 * wall clock reads day d all lie within [d·86400 − 86400, d·86400 + 2·86400): offsets stay within
 * ±14 h. Zones change offset at most once in that window (transitions are months apart).
 */
const frame = { before: 0, after: 0, transition: Number.POSITIVE_INFINITY };

/** The zone's offset at UTC midnight of `utcDay`, through the calendar's memo. */
function midnightOffset(cal: BusinessCalendar, utcDay: number): number {
  const memo = cal.midnightOffsets;
  if (utcDay >= 0 && utcDay < memo.length) {
    const known = memo[utcDay] ?? OFFSET_UNSET;
    if (known !== OFFSET_UNSET) return known;
    const offset = tzOffsetSeconds(utcDay * DAY, cal.timeZone);
    memo[utcDay] = offset;
    return offset;
  }
  return tzOffsetSeconds(utcDay * DAY, cal.timeZone);
}

const transitionCache = new Map<string, Map<number, number>>();

function loadFrame(cal: BusinessCalendar, day: number): void {
  frame.before = midnightOffset(cal, day - 1);
  frame.after = midnightOffset(cal, day + 2);
  frame.transition =
    frame.before === frame.after
      ? Number.POSITIVE_INFINITY
      : findTransition(cal.timeZone, (day - 1) * DAY, (day + 2) * DAY, frame.before);
}

/** First instant in (lo, hi] whose offset differs from `before`, by bisection; cached per zone. */
function findTransition(timeZone: string, lo: number, hi: number, before: number): number {
  let byStart = transitionCache.get(timeZone);
  if (!byStart) {
    byStart = new Map();
    transitionCache.set(timeZone, byStart);
  }
  const cached = byStart.get(lo);
  if (cached !== undefined) return cached;
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = a + Math.floor((b - a) / 2);
    if (tzOffsetSeconds(mid, timeZone) === before) a = mid;
    else b = mid;
  }
  byStart.set(lo, b);
  return b;
}

function overlap(a: number, b: number, start: number, end: number): number {
  const lo = Math.max(a, start);
  const hi = Math.min(b, end);
  return hi > lo ? hi - lo : 0;
}

/** Business seconds of local day `day` that fall within [start, end). */
export function daySeconds(cal: BusinessCalendar, day: number, start: number, end: number): number {
  const weekday = weekdayOfDay(day);
  const first = cal.dayIndex[weekday] ?? 0;
  const last = cal.dayIndex[weekday + 1] ?? 0;
  if (first === last || cal.holidaySet.has(day)) return 0;
  loadFrame(cal, day);
  const { before, after, transition } = frame;
  const midnight = day * DAY;
  let total = 0;
  for (let i = first; i < last; i++) {
    const a = midnight + (cal.intervalStarts[i] ?? 0);
    const b = midnight + (cal.intervalEnds[i] ?? 0);
    const preEnd = Math.min(b - before, transition);
    total += overlap(a - before, preEnd, start, end);
    if (transition !== Number.POSITIVE_INFINITY) {
      const postStart = Math.max(a - after, transition);
      total += overlap(postStart, b - after, start, end);
    }
  }
  return total;
}

/** True when days [day, day + 7) hold no holiday and no offset change: an ordinary week. */
function isPlainWeek(cal: BusinessCalendar, day: number): boolean {
  if (countHolidays(cal, day, day + 7) > 0) return false;
  return midnightOffset(cal, day - 1) === midnightOffset(cal, day + 8);
}

/**
 * Business seconds in [startSec, endSec). An inverted span returns the negative of the reverse
 * span (businessSeconds(b, a) = −businessSeconds(a, b)), so a careless subtraction stays visible
 * instead of turning into a plausible positive figure.
 */
export function businessSeconds(cal: BusinessCalendar, startSec: number, endSec: number): number {
  if (endSec < startSec) return -businessSeconds(cal, endSec, startSec);
  if (endSec === startSec) return 0;
  const firstDay = localDayOf(startSec, cal.timeZone);
  const lastDay = localDayOf(endSec, cal.timeZone);
  // Days two or more away from both ends lie wholly inside the span; a wall clock steps back at
  // most about an hour, so a day of padding on each side catches every second of the ends.
  const innerFrom = firstDay + 2;
  const innerTo = lastDay - 2;
  let total = 0;
  let day = firstDay - 1;
  while (day <= lastDay + 1) {
    if (day >= innerFrom && day + 6 <= innerTo) {
      // A whole week inside the span: its ordinary total, or its seven days when it is not ordinary.
      if (isPlainWeek(cal, day)) total += cal.weeklySeconds;
      else for (let d = day; d < day + 7; d++) total += daySeconds(cal, d, startSec, endSec);
      day += 7;
    } else {
      total += daySeconds(cal, day, startSec, endSec);
      day++;
    }
  }
  return total;
}

/** How far `addBusinessSeconds` looks before deciding the calendar has no business time left. */
const SEARCH_LIMIT_DAYS = 3660;

/**
 * The earliest instant t ≥ startSec with businessSeconds(cal, startSec, t) = seconds: when an SLA
 * clock of `seconds` started at `startSec` runs out. `seconds` must be finite and ≥ 0; 0 returns
 * `startSec`. Throws a RangeError when no such instant comes within ten years (e.g. no schedule).
 */
export function addBusinessSeconds(cal: BusinessCalendar, startSec: number, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`addBusinessSeconds: expected a finite number of seconds ≥ 0, got ${seconds}`);
  }
  if (seconds === 0) return startSec;
  const startDay = localDayOf(startSec, cal.timeZone);
  let remaining = seconds;
  for (let day = startDay - 1; day <= startDay + SEARCH_LIMIT_DAYS; day++) {
    // Skip whole ordinary weeks that cannot contain the answer (strictly less than what remains).
    if (day >= startDay + 2 && remaining > cal.weeklySeconds && isPlainWeek(cal, day)) {
      remaining -= cal.weeklySeconds;
      day += 6;
      continue;
    }
    const available = daySeconds(cal, day, startSec, Number.POSITIVE_INFINITY);
    if (available >= remaining) return instantWithinDay(cal, day, startSec, remaining);
    remaining -= available;
  }
  throw new RangeError(
    `addBusinessSeconds: no ${seconds} s of business time within ${SEARCH_LIMIT_DAYS} days; check the schedule and holidays`,
  );
}

/** The instant at which `remaining` business seconds of day `day` (counted from startSec) have passed. */
function instantWithinDay(cal: BusinessCalendar, day: number, startSec: number, remaining: number): number {
  const weekday = weekdayOfDay(day);
  const first = cal.dayIndex[weekday] ?? 0;
  const last = cal.dayIndex[weekday + 1] ?? 0;
  loadFrame(cal, day);
  const { before, after, transition } = frame;
  const midnight = day * DAY;
  let left = remaining;
  // Segments before the day's offset change come first in time, then those after it.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = first; i < last; i++) {
      const a = midnight + (cal.intervalStarts[i] ?? 0);
      const b = midnight + (cal.intervalEnds[i] ?? 0);
      let segStart: number;
      let segEnd: number;
      if (pass === 0) {
        segStart = a - before;
        segEnd = Math.min(b - before, transition);
      } else {
        if (transition === Number.POSITIVE_INFINITY) break;
        segStart = Math.max(a - after, transition);
        segEnd = b - after;
      }
      if (segStart < startSec) segStart = startSec;
      if (segEnd <= segStart) continue;
      if (segEnd - segStart >= left) return segStart + left;
      left -= segEnd - segStart;
    }
  }
  throw new Error(`internal: business time of day ${day} ran out before ${remaining} s`);
}
