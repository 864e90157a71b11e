/** z for a two-sided 95% interval, rounded as the field and the spreadsheets write it. */
export const Z95 = 1.96;

/** A proportion with its Wilson score interval, all as fractions (0.85 = 85%). */
export interface RateSummary {
  /** Cases in the denominator. */
  n: number;
  successes: number;
  /** null when n = 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Wilson score interval (Wilson 1927): unlike the normal approximation it stays inside 0–1 and
 * behaves for small n and rates near 0 or 1, which is where support teams over-read figures.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: Number.NaN, high: Number.NaN };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

export function rateSummary(successes: number, n: number): RateSummary {
  if (n <= 0) return { n: 0, successes: 0, rate: null, low: null, high: null };
  const { low, high } = wilsonInterval(successes, n);
  return { n, successes, rate: successes / n, low, high };
}
