/**
 * The holdout check of a BG/NBD fit: for the customers known at the end of the calibration
 * period, predicted (conditional expectation) against actual repeat purchase days in the holdout
 * period, averaged per calibration frequency bucket 0, 1, …, 6 and 7+ (FHL 2005, figure 3).
 * Every order day in the holdout is a repeat purchase, since the first order was earlier.
 */
import { type BgNbdParams, conditionalExpectedPurchases } from "./btyd/bgnbd.js";
import { type OrderHistory, ordersOnOrBefore } from "./history.js";
import { summarizeCalibration } from "./summary.js";

export interface HoldoutPeriods {
  /** Last local day of the calibration period (inclusive). */
  calibrationEndDay: number;
  /** Last local day of the holdout period (inclusive); the holdout starts the day after calibration. */
  holdoutEndDay: number;
  /** Days per period of the fitted parameters (1 or 7). */
  unitDays: number;
}

export interface HoldoutBucket {
  /** "0" … "6", "7+". */
  label: string;
  customers: number;
  /** Mean repeat purchases per customer in the holdout. */
  actual: number;
  predicted: number;
}

export interface HoldoutCheck {
  buckets: HoldoutBucket[];
  customers: number;
  /** Holdout length in the parameters' unit. */
  holdoutLength: number;
  actualTotal: number;
  predictedTotal: number;
}

const OPEN_BUCKET = 7;

export function holdoutCheck(
  history: OrderHistory,
  params: BgNbdParams,
  periods: HoldoutPeriods,
): HoldoutCheck {
  const { calibrationEndDay, holdoutEndDay, unitDays } = periods;
  if (!(holdoutEndDay > calibrationEndDay)) {
    throw new RangeError("the holdout period must end after the calibration period");
  }
  const summary = summarizeCalibration(history, calibrationEndDay, unitDays);
  const holdoutLength = (holdoutEndDay - calibrationEndDay) / unitDays;
  const customers = new Float64Array(OPEN_BUCKET + 1);
  const actual = new Float64Array(OPEN_BUCKET + 1);
  const predicted = new Float64Array(OPEN_BUCKET + 1);
  for (let row = 0; row < summary.x.length; row++) {
    const i = summary.customerIndex[row] as number;
    const x = summary.x[row] as number;
    const inHoldout =
      ordersOnOrBefore(history, i, holdoutEndDay) - ordersOnOrBefore(history, i, calibrationEndDay);
    const expected = conditionalExpectedPurchases(
      params,
      holdoutLength,
      x,
      summary.tx[row] as number,
      summary.T[row] as number,
    );
    const bucket = Math.min(x, OPEN_BUCKET);
    customers[bucket] = (customers[bucket] as number) + 1;
    actual[bucket] = (actual[bucket] as number) + inHoldout;
    predicted[bucket] = (predicted[bucket] as number) + expected;
  }
  const buckets: HoldoutBucket[] = [];
  let actualTotal = 0;
  let predictedTotal = 0;
  for (let b = 0; b <= OPEN_BUCKET; b++) {
    const n = customers[b] as number;
    actualTotal += actual[b] as number;
    predictedTotal += predicted[b] as number;
    buckets.push({
      label: b === OPEN_BUCKET ? `${OPEN_BUCKET}+` : String(b),
      customers: n,
      actual: n > 0 ? (actual[b] as number) / n : 0,
      predicted: n > 0 ? (predicted[b] as number) / n : 0,
    });
  }
  return { buckets, customers: summary.x.length, holdoutLength, actualTotal, predictedTotal };
}
