/**
 * The RFM commands' settings: flags over the `rfm` config section, and the as-of instant.
 * `--as-of YYYY-MM-DD` means the end of that local day (23:59:59); without it the as-of day is the
 * day after the latest order's local day, so a rerun over the same data gives the same report.
 */
import type { MonetaryMeasure, RfmOptions, TieMode } from "../../analytics/rfm/index.js";
import { localDayNumber } from "../../analytics/rfm/index.js";
import type { EffectiveConfig } from "../../config/defaults.js";
import { civilFromDays, zonedToEpoch } from "../../util/time-zone.js";
import { UsageError } from "../errors.js";

export interface RfmFlags {
  asOf?: string;
  bins?: string;
  tieMode?: string;
  scheme?: string;
  monetary?: string;
  tz?: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last second of a local calendar day given as a day number. */
export function endOfLocalDay(day: number, timeZone: string): number {
  const next = civilFromDays(day + 1);
  return zonedToEpoch(next.year, next.month, next.day, 0, 0, 0, timeZone) - 1;
}

/** `YYYY-MM-DD` → the end of that local day; a usage error naming the flag otherwise. */
export function parseAsOfDate(text: string, timeZone: string, flag = "--as-of"): number {
  const m = DATE_ONLY.exec(text.trim());
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const valid = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  const start = valid ? zonedToEpoch(year, month, day, 12, 0, 0, timeZone) : Number.NaN;
  const roundTrip = valid ? civilFromDays(localDayNumber(start, timeZone)) : undefined;
  if (!roundTrip || roundTrip.month !== month || roundTrip.day !== day) {
    throw new UsageError(
      `${flag} "${text}" is not a date`,
      "give a calendar date as YYYY-MM-DD, e.g. 2025-06-30",
    );
  }
  return endOfLocalDay(localDayNumber(start, timeZone), timeZone);
}

/** The default as-of: the end of the day after the latest order's local day. */
export function defaultAsOf(latestOrderAt: number, timeZone: string): number {
  return endOfLocalDay(localDayNumber(latestOrderAt, timeZone) + 1, timeZone);
}

function parseBins(text: string | undefined, configured: number): number {
  if (text === undefined) return configured;
  const bins = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(bins)) {
    throw new UsageError(
      `--bins "${text}" is not a whole number`,
      "give a number of score bins from 3 to 10",
    );
  }
  return bins;
}

function oneOf<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (text === undefined) return undefined;
  const found = allowed.find((a) => a === text);
  if (found === undefined) {
    throw new UsageError(`${flag} "${text}" is not supported`, `use one of: ${allowed.join(", ")}`);
  }
  return found;
}

/** The analysis options without the as-of instant (it depends on the data when not given). */
export function rfmOptionsFrom(
  flags: RfmFlags,
  config: EffectiveConfig,
): Omit<RfmOptions, "asOf"> & { timeZone: string } {
  const rfm = config.rfm;
  return {
    timeZone: config.timezone,
    bins: parseBins(flags.bins, rfm.bins),
    tieMode: oneOf<TieMode>(flags.tieMode, ["quantile", "rank"], "--tie-mode") ?? rfm.tie_mode,
    monetary: oneOf<MonetaryMeasure>(flags.monetary, ["sum", "mean"], "--monetary") ?? rfm.monetary,
    scheme: flags.scheme ?? rfm.scheme,
    customSchemes: rfm.schemes,
    lifecycle: rfm.lifecycle,
  };
}
