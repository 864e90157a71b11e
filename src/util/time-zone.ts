/**
 * Time-zone arithmetic on Unix epoch seconds with the platform's IANA data (Intl).
 * Offsets are cached per zone and UTC hour: every real transition falls on a quarter hour, and
 * the hour's offset is taken at its first second and re-checked at its last, so imports of a
 * million timestamps cost map look-ups, not Intl calls.
 */

export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Offset of `tz` from UTC at `epochSec`, in seconds (Tokyo: +32400). Uncached. */
function computeOffset(epochSec: number, tz: string): number {
  const parts = formatter(tz).formatToParts(new Date(epochSec * 1000));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
    }
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
  return asUtc - Math.floor(epochSec);
}

/** Offset of `tz` from UTC at `epochSec`, in seconds. */
export function tzOffsetSeconds(epochSec: number, tz: string): number {
  if (tz === "UTC" || tz === "Etc/UTC") return 0;
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const hourKey = Math.floor(epochSec / 3600);
  const cached = cache.get(hourKey);
  if (cached !== undefined) return cached;
  const start = hourKey * 3600;
  const atStart = computeOffset(start, tz);
  const atEnd = computeOffset(start + 3599, tz);
  if (atStart === atEnd) {
    cache.set(hourKey, atStart);
    return atStart;
  }
  // A transition inside this hour: not cacheable by hour, answer exactly.
  return computeOffset(epochSec, tz);
}

/** Calendar fields of an instant as seen in `tz`. */
export function epochToZoned(epochSec: number, tz: string): ZonedParts {
  const local = Math.floor(epochSec) + tzOffsetSeconds(epochSec, tz);
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/**
 * The instant at which the wall clock in `tz` shows the given time. In a DST gap (a time that
 * never occurs) the clock is read with the offset before the gap, which moves it forward by the
 * gap's length; in an overlap (a time that occurs twice) the earlier instant is chosen.
 */
export function zonedToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  tz: string,
): number {
  const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  if (tz === "UTC" || tz === "Etc/UTC") return wall;
  const before = tzOffsetSeconds(wall - 86400, tz);
  const after = tzOffsetSeconds(wall + 86400, tz);
  if (before === after) {
    // No transition within a day either side: the common case.
    return wall - before;
  }
  const candidateEarly = wall - before;
  const candidateLate = wall - after;
  const earlyOk = tzOffsetSeconds(candidateEarly, tz) === before;
  const lateOk = tzOffsetSeconds(candidateLate, tz) === after;
  if (earlyOk && lateOk) return Math.min(candidateEarly, candidateLate);
  if (earlyOk) return candidateEarly;
  if (lateOk) return candidateLate;
  return candidateEarly; // in the gap
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` of an instant in `tz`. */
export function zonedDateKey(epochSec: number, tz: string): string {
  const p = epochToZoned(epochSec, tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}
