import type { OrderRecord } from "../../domain/records.js";
import { zonedDateKey } from "../../util/time-zone.js";
import { aggregateOrders } from "./aggregate.js";
import { countLifecycle, type LifecycleCounts, lifecycleStage, resolveLifecycle } from "./lifecycle.js";
import { computeMeasures, type RfmMeasures } from "./measures.js";
import type { SegmentRule } from "./rules.js";
import { OTHER_SEGMENT, resolveScheme } from "./schemes.js";
import { type ScoreThresholds, scoreColumn } from "./scoring.js";
import { assignSegments } from "./segment.js";
import { type RfHeatmap, rfHeatmap, type SegmentSummaryRow, summarizeSegments } from "./summary.js";
import {
  type CustomerAggregate,
  DEFAULT_BINS,
  type LifecycleThresholds,
  type Localized,
  MAX_BINS,
  MIN_BINS,
  type MonetaryMeasure,
  RfmConfigError,
  type TieMode,
} from "./types.js";

export interface RfmOptions {
  /** Orders after this instant are ignored; recency counts local days up to its local date. */
  asOf: number;
  timeZone: string;
  bins?: number;
  tieMode?: TieMode;
  /** Score M on total spend (sum) or on average order value (mean). */
  monetary?: MonetaryMeasure;
  /** standard | rfm-r | ja | a name under customSchemes. */
  scheme?: string;
  /** `rfm.schemes` from the configuration, unvalidated. */
  customSchemes?: unknown;
  lifecycle?: Partial<LifecycleThresholds>;
}

export interface RfmCustomers {
  measures: RfmMeasures;
  /** The monetary measure scored: revenue or average order value. */
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into RfmResult.segmentRules; segmentRules.length is "other". */
  segment: Uint16Array;
}

export interface RfmResult {
  asOf: number;
  timeZone: string;
  /** Local calendar date of asOf (YYYY-MM-DD). */
  asOfDate: string;
  bins: number;
  tieMode: TieMode;
  monetary: MonetaryMeasure;
  scheme: string;
  /** Rules in force, in order (skipped ones removed). */
  segmentRules: SegmentRule[];
  /** Skipped rules and other remarks for the report. */
  notes: string[];
  thresholds: { recency: ScoreThresholds; frequency: ScoreThresholds; monetary: ScoreThresholds };
  segments: SegmentSummaryRow[];
  heatmap: RfHeatmap;
  lifecycle: { thresholds: LifecycleThresholds; counts: LifecycleCounts };
  customers: RfmCustomers;
}

/** Scores, segments and summarises customers from per-customer aggregates (built up to asOf). */
export function analyzeRfm(aggregates: readonly CustomerAggregate[], options: RfmOptions): RfmResult {
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw new RfmConfigError(
      "rfm.bins",
      `expected a whole number from ${MIN_BINS} to ${MAX_BINS}, got ${bins}`,
    );
  }
  const tieMode = options.tieMode ?? "quantile";
  const monetaryMeasure = options.monetary ?? "sum";
  const schemeName = options.scheme ?? "standard";
  const lifecycle = resolveLifecycle(options.lifecycle);
  const scheme = resolveScheme(schemeName, options.customSchemes, bins);

  const measures = computeMeasures(aggregates, options.asOf, options.timeZone);
  const monetary = monetaryMeasure === "sum" ? measures.revenue : measures.aov;
  const recency = scoreColumn(measures.recencyDays, bins, tieMode, "lower_is_better");
  const frequency = scoreColumn(measures.orders, bins, tieMode, "higher_is_better");
  const money = scoreColumn(monetary, bins, tieMode, "higher_is_better");
  const scores = { r: recency.scores, f: frequency.scores, m: money.scores };
  const assignment = assignSegments(measures, scores, bins, scheme);

  return {
    asOf: options.asOf,
    timeZone: options.timeZone,
    asOfDate: zonedDateKey(options.asOf, options.timeZone),
    bins,
    tieMode,
    monetary: monetaryMeasure,
    scheme: scheme.name,
    segmentRules: assignment.rules,
    notes: assignment.notes,
    thresholds: { recency: recency.thresholds, frequency: frequency.thresholds, monetary: money.thresholds },
    segments: summarizeSegments(measures, monetary, assignment),
    heatmap: rfHeatmap(scores.r, scores.f, monetary, bins),
    lifecycle: { thresholds: lifecycle, counts: countLifecycle(measures, lifecycle) },
    customers: { measures, monetary, ...scores, segment: assignment.segment },
  };
}

/** Ad-hoc runs: aggregate the orders up to asOf, then analyse. */
export function analyzeRfmOrders(orders: Iterable<OrderRecord>, options: RfmOptions): RfmResult {
  return analyzeRfm(aggregateOrders(orders, options.asOf), options);
}

/** One customer's line of the export (CRM import) and of `supportops customer`. */
export interface RfmCustomerRow {
  customer_id: string;
  recency_days: number;
  frequency: number;
  revenue: number;
  average_order_value: number;
  /** Share of flagged orders that used a coupon; null when no order has a flag. */
  coupon_share: number | null;
  r: number;
  f: number;
  m: number;
  /** The three scores side by side, e.g. "545" (with 10 bins: "10-4-5"). */
  rfm: string;
  segment: string;
  segment_name: Localized;
  lifecycle: ReturnType<typeof lifecycleStage>;
}

export function customerRow(result: RfmResult, i: number): RfmCustomerRow {
  const c = result.customers;
  const ms = c.measures;
  const r = c.r[i] as number;
  const f = c.f[i] as number;
  const m = c.m[i] as number;
  const rule = result.segmentRules[c.segment[i] as number] ?? OTHER_SEGMENT;
  const coupon = ms.couponShare[i] as number;
  return {
    customer_id: ms.customerIds[i] as string,
    recency_days: ms.recencyDays[i] as number,
    frequency: ms.orders[i] as number,
    revenue: ms.revenue[i] as number,
    average_order_value: ms.aov[i] as number,
    coupon_share: Number.isNaN(coupon) ? null : coupon,
    r,
    f,
    m,
    rfm: result.bins < 10 ? `${r}${f}${m}` : `${r}-${f}-${m}`,
    segment: rule.id,
    segment_name: rule.names,
    lifecycle: lifecycleStage(
      ms.tenureDays[i] as number,
      ms.recencyDays[i] as number,
      result.lifecycle.thresholds,
    ),
  };
}

/** Every customer's row, in customer-id order. */
export function* customerRows(result: RfmResult): Generator<RfmCustomerRow> {
  for (let i = 0; i < result.customers.measures.customerIds.length; i++) yield customerRow(result, i);
}
