/**
 * The BG/NBD fit of a run, on the order history up to a calibration end day. A fit that fails
 * (no repeat buyers, non-finite or degenerate parameters, no convergence) is a DataError, exit 65:
 * a failed fit is never used.
 */
import {
  type BgNbdFit,
  BgNbdFitError,
  fitBgNbd,
  type OrderHistory,
  summarizeCalibration,
} from "../../analytics/dormant/index.js";
import { DataError } from "../errors.js";

export interface RunFit {
  fit: BgNbdFit;
  repeatCustomers: number;
}

/**
 * Fits BG/NBD. With `optional` (the auto method) a failed fit returns its reason instead of
 * failing, so auto goes on with its fixed and cadence rules and warns why BG/NBD is missing: the
 * failed fit is still never used. Required fits (bgnbd, --fit-report) fail with exit 65.
 */
export function fitHistory(
  history: OrderHistory,
  calibrationEndDay: number,
  unitDays: number,
  optional = false,
): RunFit | { skipped: string } {
  const summary = summarizeCalibration(history, calibrationEndDay, unitDays);
  let repeatCustomers = 0;
  for (let k = 0; k < summary.x.length; k++) if ((summary.x[k] as number) > 0) repeatCustomers++;
  try {
    return { fit: fitBgNbd(summary), repeatCustomers };
  } catch (err) {
    if (!(err instanceof BgNbdFitError)) throw err;
    if (optional) return { skipped: err.message };
    throw new DataError(err.message, undefined, hintFor(err));
  }
}

/** `fitHistory` where the fit is required (bgnbd, --fit-report). */
export function requireFit(history: OrderHistory, calibrationEndDay: number, unitDays: number): RunFit {
  const outcome = fitHistory(history, calibrationEndDay, unitDays);
  if ("skipped" in outcome) throw new DataError(outcome.skipped);
  return outcome;
}

function hintFor(err: BgNbdFitError): string {
  switch (err.reason) {
    case "no-customers":
      return "import orders first (supportops import orders FILE), or check --as-of / --calibration-end";
    case "no-repeat-purchases":
      return "BG/NBD needs customers who ordered on two or more days; use --method fixed or cadence";
    default:
      return "the order history does not support a BG/NBD fit; use --method cadence, or a longer history";
  }
}
