/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z < 1, as BG/NBD's
 * conditional expectation needs it (there z = t / (α + T + t) lies in [0, 1)).
 *
 * - 0 ≤ |z| ≤ 0.5: the defining power series.
 * - z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)),
 *   which maps z into [0, 1).
 * - 0.5 < z < 1: the 1 − z connection formula (Abramowitz & Stegun 15.3.6), whose two series
 *   converge fast there. When c − a − b is (nearly) an integer its gamma factors have poles that
 *   cancel; up to z = 0.9 the plain series is used instead (a few hundred terms), beyond that the
 *   formula is evaluated at c ± δ and c ± 2δ and combined (Richardson), cancelling the errors of
 *   order δ and δ²; what is left is rounding amplified by 1/δ, about 1e-12 relative.
 */
import { gammaSign, lnGamma } from "./special.js";

const SERIES_TOLERANCE = 1e-16;
const MAX_SERIES_TERMS = 200_000;
const NEAR_INTEGER = 1e-5;
const PERTURBATION = 1e-4;

export class HypergeometricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HypergeometricError";
  }
}

/** ₂F₁(a, b; c; z) for z < 1; c must not be 0 or a negative integer. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || !Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || Number.isNaN(z)) {
    throw new HypergeometricError(
      `2F1(${a}, ${b}; ${c}; ${z}) is only defined here for finite a, b, c and z < 1`,
    );
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new HypergeometricError(`2F1 is undefined for c = ${c} (zero or a negative integer)`);
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    const w = z / (z - 1);
    return (1 - z) ** -a * hyp2f1NonNegative(a, c - b, c, w);
  }
  return hyp2f1NonNegative(a, b, c, z);
}

function hyp2f1NonNegative(a: number, b: number, c: number, z: number): number {
  if (z <= 0.5) return series(a, b, c, z);
  const excess = c - a - b;
  if (Math.abs(excess - Math.round(excess)) > NEAR_INTEGER) return oneMinusZ(a, b, c, z);
  if (z <= 0.9) return series(a, b, c, z);
  // Central averages at ±δ and ±2δ err by k·δ² and 4k·δ²; Richardson's combination cancels k.
  const near = 0.5 * (oneMinusZ(a, b, c + PERTURBATION, z) + oneMinusZ(a, b, c - PERTURBATION, z));
  const far = 0.5 * (oneMinusZ(a, b, c + 2 * PERTURBATION, z) + oneMinusZ(a, b, c - 2 * PERTURBATION, z));
  return (4 * near - far) / 3;
}

/** Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until a term no longer changes the sum. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0 || Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) return sum;
  }
  throw new HypergeometricError(`2F1(${a}, ${b}; ${c}; ${z}): series did not converge`);
}

/**
 * A&S 15.3.6: ₂F₁(a,b;c;z) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) ₂F₁(a, b; a+b−c+1; 1−z)
 *   + (1−z)^(c−a−b) Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) ₂F₁(c−a, c−b; c−a−b+1; 1−z).
 * Gamma ratios are taken in logs with their signs so large parameters do not overflow.
 */
function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const excess = c - a - b;
  const firstFactor = gammaRatio([c, excess], [c - a, c - b]);
  const first = firstFactor === 0 ? 0 : firstFactor * seriesOrOne(a, b, 1 - excess, w);
  const secondFactor = gammaRatio([c, -excess], [a, b]);
  const second =
    secondFactor === 0 ? 0 : w ** excess * secondFactor * seriesOrOne(c - a, c - b, excess + 1, w);
  return first + second;
}

function seriesOrOne(a: number, b: number, c: number, w: number): number {
  return a === 0 || b === 0 ? 1 : series(a, b, c, w);
}

/** Π Γ(numerators) / Π Γ(denominators); 0 when a denominator sits on a pole. */
function gammaRatio(numerators: readonly number[], denominators: readonly number[]): number {
  let logMagnitude = 0;
  let sign = 1;
  for (const x of denominators) {
    const s = gammaSign(x);
    if (s === 0) return 0;
    sign *= s;
    logMagnitude -= lnGamma(x);
  }
  for (const x of numerators) {
    sign *= gammaSign(x);
    logMagnitude += lnGamma(x);
  }
  return sign * Math.exp(logMagnitude);
}
