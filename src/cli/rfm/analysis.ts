/**
 * Runs the RFM analysis over a store: SQL aggregates as of the date, the pure core, and the
 * optional support counts and churn rate. Analytics errors become the CLI's typed errors here.
 */
import { parseRangeSpec, RangeSpecError } from "../../analytics/calendar/index.js";
import {
  analyzeRfm,
  type ChurnRate,
  churnRate,
  computeMeasures,
  RfmConfigError,
  RfmInputError,
  type RfmOptions,
  type RfmResult,
  resolveLifecycle,
} from "../../analytics/rfm/index.js";
import type { Db } from "../../store/db.js";
import { customerSupportCounts, type SupportCounts } from "../../store/queries/customers.js";
import { customerAggregates, latestOrderAt } from "../../store/queries/orders.js";
import { ConfigError, DataError, UsageError } from "../errors.js";
import { defaultAsOf, parseAsOfDate } from "./settings.js";

export interface RfmRunOptions {
  analysis: Omit<RfmOptions, "asOf"> & { timeZone: string };
  /** `--as-of` as given; undefined: the day after the latest order. */
  asOfText: string | undefined;
  withSupport: boolean;
  recontactWindowDays: number;
  /** `--churn-period` as given. */
  churnPeriod: string | undefined;
  /** 0 = Sunday … 6 = Saturday, for week ranges. */
  weekStart: number;
}

export interface RfmRun {
  result: RfmResult;
  /** True when the as-of date was derived from the data. */
  asOfDefaulted: boolean;
  support: Map<string, SupportCounts> | null;
  churn: ChurnRate | null;
}

/** Maps the core's errors onto exit codes: configuration 2, data 65. */
export function withAnalysisErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RfmConfigError) {
      throw new ConfigError(
        err.message,
        "check the rfm section of the configuration and the --bins/--scheme flags",
      );
    }
    if (err instanceof RfmInputError) throw new DataError(err.message);
    if (err instanceof RangeSpecError) throw new UsageError(`--churn-period: ${err.message}`);
    throw err;
  }
}

/** The as-of instant: the flag's date, or the day after the latest order. */
export function resolveAsOf(
  db: Db,
  asOfText: string | undefined,
  timeZone: string,
): { asOf: number; defaulted: boolean } {
  if (asOfText !== undefined) return { asOf: parseAsOfDate(asOfText, timeZone), defaulted: false };
  const latest = latestOrderAt(db);
  if (latest === null) {
    throw new DataError(
      "no orders to analyse",
      undefined,
      "import orders first (supportops import orders FILE) or give them with --orders FILE",
    );
  }
  return { asOf: defaultAsOf(latest, timeZone), defaulted: true };
}

export function runRfmOnStore(db: Db, options: RfmRunOptions): RfmRun {
  const { timeZone } = options.analysis;
  const { asOf, defaulted } = resolveAsOf(db, options.asOfText, timeZone);
  return withAnalysisErrors(() => {
    const aggregates = customerAggregates(db, asOf);
    if (aggregates.length === 0) {
      throw new DataError(
        `no orders on or before the as-of date`,
        undefined,
        "choose a later --as-of, or check the orders' dates and the time zone (--tz)",
      );
    }
    const result = analyzeRfm(aggregates, { ...options.analysis, asOf });
    const support = options.withSupport
      ? customerSupportCounts(db, { asOf, recontactWindowDays: options.recontactWindowDays })
      : null;
    const churn = options.churnPeriod === undefined ? null : churnOverPeriod(db, options, asOf);
    return { result, asOfDefaulted: defaulted, support, churn };
  });
}

/**
 * Churn over a `--churn-period` range [from, to): customers as of the last second before it
 * starts against the same customers as of its last second.
 */
function churnOverPeriod(db: Db, options: RfmRunOptions, asOf: number): ChurnRate {
  const { timeZone } = options.analysis;
  const range = parseRangeSpec(options.churnPeriod ?? "", asOf, timeZone, options.weekStart);
  const start = range.from - 1;
  const end = range.to - 1;
  const thresholds = resolveLifecycle(options.analysis.lifecycle);
  const atStart = computeMeasures(customerAggregates(db, start), start, timeZone);
  const atEnd = computeMeasures(customerAggregates(db, end), end, timeZone);
  return churnRate(atStart, atEnd, thresholds);
}
