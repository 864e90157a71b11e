import type { RfmMeasures } from "./measures.js";
import type { SegmentRule } from "./rules.js";
import { OTHER_SEGMENT } from "./schemes.js";
import type { SegmentAssignment } from "./segment.js";
import type { Localized } from "./types.js";

export interface SegmentSummaryRow {
  id: string;
  names: Localized;
  action: Localized | null;
  timing: Localized | null;
  customers: number;
  /** Customers ÷ all customers (0..1); null when there are no customers. */
  share: number | null;
  revenue: number;
  /** Revenue ÷ all revenue (0..1); null when all revenue is 0. */
  revenueShare: number | null;
  orders: number;
  /** Means over the segment's customers; null for an empty segment. */
  meanRecencyDays: number | null;
  meanFrequency: number | null;
  /** Mean of the monetary measure the scores used (total spend, or average order value). */
  meanMonetary: number | null;
  /** The segment's revenue ÷ its orders. */
  averageOrderValue: number | null;
}

/** One row per rule in force (empty ones included, in rule order), then "other". */
export function summarizeSegments(
  measures: RfmMeasures,
  monetary: Float64Array,
  assignment: SegmentAssignment,
): SegmentSummaryRow[] {
  const groups = assignment.rules.length + 1;
  const customers = new Float64Array(groups);
  const revenue = new Float64Array(groups);
  const orders = new Float64Array(groups);
  const recency = new Float64Array(groups);
  const monetarySum = new Float64Array(groups);
  let totalRevenue = 0;
  const n = measures.customerIds.length;
  for (let i = 0; i < n; i++) {
    const g = assignment.segment[i] as number;
    customers[g] = (customers[g] as number) + 1;
    revenue[g] = (revenue[g] as number) + (measures.revenue[i] as number);
    orders[g] = (orders[g] as number) + (measures.orders[i] as number);
    recency[g] = (recency[g] as number) + (measures.recencyDays[i] as number);
    monetarySum[g] = (monetarySum[g] as number) + (monetary[i] as number);
    totalRevenue += measures.revenue[i] as number;
  }
  const segments: Pick<SegmentRule, "id" | "names" | "action" | "timing">[] = [
    ...assignment.rules,
    { ...OTHER_SEGMENT, action: null, timing: null },
  ];
  return segments.map((segment, g) => {
    const c = customers[g] as number;
    const rev = revenue[g] as number;
    const ord = orders[g] as number;
    return {
      id: segment.id,
      names: segment.names,
      action: segment.action,
      timing: segment.timing,
      customers: c,
      share: n > 0 ? c / n : null,
      revenue: rev,
      revenueShare: totalRevenue !== 0 ? rev / totalRevenue : null,
      orders: ord,
      meanRecencyDays: c > 0 ? (recency[g] as number) / c : null,
      meanFrequency: c > 0 ? ord / c : null,
      meanMonetary: c > 0 ? (monetarySum[g] as number) / c : null,
      averageOrderValue: ord > 0 ? rev / ord : null,
    };
  });
}

export interface HeatmapCell {
  r: number;
  f: number;
  customers: number;
  /** Mean of the monetary measure in the cell; null when the cell is empty. */
  meanMonetary: number | null;
}

export interface RfHeatmap {
  bins: number;
  /** bins × bins cells, R ascending then F ascending: cell (r, f) is at (r − 1) × bins + (f − 1). */
  cells: HeatmapCell[];
}

export function rfHeatmap(r: Uint8Array, f: Uint8Array, monetary: Float64Array, bins: number): RfHeatmap {
  const count = new Float64Array(bins * bins);
  const sum = new Float64Array(bins * bins);
  for (let i = 0; i < r.length; i++) {
    const cell = ((r[i] as number) - 1) * bins + ((f[i] as number) - 1);
    count[cell] = (count[cell] as number) + 1;
    sum[cell] = (sum[cell] as number) + (monetary[i] as number);
  }
  const cells: HeatmapCell[] = [];
  for (let ri = 1; ri <= bins; ri++) {
    for (let fi = 1; fi <= bins; fi++) {
      const cell = (ri - 1) * bins + (fi - 1);
      const c = count[cell] as number;
      cells.push({ r: ri, f: fi, customers: c, meanMonetary: c > 0 ? (sum[cell] as number) / c : null });
    }
  }
  return { bins, cells };
}
