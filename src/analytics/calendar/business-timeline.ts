/**
 * Business time as a running total. B(t), the business seconds from a fixed origin up to instant
 * t, is well defined because every instant has exactly one local wall time (a repeated hour is two
 * different hours of instants), so businessSeconds(a, b) = B(b) − B(a): two lookups per span
 * instead of a walk over its days. That is what a report over a million tickets needs.
 *
 * Per local day of the covered range the timeline keeps the day's whole business seconds summed
 * up to it, whether it is closed, and the zone's offset at UTC midnight. Where the offset is the
 * same for three days on each side, B(t) is that sum plus the schedule's seconds before t's wall
 * time; near an offset change it adds the exact per-day walk of business-time.ts for the days
 * around t. The tests check it against businessSeconds() on random spans in zones with DST.
 */

import { tzOffsetSeconds } from "../../util/time-zone.js";
import type { BusinessCalendar } from "./business-calendar.js";
import { businessSeconds, daySeconds, localDayOf } from "./business-time.js";
import { weekdayOfDay } from "./dates.js";

const DAY = 86400;
/** Days of margin added around a requested range, so nearby instants do not rebuild. */
const MARGIN = 400;
/** Beyond this many days (about 270 years) the timeline gives way to the per-day walk. */
const MAX_DAYS = 100_000;

export class BusinessTimeline {
  private readonly cal: BusinessCalendar;
  /** First covered day (days since 1970-01-01); arrays are indexed by day − lo. */
  private lo = 0;
  private length = 0;
  /** Business seconds of all covered days before index i (length + 1 entries). */
  private cumulative = new Float64Array(1);
  private closed = new Uint8Array(0);
  /** The offset at UTC midnight of the day; stable: equal from three days before to three after. */
  private offset = new Int32Array(0);
  private stable = new Uint8Array(0);

  constructor(cal: BusinessCalendar) {
    this.cal = cal;
  }

  /** Business seconds in [startSec, endSec); an inverted span is negative, as businessSeconds(). */
  between(startSec: number, endSec: number): number {
    if (!Number.isFinite(startSec) || !Number.isFinite(endSec))
      return businessSeconds(this.cal, startSec, endSec);
    if (endSec <= startSec) return endSec === startSec ? 0 : -this.between(endSec, startSec);
    const from = Math.floor(startSec / DAY) - 3;
    const to = Math.floor(endSec / DAY) + 3;
    if (this.length === 0 || from < this.lo || to >= this.lo + this.length) {
      const lo = this.length === 0 ? from : Math.min(from, this.lo);
      const hi = this.length === 0 ? to + 1 : Math.max(to + 1, this.lo + this.length);
      // A stray date decades away is measured by the walk rather than stretching the tables.
      if (hi - lo + 2 * MARGIN > MAX_DAYS) return businessSeconds(this.cal, startSec, endSec);
      this.cover(lo - MARGIN, hi + MARGIN);
    }
    return this.at(endSec) - this.at(startSec);
  }

  /** B(t) relative to the covered range's first day; t's neighbourhood must be covered. */
  private at(t: number): number {
    const cal = this.cal;
    const u = Math.floor(t / DAY) - this.lo;
    if (this.stable[u] === 1) {
      const local = t + (this.offset[u] as number);
      const day = Math.floor(local / DAY);
      const k = day - this.lo;
      let total = this.cumulative[k] as number;
      if (this.closed[k] === 1) return total;
      const s = local - day * DAY;
      const weekday = weekdayOfDay(day);
      const last = cal.dayIndex[weekday + 1] as number;
      for (let i = cal.dayIndex[weekday] as number; i < last; i++) {
        const a = cal.intervalStarts[i] as number;
        const b = cal.intervalEnds[i] as number;
        if (s > a) total += (s < b ? s : b) - a;
      }
      return total;
    }
    // Near an offset change: the days around t by the exact walk (see businessSeconds' padding).
    const day = localDayOf(t, cal.timeZone);
    const k = day - this.lo;
    return (
      (this.cumulative[k - 1] as number) +
      daySeconds(cal, day - 1, Number.NEGATIVE_INFINITY, t) +
      daySeconds(cal, day, Number.NEGATIVE_INFINITY, t) +
      daySeconds(cal, day + 1, Number.NEGATIVE_INFINITY, t)
    );
  }

  /** Rebuilds the tables for days [from, to). */
  private cover(from: number, to: number): void {
    const cal = this.cal;
    const n = to - from;
    const offset = new Int32Array(n);
    for (let i = 0; i < n; i++) offset[i] = tzOffsetSeconds((from + i) * DAY, cal.timeZone);
    const stable = new Uint8Array(n);
    for (let i = 3; i < n - 3; i++) {
      const o = offset[i];
      let same = 1;
      for (let j = i - 3; j <= i + 3; j++) if (offset[j] !== o) same = 0;
      stable[i] = same;
    }
    const closed = new Uint8Array(n);
    const cumulative = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const day = from + i;
      closed[i] = cal.holidaySet.has(day) ? 1 : 0;
      const whole = daySeconds(cal, day, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
      cumulative[i + 1] = (cumulative[i] as number) + whole;
    }
    this.lo = from;
    this.length = n;
    this.offset = offset;
    this.stable = stable;
    this.closed = closed;
    this.cumulative = cumulative;
  }
}
