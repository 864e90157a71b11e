import type { RfmMeasures } from "./measures.js";
import { DEFAULT_LIFECYCLE, type LifecycleThresholds, RfmConfigError } from "./types.js";

export type LifecycleStage = "new" | "active" | "dormant" | "churned";

export interface LifecycleCounts {
  new: number;
  active: number;
  dormant: number;
  churned: number;
}

/** Fills defaults and checks 1 ≤ new_days, dormant_days < churned_days (whole days). */
export function resolveLifecycle(partial: Partial<LifecycleThresholds> | undefined): LifecycleThresholds {
  const t = { ...DEFAULT_LIFECYCLE, ...partial };
  for (const key of ["new_days", "dormant_days", "churned_days"] as const) {
    if (!Number.isInteger(t[key]) || t[key] < 1) {
      throw new RfmConfigError(`rfm.lifecycle.${key}`, "expected a whole number of days, at least 1");
    }
  }
  if (t.dormant_days >= t.churned_days) {
    throw new RfmConfigError("rfm.lifecycle.dormant_days", "expected fewer days than churned_days");
  }
  return t;
}

/**
 * Stage from whole local days: churned when the last order is more than churned_days ago, dormant
 * when more than dormant_days ago, new when the first order is at most new_days ago, else active.
 */
export function lifecycleStage(
  tenureDays: number,
  recencyDays: number,
  t: LifecycleThresholds,
): LifecycleStage {
  if (recencyDays > t.churned_days) return "churned";
  if (recencyDays > t.dormant_days) return "dormant";
  if (tenureDays <= t.new_days) return "new";
  return "active";
}

export function countLifecycle(measures: RfmMeasures, t: LifecycleThresholds): LifecycleCounts {
  const counts: LifecycleCounts = { new: 0, active: 0, dormant: 0, churned: 0 };
  for (let i = 0; i < measures.customerIds.length; i++) {
    counts[lifecycleStage(measures.tenureDays[i] as number, measures.recencyDays[i] as number, t)]++;
  }
  return counts;
}

export interface ChurnRate {
  periodStart: number;
  periodEnd: number;
  /** Customers at the start: at least one order by then and not churned then (new, active or dormant). */
  customersAtStart: number;
  /** Of those, the ones churned at the end (no order within churned_days of the end). */
  churned: number;
  /** churned ÷ customersAtStart; null when nobody was a customer at the start. */
  rate: number | null;
  /** 1 − rate. */
  retention: number | null;
}

/**
 * Churn over a period from measures taken as of its start and as of its end (each built only from
 * orders up to that instant). Customers whose first order falls inside the period are not counted.
 */
export function churnRate(atStart: RfmMeasures, atEnd: RfmMeasures, t: LifecycleThresholds): ChurnRate {
  if (!(atEnd.asOf > atStart.asOf)) {
    throw new RfmConfigError("period", "expected the period to end after it starts");
  }
  const endIndex = new Map<string, number>();
  for (let j = 0; j < atEnd.customerIds.length; j++) endIndex.set(atEnd.customerIds[j] as string, j);
  let base = 0;
  let churned = 0;
  for (let i = 0; i < atStart.customerIds.length; i++) {
    if ((atStart.recencyDays[i] as number) > t.churned_days) continue;
    base++;
    const j = endIndex.get(atStart.customerIds[i] as string);
    // Every customer at the start is in the end measures too: orders up to the start are up to the end.
    if (j !== undefined && (atEnd.recencyDays[j] as number) > t.churned_days) churned++;
  }
  const rate = base > 0 ? churned / base : null;
  return {
    periodStart: atStart.asOf,
    periodEnd: atEnd.asOf,
    customersAtStart: base,
    churned,
    rate,
    retention: rate === null ? null : 1 - rate,
  };
}
