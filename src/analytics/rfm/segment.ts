import type { RfmMeasures } from "./measures.js";
import { conditionHolds, type RuleField, type SegmentRule } from "./rules.js";
import type { Scheme } from "./schemes.js";

export interface ScoreColumns {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

export interface SegmentAssignment {
  /** The rules in force (after skips), in order; segment index rules.length means "other". */
  rules: SegmentRule[];
  /** Per customer: index into `rules`, or rules.length for "other". */
  segment: Uint16Array;
  /** Why rules were skipped, for the report. */
  notes: string[];
}

/** First match wins; customers matching no rule fall into "other". */
export function assignSegments(
  measures: RfmMeasures,
  scores: ScoreColumns,
  bins: number,
  scheme: Scheme,
): SegmentAssignment {
  const notes: string[] = [];
  const rules = scheme.rules.filter((rule) => {
    const needsCoupons = rule.conditions.some((c) => c.field === "coupon_share");
    if (needsCoupons && !measures.anyCouponFlag) {
      notes.push(
        `Segment "${rule.names.ja === rule.names.en ? rule.names.en : `${rule.names.ja} (${rule.names.en})`}" skipped: no order carries a coupon flag.`,
      );
      return false;
    }
    return true;
  });
  const columns = new FieldColumns(measures, scores, bins, scheme.scoreScale);
  const compiled = rules.map((rule) =>
    rule.conditions.map((condition) => ({ condition, values: columns.get(condition.field) })),
  );
  const n = measures.customerIds.length;
  const segment = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    let match = rules.length;
    for (let k = 0; k < compiled.length; k++) {
      const checks = compiled[k] as (typeof compiled)[number];
      let all = true;
      for (const { condition, values } of checks) {
        if (!conditionHolds(condition, values[i] as number)) {
          all = false;
          break;
        }
      }
      if (all) {
        match = k;
        break;
      }
    }
    segment[i] = match;
  }
  return { rules, segment, notes };
}

/**
 * A built-in score scheme is written for 1..scale; with other bins a score s is read at the middle
 * of its share of the range: ceil((s − 0.5) × scale ÷ bins). With bins = scale it is s itself.
 */
export function rescaleScore(score: number, bins: number, scale: number): number {
  return Math.ceil(((score - 0.5) * scale) / bins);
}

/** The values each rule field reads, built on first use. */
class FieldColumns {
  private readonly cache = new Map<RuleField, Float64Array>();
  constructor(
    private readonly measures: RfmMeasures,
    private readonly scores: ScoreColumns,
    private readonly bins: number,
    private readonly scale: number | null,
  ) {}

  get(field: RuleField): Float64Array {
    let column = this.cache.get(field);
    if (!column) {
      column = this.build(field);
      this.cache.set(field, column);
    }
    return column;
  }

  private build(field: RuleField): Float64Array {
    const m = this.measures;
    switch (field) {
      case "r":
        return this.scoreColumn(this.scores.r);
      case "f":
        return this.scoreColumn(this.scores.f);
      case "m":
        return this.scoreColumn(this.scores.m);
      case "fm": {
        const f = this.get("f");
        const mm = this.get("m");
        return f.map((v, i) => (v + (mm[i] as number)) / 2);
      }
      case "recency_days":
        return m.recencyDays;
      case "orders":
        return m.orders;
      case "revenue":
        return m.revenue;
      case "aov":
        return m.aov;
      case "coupon_share":
        return m.couponShare;
      case "revenue_top_pct":
        return topPercent(m.revenue);
      case "orders_top_pct":
        return topPercent(m.orders);
      case "aov_top_pct":
        return topPercent(m.aov);
    }
  }

  private scoreColumn(scores: Uint8Array): Float64Array {
    const { bins, scale } = this;
    const out = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i] as number;
      out[i] = scale === null || scale === bins ? s : rescaleScore(s, bins, scale);
    }
    return out;
  }
}

/**
 * Per customer: the percentage of customers with a strictly greater value (0 = the top). "Top 20%"
 * is `< 20`; customers tied at the boundary are all in or all out together.
 */
export function topPercent(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // First position holding a value greater than v.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = ((n - lo) / n) * 100;
  }
  return out;
}
