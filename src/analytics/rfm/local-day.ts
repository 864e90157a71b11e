import { tzOffsetSeconds } from "../../util/time-zone.js";

/** Per zone: UTC day number → the zone's offset all through that day (days with a transition are left out). */
const offsetByUtcDay = new Map<string, Map<number, number>>();

/**
 * Days since 1970-01-01 of the local calendar date of `epochSec` in `timeZone`. Offsets are cached
 * per UTC day (two look-ups a day instead of two an hour), since orders spread over years.
 */
export function localDayNumber(epochSec: number, timeZone: string): number {
  const utcDay = Math.floor(epochSec / 86400);
  let cache = offsetByUtcDay.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetByUtcDay.set(timeZone, cache);
  }
  let offset = cache.get(utcDay);
  if (offset === undefined) {
    const atStart = tzOffsetSeconds(utcDay * 86400, timeZone);
    if (atStart !== tzOffsetSeconds(utcDay * 86400 + 86399, timeZone)) {
      // A transition inside this UTC day: answer for the instant itself.
      return Math.floor((epochSec + tzOffsetSeconds(epochSec, timeZone)) / 86400);
    }
    offset = atStart;
    cache.set(utcDay, offset);
  }
  return Math.floor((epochSec + offset) / 86400);
}
