/**
 * Quantiles by linear interpolation between closest ranks: for n sorted values x[0..n-1] and a
 * percentile p (0–100) the position is h = (n − 1) × p / 100 and the value
 * x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). This is Excel's PERCENTILE.INC, NumPy's default
 * ("linear") and R's type 7, so figures can be checked in a spreadsheet.
 *
 * The selection works in place on a Float64Array segment (Floyd–Rivest),
 * so grouped figures need no sort and no per-value allocation.
 */

/** The percentile set reported when `--percentiles` is not given. */
export const DEFAULT_PERCENTILES: readonly number[] = [50, 90];

/** Checks and orders a percentile list (`--percentiles 50,90,95`); throws RangeError when invalid. */
export function normalizePercentiles(list: readonly number[]): number[] {
  if (list.length === 0) throw new RangeError("at least one percentile is needed");
  for (const p of list) {
    if (!Number.isFinite(p) || p < 0 || p > 100) {
      throw new RangeError(`percentile ${p} is outside 0–100`);
    }
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

/** Quantile of an ascending-sorted segment [from, to). NaN when the segment is empty. */
export function quantileOfSorted(
  sorted: Float64Array,
  percentile: number,
  from = 0,
  to = sorted.length,
): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  const h = ((n - 1) * percentile) / 100;
  const lo = Math.floor(h);
  const lower = sorted[from + lo] as number;
  if (lo + 1 >= n) return lower;
  const upper = sorted[from + lo + 1] as number;
  return lower + (h - lo) * (upper - lower);
}

/**
 * Quantiles of the segment [from, to) of `values`, reordering that segment in place (its
 * contents stay the same multiset). `percentiles` must be ascending; results go into `out` in
 * the same order. NaN values must not be present.
 */
export function selectQuantiles(
  values: Float64Array,
  percentiles: readonly number[],
  out: Float64Array,
  from = 0,
  to = values.length,
): void {
  const n = to - from;
  let left = from;
  for (let i = 0; i < percentiles.length; i++) {
    if (n <= 0) {
      out[i] = Number.NaN;
      continue;
    }
    const h = ((n - 1) * (percentiles[i] as number)) / 100;
    const rank = Math.floor(h);
    const k = from + rank;
    // Earlier selections left everything before `left` no greater than what follows it.
    select(values, left, to - 1, k);
    left = k;
    const lower = values[k] as number;
    if (rank + 1 >= n || h === rank) {
      out[i] = lower;
      continue;
    }
    // After selecting k, the next order statistic is the minimum of what lies to its right.
    let upper = Number.POSITIVE_INFINITY;
    for (let j = k + 1; j < to; j++) {
      const v = values[j] as number;
      if (v < upper) upper = v;
    }
    out[i] = lower + (h - rank) * (upper - lower);
  }
}

/**
 * Places the k-th smallest of values[lo..hi] at index k, smaller ones before, larger after.
 * Floyd–Rivest selection: on large ranges it first recurses into a small sample around the
 * expected position, so the partitions that follow touch little more than n elements.
 */
function select(values: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    if (hi - lo > 600) {
      const n = hi - lo + 1;
      const m = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLo = Math.max(lo, Math.floor(k - (m * s) / n + sd));
      const newHi = Math.min(hi, Math.floor(k + ((n - m) * s) / n + sd));
      select(values, newLo, newHi, k);
    }
    const pivot = values[k] as number;
    let i = lo;
    let j = hi;
    swap(values, lo, k);
    if ((values[hi] as number) > pivot) swap(values, lo, hi);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
    }
    if ((values[lo] as number) === pivot) swap(values, lo, j);
    else {
      j++;
      swap(values, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a] as number;
  values[a] = values[b] as number;
  values[b] = t;
}
