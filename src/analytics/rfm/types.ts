/**
 * Shared shapes of the RFM analysis. Timestamps are Unix epoch seconds (UTC); "days" are whole
 * local calendar days in the analysis time zone.
 */

export type TieMode = "quantile" | "rank";
export type MonetaryMeasure = "sum" | "mean";

/**
 * One customer's orders, summed up to the as-of instant. The store builds these with SQL; ad-hoc
 * runs use `aggregateOrders`. Only orders with `ordered_at <= asOf` may be counted.
 */
export interface CustomerAggregate {
  customer_id: string;
  first_ordered_at: number;
  last_ordered_at: number;
  /** Distinct orders (order lines sharing an order id count once). At least 1. */
  orders: number;
  /** Sum of all order (line) amounts. */
  revenue: number;
  /** Orders with the coupon flag set on at least one line. */
  coupon_orders: number;
  /** Orders whose coupon flag is known (true or false) on at least one line. */
  coupon_flagged_orders: number;
}

export interface LifecycleThresholds {
  /** "New" when the first order is at most this many days before the as-of day. */
  new_days: number;
  /** "Dormant" when the last order is more than this many days before the as-of day. */
  dormant_days: number;
  /** "Churned" when the last order is more than this many days before the as-of day. */
  churned_days: number;
}

export const DEFAULT_LIFECYCLE: Readonly<LifecycleThresholds> = {
  new_days: 30,
  dormant_days: 90,
  churned_days: 180,
};

export const DEFAULT_BINS = 5;
export const MIN_BINS = 3;
export const MAX_BINS = 10;

/** Text in both report languages. */
export interface Localized {
  en: string;
  ja: string;
}

/**
 * A configuration value the analysis cannot use. `key` is its dotted path (`rfm.schemes.vip[0].when.r`);
 * the CLI turns this into its ConfigError (exit 2) and keeps the message.
 */
export class RfmConfigError extends Error {
  readonly key: string;
  constructor(key: string, expectation: string) {
    super(`${key}: ${expectation}`);
    this.name = "RfmConfigError";
    this.key = key;
  }
}

/** Input records that contradict the analysis (e.g. aggregates holding orders after as-of). */
export class RfmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RfmInputError";
  }
}
