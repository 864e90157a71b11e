import type { KpiFigures } from "./figures.js";
import { METRICS, type MetricId, type MetricStat, metricDefinition, metricValue } from "./metrics.js";

/** One figure to compare: a metric, and for durations which statistic and basis. */
export interface MetricSelector extends MetricStat {
  metric: MetricId;
}

export interface MetricDelta {
  selector: MetricSelector;
  current: number | null;
  baseline: number | null;
  /** current − baseline (rates in fraction points, durations in seconds); null without both. */
  absolute: number | null;
  /** absolute ÷ |baseline|; null when either is missing or the baseline is 0. */
  relative: number | null;
  /** "better" / "worse" by the metric's good direction, "same", or null when neutral or unknown. */
  verdict: "better" | "worse" | "same" | null;
}

/** Default comparison: every metric; durations by median and p90 on calendar time. */
export const DEFAULT_COMPARE_SELECTORS: readonly MetricSelector[] = METRICS.flatMap((m): MetricSelector[] =>
  m.kind === "duration"
    ? [
        { metric: m.id, stat: "median" },
        { metric: m.id, stat: "p90" },
      ]
    : [{ metric: m.id }],
);

/** Deltas of `current` against `baseline` (previous period or a baseline range). */
export function compareFigures(
  current: KpiFigures,
  baseline: KpiFigures,
  selectors: readonly MetricSelector[] = DEFAULT_COMPARE_SELECTORS,
): MetricDelta[] {
  return selectors.map((selector) => {
    const now = metricValue(current, selector.metric, selector);
    const before = metricValue(baseline, selector.metric, selector);
    if (now === null || before === null) {
      return { selector, current: now, baseline: before, absolute: null, relative: null, verdict: null };
    }
    const absolute = now - before;
    const relative = before === 0 ? null : absolute / Math.abs(before);
    const good = metricDefinition(selector.metric).good;
    const verdict =
      good === null ? null : absolute === 0 ? "same" : absolute > 0 === (good === "up") ? "better" : "worse";
    return { selector, current: now, baseline: before, absolute, relative, verdict };
  });
}
