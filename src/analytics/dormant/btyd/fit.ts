/**
 * Maximum-likelihood fit of BG/NBD. The optimiser works on ln r, ln α, ln a, ln b (so every
 * parameter stays positive) with time rescaled so the longest customer age is 10 units (α then
 * lands near 1 whatever the unit, and one set of starting points suits days and weeks alike).
 * Nelder–Mead runs from several starting points (on a sample when the data are large); the best
 * optimum is then restarted with a small fresh simplex on all customers (a collapsed simplex can
 * stall short of the optimum). A result with non-finite or degenerate parameters is an error,
 * never returned.
 */
import { BgNbdLikelihood, type BgNbdParams, type RfStatistics } from "./bgnbd.js";
import { nelderMead } from "./nelder-mead.js";

export type BgNbdFitFailure =
  | "no-customers"
  | "no-repeat-purchases"
  | "non-finite"
  | "degenerate"
  | "not-converged";

export class BgNbdFitError extends Error {
  readonly reason: BgNbdFitFailure;
  constructor(reason: BgNbdFitFailure, message: string) {
    super(`BG/NBD fit failed: ${message}`);
    this.name = "BgNbdFitError";
    this.reason = reason;
  }
}

export interface BgNbdFit {
  /** In the data's own time unit. */
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  /** Objective evaluations over all starts, a measure of the fit's cost. */
  evaluations: number;
  starts: number;
}

export interface BgNbdFitOptions {
  /** Starting points in rescaled time (the longest age = 10 units). */
  starts?: readonly BgNbdParams[];
  maxIterations?: number;
}

/**
 * Above this many customers the starting points are screened on an evenly spaced sample of this
 * size, and only the winner is polished on all rows: the screening is where most evaluations go.
 */
const SCREENING_ROWS = 5_000;
/** Rescaled time: longest customer age = this many units. */
const SCALED_MAX_AGE = 10;
/** A log-parameter beyond ±ln(1e6) means the data do not pin it down (it ran to 0 or ∞). */
const MAX_ABS_LOG_PARAMETER = Math.log(1e6);

export const DEFAULT_STARTS: readonly BgNbdParams[] = [
  { r: 1, alpha: 1, a: 1, b: 1 },
  { r: 0.25, alpha: 0.5, a: 0.5, b: 2 },
  { r: 2, alpha: 5, a: 2, b: 5 },
  { r: 0.5, alpha: 0.1, a: 0.2, b: 0.5 },
];

export function fitBgNbd(stats: RfStatistics, options: BgNbdFitOptions = {}): BgNbdFit {
  const n = stats.x.length;
  if (n === 0) throw new BgNbdFitError("no-customers", "there are no customers to fit.");
  let maxT = 0;
  let repeaters = 0;
  for (let i = 0; i < n; i++) {
    if ((stats.T[i] as number) > maxT) maxT = stats.T[i] as number;
    if ((stats.x[i] as number) > 0) repeaters++;
  }
  if (repeaters === 0 || maxT <= 0) {
    throw new BgNbdFitError(
      "no-repeat-purchases",
      `none of the ${n} customers ordered on a second day, so purchase and dropout rates cannot be estimated.`,
    );
  }
  const scale = maxT / SCALED_MAX_AGE;
  const rescaled: RfStatistics = {
    x: stats.x,
    tx: stats.tx.map((v) => v / scale),
    T: stats.T.map((v) => v / scale),
  };
  const full = meanNegativeLogLikelihood(rescaled);
  const screening =
    n > SCREENING_ROWS ? meanNegativeLogLikelihood(strideSample(rescaled, SCREENING_ROWS)) : full;
  const maxIterations = options.maxIterations ?? 2000;
  // Screening only has to find the right basin; the polish sets the precision.
  const screenOptions = { maxIterations, functionTolerance: 1e-8, pointTolerance: 1e-4 };
  const polishOptions = { maxIterations, functionTolerance: 1e-10, pointTolerance: 1e-5, initialStep: 0.05 };

  const starts = options.starts ?? DEFAULT_STARTS;
  let evaluations = 0;
  let screened: { point: Float64Array; value: number } | undefined;
  for (const start of starts) {
    const result = nelderMead(screening, toTheta(start), screenOptions);
    evaluations += result.evaluations;
    if (!screened || result.value < screened.value) screened = result;
  }
  if (!screened || !Number.isFinite(screened.value)) {
    throw new BgNbdFitError("non-finite", "the log-likelihood is not finite at any starting point.");
  }
  // A fresh, small simplex around the winner on all rows: it both polishes a screening result and
  // restarts a simplex that may have collapsed short of the optimum.
  const polished = nelderMead(full, [...screened.point], polishOptions);
  evaluations += polished.evaluations;
  const best = { theta: polished.point, value: polished.value, converged: polished.converged };
  if (!Number.isFinite(best.value)) {
    throw new BgNbdFitError("non-finite", "the log-likelihood is not finite at the optimum.");
  }
  const theta = best.theta;
  if (!theta.every((v) => Number.isFinite(v))) {
    throw new BgNbdFitError("non-finite", "the optimiser returned non-finite parameters.");
  }
  const scaled = { r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number) };
  const fitted: BgNbdParams = {
    r: scaled.r,
    alpha: scaled.alpha * scale,
    a: Math.exp(theta[2] as number),
    b: Math.exp(theta[3] as number),
  };
  if (theta.some((v) => Math.abs(v) > MAX_ABS_LOG_PARAMETER)) {
    throw new BgNbdFitError(
      "degenerate",
      `parameters ran to a boundary (r = ${fmt(fitted.r)}, alpha = ${fmt(fitted.alpha)}, a = ${fmt(fitted.a)}, ` +
        `b = ${fmt(fitted.b)}, alpha in rescaled time ${fmt(scaled.alpha)}); the history does not identify the model. ` +
        "Use a longer history or the cadence method.",
    );
  }
  if (!best.converged) {
    throw new BgNbdFitError(
      "not-converged",
      `the optimiser did not converge in ${maxIterations} iterations.`,
    );
  }
  // Report the log-likelihood in the data's own unit, not the rescaled one.
  const logLikelihood = new BgNbdLikelihood(stats).evaluate(fitted);
  if (!Number.isFinite(logLikelihood)) {
    throw new BgNbdFitError("non-finite", "the log-likelihood at the fitted parameters is not finite.");
  }
  return { params: fitted, logLikelihood, customers: n, evaluations, starts: starts.length };
}

/**
 * The objective over log-parameters: the mean negative log-likelihood, so one tolerance means
 * the same for 2,000 or 2,000,000 customers.
 */
function meanNegativeLogLikelihood(stats: RfStatistics): (theta: Float64Array) => number {
  const likelihood = new BgNbdLikelihood(stats);
  const n = stats.x.length;
  const params: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 };
  return (theta) => {
    params.r = Math.exp(theta[0] as number);
    params.alpha = Math.exp(theta[1] as number);
    params.a = Math.exp(theta[2] as number);
    params.b = Math.exp(theta[3] as number);
    return -likelihood.evaluate(params) / n;
  };
}

/** Every k-th customer, deterministic, so reruns screen the same rows. */
function strideSample(stats: RfStatistics, rows: number): RfStatistics {
  const step = stats.x.length / rows;
  const pick = (column: Float64Array) =>
    Float64Array.from({ length: rows }, (_, k) => column[Math.floor(k * step)] as number);
  return { x: pick(stats.x), tx: pick(stats.tx), T: pick(stats.T) };
}

function toTheta(p: BgNbdParams): number[] {
  return [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)];
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4) : String(v);
}
