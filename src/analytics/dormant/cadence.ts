/**
 * Purchase cadence: each customer's median gap (days) between consecutive order days, and the
 * cohort's median time from the first to the second order day, which stands in for the cadence
 * of customers who have ordered only once. Medians interpolate between the middle pair.
 */
import { selectQuantiles } from "../stats/quantile.js";
import { type OrderHistory, ordersOnOrBefore } from "./history.js";

const MEDIAN = [50] as const;

/** Reusable scratch for median gaps, so scoring allocates once per run, not per customer. */
export class GapMedians {
  private readonly scratch: Float64Array;
  private readonly out = new Float64Array(1);

  constructor(private readonly history: OrderHistory) {
    this.scratch = new Float64Array(history.days.length);
  }

  /** Median gap of customer i over their first `count` order days; NaN when count < 2. */
  medianGap(i: number, count: number): number {
    if (count < 2) return Number.NaN;
    const from = this.history.start[i] as number;
    const days = this.history.days;
    for (let k = 1; k < count; k++) {
      this.scratch[k - 1] = (days[from + k] as number) - (days[from + k - 1] as number);
    }
    selectQuantiles(this.scratch, MEDIAN, this.out, 0, count - 1);
    return this.out[0] as number;
  }
}

/**
 * Median days from the first to the second order day over the customers with at least two order
 * days on or before `asOfDay`; NaN when nobody has ordered twice.
 */
export function cohortMedianTimeToSecondOrder(history: OrderHistory, asOfDay: number): number {
  const n = history.customerIds.length;
  const gaps = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (ordersOnOrBefore(history, i, asOfDay) < 2) continue;
    const from = history.start[i] as number;
    gaps[m++] = (history.days[from + 1] as number) - (history.days[from] as number);
  }
  if (m === 0) return Number.NaN;
  const out = new Float64Array(1);
  selectQuantiles(gaps, MEDIAN, out, 0, m);
  return out[0] as number;
}
