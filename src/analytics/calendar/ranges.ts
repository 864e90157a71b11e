/**
 * Date ranges for `--since`, `--until` and `--compare`, read in a time zone relative to an explicit
 * "as of" instant. Every range is half-open: [from, to).
 *
 *   YYYY-MM-DD               that local day
 *   YYYY-MM-DD..YYYY-MM-DD   from the first day's midnight to the end of the second day (inclusive)
 *   Nd, Nw                   rolling: the N days (N×7 days) of wall-clock time up to as-of
 *   today, yesterday         the local day of as-of (to date) / the day before (whole)
 *   this-week|month|quarter|year   the current unit up to as-of; ytd = this-year
 *   last-week|month|quarter|year   the previous whole unit (weeks start on weekStart)
 */
import { civilFromDays, epochToZoned, zonedToEpoch } from "../../util/time-zone.js";
import { localDayOf } from "./business-time.js";
import { parseDateKey } from "./dates.js";
import { RangeSpecError } from "./errors.js";
import { addUnits, type CalendarUnit, localMidnight, unitStartDay } from "./periods.js";

/** How a range repeats backwards for `--compare previous`. */
export type RangeStep =
  /** A run of N local days (rolling `7d`, or an explicit date range): the previous N days. */
  | { kind: "days"; days: number }
  /** A calendar unit, whole or up to as-of: the previous unit (to the same point in it). */
  | { kind: "unit"; unit: CalendarUnit; toDate: boolean };

export interface DateRange {
  /** First instant in the range. */
  from: number;
  /** First instant after the range. */
  to: number;
  step: RangeStep;
}

const EXPECTED =
  "expected YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD, Nd (e.g. 7d, 30d), Nw (e.g. 12w), today, yesterday, " +
  "this-week, this-month, this-quarter, this-year, ytd, last-week, last-month, last-quarter or last-year";

const ROLLING = /^(\d{1,5})([dw])$/;
const DATE_SPAN = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const RELATIVE = /^(this|last)-(week|month|quarter|year)$/;

/** The same wall-clock time `count` units earlier or later (months clamp the day: Mar 31 − 1 month = Feb 28). */
function shiftWallClock(sec: number, unit: CalendarUnit, count: number, timeZone: string): number {
  const clock = epochToZoned(sec, timeZone);
  const target = civilFromDays(addUnits(localDayOf(sec, timeZone), unit, count));
  return zonedToEpoch(
    target.year,
    target.month,
    target.day,
    clock.hour,
    clock.minute,
    clock.second,
    timeZone,
  );
}

function parseDay(text: string, spec: string): number {
  const day = parseDateKey(text);
  if (day === undefined) throw new RangeSpecError(spec, `"${text}" is not a valid date; ${EXPECTED}`);
  return day;
}

/**
 * Parses a range spec relative to `asOfSec`. `weekStart` is 0 = Sunday … 6 = Saturday (default
 * Monday). Throws RangeSpecError naming the accepted forms.
 */
export function parseRangeSpec(spec: string, asOfSec: number, timeZone: string, weekStart = 1): DateRange {
  const text = spec.trim().toLowerCase();
  const today = localDayOf(asOfSec, timeZone);

  const single = parseDateKey(text);
  if (single !== undefined) {
    return {
      from: localMidnight(single, timeZone),
      to: localMidnight(single + 1, timeZone),
      step: { kind: "unit", unit: "day", toDate: false },
    };
  }
  const span = DATE_SPAN.exec(text);
  if (span) {
    const first = parseDay(span[1] ?? "", spec);
    const last = parseDay(span[2] ?? "", spec);
    if (last < first)
      throw new RangeSpecError(spec, "the second date is before the first; expected FROM..TO");
    return {
      from: localMidnight(first, timeZone),
      to: localMidnight(last + 1, timeZone),
      step: { kind: "days", days: last - first + 1 },
    };
  }
  const rolling = ROLLING.exec(text);
  if (rolling) {
    const count = Number(rolling[1]);
    if (count < 1) throw new RangeSpecError(spec, `the count must be at least 1; ${EXPECTED}`);
    const days = rolling[2] === "w" ? 7 * count : count;
    return {
      from: shiftWallClock(asOfSec, "day", -days, timeZone),
      to: asOfSec,
      step: { kind: "days", days },
    };
  }
  if (text === "today") {
    return {
      from: localMidnight(today, timeZone),
      to: asOfSec,
      step: { kind: "unit", unit: "day", toDate: true },
    };
  }
  if (text === "yesterday") {
    return {
      from: localMidnight(today - 1, timeZone),
      to: localMidnight(today, timeZone),
      step: { kind: "unit", unit: "day", toDate: false },
    };
  }
  const relative = RELATIVE.exec(text === "ytd" ? "this-year" : text);
  if (relative) {
    const unit = relative[2] as CalendarUnit;
    const currentStart = unitStartDay(today, unit, weekStart);
    if (relative[1] === "this") {
      return {
        from: localMidnight(currentStart, timeZone),
        to: asOfSec,
        step: { kind: "unit", unit, toDate: true },
      };
    }
    return {
      from: localMidnight(addUnits(currentStart, unit, -1), timeZone),
      to: localMidnight(currentStart, timeZone),
      step: { kind: "unit", unit, toDate: false },
    };
  }
  throw new RangeSpecError(spec, EXPECTED);
}

/**
 * The range just before `range`, for `--compare previous`: the previous N days for day runs; the
 * previous whole unit for whole units (last-month → the month before); for units to date, the
 * previous unit up to the same point (this-month on the 10th at 15:00 → last month's 1st to its
 * 10th at 15:00, never past its end).
 */
export function previousRange(range: DateRange, timeZone: string, weekStart = 1): DateRange {
  const step = range.step;
  if (step.kind === "days") {
    return { from: shiftWallClock(range.from, "day", -step.days, timeZone), to: range.from, step };
  }
  const startDay = unitStartDay(localDayOf(range.from, timeZone), step.unit, weekStart);
  const from = localMidnight(addUnits(startDay, step.unit, -1), timeZone);
  if (!step.toDate) return { from, to: range.from, step };
  const shifted = shiftWallClock(range.to, step.unit, -1, timeZone);
  return { from, to: Math.min(shifted, range.from), step };
}
