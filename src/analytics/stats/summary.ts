import { selectQuantiles } from "./quantile.js";

/** n, mean and the chosen percentiles of a set of durations (or any numbers). */
export interface DistributionSummary {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** The 50th percentile, always reported (null when n = 0). */
  median: number | null;
  /** One entry per requested percentile, ascending. */
  percentiles: Array<{ p: number; value: number | null }>;
}

/**
 * Summarises values[from, to), reordering that segment in place. `percentiles` ascending, 0–100.
 * `scratch` (length ≥ percentiles.length + 1) avoids an allocation per group. `sum`, when given,
 * is the segment's sum taken by the caller (e.g. in row order while the segment's values were
 * gathered), so the mean does not depend on the order the values sit in.
 */
export function summarizeSegment(
  values: Float64Array,
  percentiles: readonly number[],
  from = 0,
  to = values.length,
  scratch: Float64Array = new Float64Array(percentiles.length + 1),
  sum?: number,
): DistributionSummary {
  const n = to - from;
  if (n <= 0) {
    return { n: 0, mean: null, median: null, percentiles: percentiles.map((p) => ({ p, value: null })) };
  }
  if (sum === undefined) {
    sum = 0;
    for (let i = from; i < to; i++) sum += values[i] as number;
  }
  const withMedian = percentiles.includes(50) ? percentiles : insertSorted(percentiles, 50);
  selectQuantiles(values, withMedian, scratch, from, to);
  const medianAt = withMedian.indexOf(50);
  const out: Array<{ p: number; value: number | null }> = [];
  for (let i = 0; i < withMedian.length; i++) {
    const p = withMedian[i] as number;
    if (p === 50 && !percentiles.includes(50)) continue;
    out.push({ p, value: scratch[i] as number });
  }
  return { n, mean: sum / n, median: scratch[medianAt] as number, percentiles: out };
}

function insertSorted(list: readonly number[], value: number): number[] {
  const copy = [...list, value];
  copy.sort((a, b) => a - b);
  return copy;
}
