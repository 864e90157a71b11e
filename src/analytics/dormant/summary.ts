/**
 * The BTYD calibration summary, the sufficient statistics of BG/NBD, computed once per run:
 * x = repeat purchase days (distinct order days − 1), t_x = time from the first to the last
 * order day, T = time from the first order day to the end of the calibration period, all in
 * `unitDays` units (1 = days, 7 = weeks). Only order days on or before the end count; customers
 * whose first order falls after it are left out. This matches the `lifetimes` package (the
 * CDNOW summary): T for a first order on 1997-01-01 and an end of 1997-09-30 is 272 / 7 weeks.
 */
import { type OrderHistory, ordersOnOrBefore } from "./history.js";

export type TimeUnit = "day" | "week";

export function unitDays(unit: TimeUnit): number {
  return unit === "week" ? 7 : 1;
}

export interface CalibrationSummary {
  /** Row k describes history customer customerIndex[k]. */
  readonly customerIndex: Int32Array;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly unitDays: number;
}

export function summarizeCalibration(
  history: OrderHistory,
  calibrationEndDay: number,
  unitDaysPerPeriod: number,
): CalibrationSummary {
  const n = history.customerIds.length;
  const customerIndex = new Int32Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const count = ordersOnOrBefore(history, i, calibrationEndDay);
    if (count === 0) continue;
    const from = history.start[i] as number;
    const first = history.days[from] as number;
    const last = history.days[from + count - 1] as number;
    customerIndex[rows] = i;
    x[rows] = count - 1;
    tx[rows] = (last - first) / unitDaysPerPeriod;
    T[rows] = (calibrationEndDay - first) / unitDaysPerPeriod;
    rows++;
  }
  return {
    customerIndex: customerIndex.slice(0, rows),
    x: x.slice(0, rows),
    tx: tx.slice(0, rows),
    T: T.slice(0, rows),
    unitDays: unitDaysPerPeriod,
  };
}
