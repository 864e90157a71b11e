import { compareCustomerIds } from "./customer-order.js";
import { localDayNumber } from "./local-day.js";
import { type CustomerAggregate, RfmInputError } from "./types.js";

/**
 * Per-customer raw measures in columns (index i is the i-th customer in id order), so scoring and
 * segmenting 100,000 customers touch typed arrays rather than objects.
 */
export interface RfmMeasures {
  asOf: number;
  timeZone: string;
  /** Local day number (days since 1970-01-01) of the as-of instant. */
  asOfDay: number;
  customerIds: readonly string[];
  /** Whole local days from the first order's day to the as-of day. */
  tenureDays: Float64Array;
  /** Whole local days from the last order's day to the as-of day. */
  recencyDays: Float64Array;
  orders: Float64Array;
  revenue: Float64Array;
  /** Average order value: revenue ÷ orders. */
  aov: Float64Array;
  /** Couponed orders ÷ orders with a known coupon flag; NaN when no order of the customer has a flag. */
  couponShare: Float64Array;
  /** Whether any order of any customer carries a coupon flag. */
  anyCouponFlag: boolean;
}

/** Turns aggregates (built from orders up to `asOf`) into measure columns, sorted by customer id. */
export function computeMeasures(
  aggregates: readonly CustomerAggregate[],
  asOf: number,
  timeZone: string,
): RfmMeasures {
  const sorted = isSortedById(aggregates)
    ? aggregates
    : [...aggregates].sort((a, b) => compareCustomerIds(a.customer_id, b.customer_id));
  const n = sorted.length;
  const asOfDay = localDayNumber(asOf, timeZone);
  const customerIds: string[] = new Array(n);
  const tenureDays = new Float64Array(n);
  const recencyDays = new Float64Array(n);
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n);
  const aov = new Float64Array(n);
  const couponShare = new Float64Array(n);
  let anyCouponFlag = false;
  for (let i = 0; i < n; i++) {
    const a = sorted[i] as CustomerAggregate;
    if (i > 0 && a.customer_id === customerIds[i - 1]) {
      throw new RfmInputError(`customer "${a.customer_id}" appears twice in the aggregates`);
    }
    if (a.last_ordered_at > asOf) {
      throw new RfmInputError(
        `customer "${a.customer_id}" has an order after the as-of instant; aggregate only orders up to as-of`,
      );
    }
    if (!(a.orders >= 1)) {
      throw new RfmInputError(`customer "${a.customer_id}" has no orders`);
    }
    customerIds[i] = a.customer_id;
    tenureDays[i] = asOfDay - localDayNumber(a.first_ordered_at, timeZone);
    recencyDays[i] = asOfDay - localDayNumber(a.last_ordered_at, timeZone);
    orders[i] = a.orders;
    revenue[i] = a.revenue;
    aov[i] = a.revenue / a.orders;
    couponShare[i] = a.coupon_flagged_orders > 0 ? a.coupon_orders / a.coupon_flagged_orders : Number.NaN;
    if (a.coupon_flagged_orders > 0) anyCouponFlag = true;
  }
  return {
    asOf,
    timeZone,
    asOfDay,
    customerIds,
    tenureDays,
    recencyDays,
    orders,
    revenue,
    aov,
    couponShare,
    anyCouponFlag,
  };
}

function isSortedById(aggregates: readonly CustomerAggregate[]): boolean {
  for (let i = 1; i < aggregates.length; i++) {
    const prev = aggregates[i - 1] as CustomerAggregate;
    const cur = aggregates[i] as CustomerAggregate;
    if (compareCustomerIds(prev.customer_id, cur.customer_id) > 0) return false;
  }
  return true;
}
