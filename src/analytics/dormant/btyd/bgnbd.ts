/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): the
 * log-likelihood and the quantities scored per customer. Parameters are in the summary's time
 * unit: r and α shape the purchase rate (gamma), a and b the dropout probability (beta).
 */
import { hyp2f1 } from "./hyp2f1.js";
import { lnBeta, lnGamma } from "./special.js";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The sufficient statistics per customer (same length, same time unit). */
export interface RfStatistics {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}

/**
 * Evaluates the summed log-likelihood many times over the same data (the fit's inner loop).
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)]
 * Terms that depend on x alone are summed once per distinct x. Ages and recencies come from
 * whole days, so they take few distinct values: ln(α+T) and ln(α+t_x) are computed once per
 * distinct value and looked up, leaving one exp and one log1p per customer.
 */
export class BgNbdLikelihood {
  private readonly x: Float64Array;
  /** Customers per repeat count x = 0 … max. */
  private readonly countByX: Float64Array;
  /** Scratch per x, refilled on every evaluation: ln(a / (b + x − 1)). */
  private readonly logWeightByX: Float64Array;
  private readonly age: DistinctValues;
  private readonly recency: DistinctValues;

  constructor(stats: RfStatistics) {
    this.x = stats.x;
    let maxX = 0;
    for (let i = 0; i < stats.x.length; i++) {
      const x = stats.x[i] as number;
      if (!(Number.isInteger(x) && x >= 0))
        throw new RangeError(`x must be a non-negative integer (row ${i}: ${x})`);
      if (x > maxX) maxX = x;
    }
    this.countByX = new Float64Array(maxX + 1);
    for (let i = 0; i < stats.x.length; i++) {
      const x = stats.x[i] as number;
      this.countByX[x] = (this.countByX[x] as number) + 1;
    }
    this.logWeightByX = new Float64Array(maxX + 1);
    this.age = distinctValues(stats.T);
    this.recency = distinctValues(stats.tx);
  }

  /** Σ ln L over all customers; NaN when a parameter is not positive. */
  evaluate(params: BgNbdParams): number {
    const { r, alpha, a, b } = params;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
    const lnGammaR = lnGamma(r);
    const lnBetaAB = lnBeta(a, b);
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    let total = 0;
    for (let x = 0; x < this.countByX.length; x++) {
      this.logWeightByX[x] = x > 0 ? lnA - Math.log(b + x - 1) : 0;
      const count = this.countByX[x] as number;
      if (count === 0) continue;
      total += count * (lnGamma(r + x) - lnGammaR + r * lnAlpha + lnBeta(a, b + x) - lnBetaAB);
    }
    const lnAlphaPlusAge = fillLogShifted(this.age, alpha);
    const lnAlphaPlusRecency = fillLogShifted(this.recency, alpha);
    const ageIndex = this.age.index;
    const recencyIndex = this.recency.index;
    const xs = this.x;
    const weights = this.logWeightByX;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const power = r + x;
      const stillAlive = -power * (lnAlphaPlusAge[ageIndex[i] as number] as number);
      if (x === 0) {
        total += stillAlive;
        continue;
      }
      const droppedOut =
        (weights[x] as number) - power * (lnAlphaPlusRecency[recencyIndex[i] as number] as number);
      // log(e^p + e^q) without overflow: the larger exponent outside.
      total +=
        stillAlive > droppedOut
          ? stillAlive + Math.log1p(Math.exp(droppedOut - stillAlive))
          : droppedOut + Math.log1p(Math.exp(stillAlive - droppedOut));
    }
    return total;
  }
}

/** A column as its distinct values plus, per row, the position of its value among them. */
interface DistinctValues {
  values: Float64Array;
  index: Int32Array;
  /** Scratch for ln(α + value), refilled per evaluation. */
  logs: Float64Array;
}

function distinctValues(column: Float64Array): DistinctValues {
  const positions = new Map<number, number>();
  const index = new Int32Array(column.length);
  const values: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    let k = positions.get(v);
    if (k === undefined) {
      k = values.length;
      positions.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index, logs: new Float64Array(values.length) };
}

function fillLogShifted(column: DistinctValues, shift: number): Float64Array {
  const { values, logs } = column;
  for (let k = 0; k < values.length; k++) logs[k] = Math.log(shift + (values[k] as number));
  return logs;
}

/** Summed BG/NBD log-likelihood of the data under `params`. */
export function bgnbdLogLikelihood(params: BgNbdParams, stats: RfStatistics): number {
  return new BgNbdLikelihood(stats).evaluate(params);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * Always 1 for x = 0: the model assumes dropout happens only right after a repeat purchase.
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T], expected purchases in the next t periods (FHL 2005, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t / (α+T+t).
 * Euler's transformation turns (1−z)^(r+x) ₂F₁(r+x, b+x; c; z) into
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z), whose first two parameters do not grow with x, so heavy
 * buyers neither overflow nor cancel.
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const pAlive = probabilityAlive(params, x, tx, T);
  if (Math.abs(a - 1) < NEAR_ONE) return c * limitAtAOne(b - r, c, z) * pAlive;
  const remaining = (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  return (c / (a - 1)) * (1 - remaining) * pAlive;
}

/** Below this |a − 1| the a → 1 limit is used: the general form divides 0 by 0 there. */
const NEAR_ONE = 1e-7;

/**
 * lim (1 − (1−z)^ε ₂F₁(A, ε; c; z)) / ε as ε = a − 1 → 0. With (ε)ₙ ≈ ε (n−1)! this is
 * −ln(1 − z) − Σₙ≥₁ (A)ₙ zⁿ / ((c)ₙ n).
 */
function limitAtAOne(A: number, c: number, z: number): number {
  let term = 1;
  let sum = 0;
  for (let n = 1; n <= 1_000_000; n++) {
    term *= ((A + n - 1) / (c + n - 1)) * z;
    const contribution = term / n;
    sum += contribution;
    if (contribution === 0 || Math.abs(contribution) <= 1e-16 * Math.abs(sum)) break;
  }
  return -Math.log1p(-z) - sum;
}

/**
 * E[X(t)], expected purchases of a new customer in their first t periods (FHL 2005, eq. 9):
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))], the x = 0, T = 0 case above.
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, t, 0, 0, 0);
}
