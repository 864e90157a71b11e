import type { TieMode } from "./types.js";

/** What the customers with one score hold: count and the observed value range (null when empty). */
export interface ScoreBand {
  score: number;
  customers: number;
  min: number | null;
  max: number | null;
}

export interface ScoreThresholds {
  /** Recency scores the other way round: fewer days is better. */
  direction: "higher_is_better" | "lower_is_better";
  /**
   * Quantile mode: the bins − 1 cut points in the measure's own units (days, orders, money).
   * Higher-is-better: score s + 1 needs a value above cuts[s − 1]. Lower-is-better (recency):
   * score s + 1 needs fewer days than cuts[s − 1]. Empty in rank mode.
   */
  cuts: number[];
  bands: ScoreBand[];
}

export interface ScoredColumn {
  /** Score 1..bins per customer, in customer order. */
  scores: Uint8Array;
  thresholds: ScoreThresholds;
}

/**
 * Scores one measure column. Customers must be in customer-id order: rank mode breaks ties by
 * position, which is then the customer id.
 */
export function scoreColumn(
  values: Float64Array,
  bins: number,
  mode: TieMode,
  direction: ScoreThresholds["direction"],
): ScoredColumn {
  // Score on "goodness" so both directions share one rule: recency is scored as minus days.
  const goodness = direction === "higher_is_better" ? values : values.map((v) => -v);
  const scores = new Uint8Array(values.length);
  let cuts: number[] = [];
  if (mode === "quantile") {
    const goodnessCuts = quantileCuts(goodness, bins);
    assignByCuts(goodness, goodnessCuts, scores);
    cuts = direction === "higher_is_better" ? goodnessCuts : goodnessCuts.map((c) => -c);
  } else {
    assignByRank(goodness, bins, scores);
  }
  return { scores, thresholds: { direction, cuts, bands: bandsOf(values, scores, bins) } };
}

/**
 * Cut point j (1..bins−1) is the lower empirical quantile at j/bins: the ceil(j·n/bins)-th smallest
 * value. A value scores 1 + the number of cut points it exceeds, so equal values always share a
 * score, and equal cut points leave the scores between them empty.
 */
export function quantileCuts(values: Float64Array, bins: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let j = 1; j < bins; j++) {
    const position = Math.floor((j * n + bins - 1) / bins); // ceil(j·n/bins), 1-based
    cuts.push(sorted[Math.max(position, 1) - 1] as number);
  }
  return cuts;
}

function assignByCuts(values: Float64Array, cuts: readonly number[], scores: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let score = 1;
    for (const cut of cuts) if (v > cut) score++;
    scores[i] = score;
  }
}

/**
 * Equal-count bins, the same as SQL `NTILE(bins) OVER (ORDER BY value, customer_id)`: customers
 * sorted by value then position (customer id); the first n mod bins bins hold one customer more.
 */
function assignByRank(values: Float64Array, bins: number, scores: Uint8Array): void {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const small = Math.floor(n / bins);
  const large = small + 1;
  const inLargeBins = (n % bins) * large;
  for (let p = 0; p < n; p++) {
    const bin = p < inLargeBins ? Math.floor(p / large) : (n % bins) + Math.floor((p - inLargeBins) / small);
    scores[order[p] as number] = bin + 1;
  }
}

function bandsOf(values: Float64Array, scores: Uint8Array, bins: number): ScoreBand[] {
  const bands: ScoreBand[] = [];
  for (let s = 1; s <= bins; s++) bands.push({ score: s, customers: 0, min: null, max: null });
  for (let i = 0; i < values.length; i++) {
    const band = bands[(scores[i] as number) - 1] as ScoreBand;
    const v = values[i] as number;
    band.customers++;
    if (band.min === null || v < band.min) band.min = v;
    if (band.max === null || v > band.max) band.max = v;
  }
  return bands;
}
