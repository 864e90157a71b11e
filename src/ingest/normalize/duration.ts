/**
 * Duration cells → minutes (fractional allowed, negatives kept: the KPI layer decides what a
 * negative duration means). A plain number is read in the unit the profile declares for the
 * column; clock forms (123:05:00, 1:30) and unit forms (1h 30m, 2d 3h, 90s, 1時間30分, 45分)
 * carry their own unit.
 */

import { fail, type Invalid } from "./invalid.js";
import { parseDecimalText } from "./number.js";
import { foldWidth, isMissing, trimCell } from "./text.js";

export type DurationUnit = "milliseconds" | "seconds" | "minutes" | "hours" | "days";
export const DURATION_UNITS: readonly DurationUnit[] = [
  "milliseconds",
  "seconds",
  "minutes",
  "hours",
  "days",
];

const MINUTES_PER: Record<DurationUnit, number> = {
  milliseconds: 1 / 60000,
  seconds: 1 / 60,
  minutes: 1,
  hours: 60,
  days: 1440,
};

export const EXPECTED_DURATION =
  "a duration such as 90 (in the column's unit), 1:30, 123:05:00, 1h 30m, 2d 3h, 90s, 1時間30分 or 45分";

/** H:MM or H:MM:SS(.fff); hours unbounded (Freshdesk writes 123:05:00), minutes and seconds < 60. */
const CLOCK = /^(-)?(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/** One "number unit" component; alternatives longest first so "ms" wins over "m" and "min" over "m". */
const COMPONENT =
  /\s*(\d+(?:\.\d+)?)\s*(milliseconds?|msecs?|ms|seconds?|secs?|s|秒|minutes?|mins?|m|分|hours?|hrs?|h|時間|days?|d|日)/y;

const UNIT_MINUTES: Record<string, number> = {
  ms: 1 / 60000,
  msec: 1 / 60000,
  msecs: 1 / 60000,
  millisecond: 1 / 60000,
  milliseconds: 1 / 60000,
  s: 1 / 60,
  sec: 1 / 60,
  secs: 1 / 60,
  second: 1 / 60,
  seconds: 1 / 60,
  秒: 1 / 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  分: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  時間: 60,
  d: 1440,
  day: 1440,
  days: 1440,
  日: 1440,
};

export class DurationParser {
  readonly unit: DurationUnit;
  readonly expected = EXPECTED_DURATION;
  private readonly factor: number;

  constructor(unit: DurationUnit = "minutes") {
    this.unit = unit;
    this.factor = MINUTES_PER[unit];
  }

  /** Minutes, `null` for a missing value, or `INVALID` (reason in `lastInvalidReason()`). */
  parse(raw: string): number | null | Invalid {
    const s = trimCell(raw);
    if (isMissing(s)) return null;
    const plain = parseDecimalText(s);
    if (!Number.isNaN(plain)) return plain * this.factor;
    const t = foldWidth(s);
    const clock = CLOCK.exec(t);
    if (clock) {
      const minutes = Number(clock[2]) * 60 + Number(clock[3]) + Number(clock[4] ?? 0) / 60;
      return clock[1] ? -minutes : minutes;
    }
    if (t !== s) {
      const folded = parseDecimalText(t);
      if (!Number.isNaN(folded)) return folded * this.factor;
    }
    return parseUnits(t);
  }
}

/** "1h 30m", "-2d 3h", "1時間30分": every component must be read, at least one present. */
function parseUnits(t: string): number | Invalid {
  const negative = t.startsWith("-");
  const body = negative ? t.slice(1) : t;
  const lower = body.toLowerCase();
  COMPONENT.lastIndex = 0;
  let total = 0;
  let components = 0;
  let m: RegExpExecArray | null;
  while ((m = COMPONENT.exec(lower)) !== null) {
    const unit = UNIT_MINUTES[m[2] ?? ""];
    if (unit === undefined) break;
    total += Number(m[1]) * unit;
    components++;
    if (COMPONENT.lastIndex === lower.length) break;
  }
  if (components === 0 || COMPONENT.lastIndex !== lower.length) return fail(`"${t}" is not a duration`);
  return negative ? -total : total;
}

export function createDurationParser(unit: DurationUnit = "minutes"): DurationParser {
  return new DurationParser(unit);
}
