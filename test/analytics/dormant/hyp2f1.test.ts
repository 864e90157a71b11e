import { describe, expect, it } from "vitest";
import { HypergeometricError, hyp2f1 } from "../../../src/analytics/dormant/btyd/hyp2f1.js";
import { gammaSign, lnBeta, lnGamma } from "../../../src/analytics/dormant/btyd/special.js";

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe("lnGamma, gammaSign, lnBeta", () => {
  it("matches known values", () => {
    expectRelative(lnGamma(5), Math.log(24), 1e-14);
    expectRelative(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    // Γ(−0.5) = −2√π: magnitude through the reflection formula, sign separately.
    expectRelative(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(2.5)).toBe(1);
    expect(gammaSign(-2)).toBe(0);
    expect(lnGamma(-2)).toBe(Number.POSITIVE_INFINITY);
    // B(2, 3) = 1! 2! / 4! = 1/12.
    expectRelative(lnBeta(2, 3), Math.log(1 / 12), 1e-14);
    // Γ(171.5) overflows a double; its logarithm does not (mpmath 1.3.0: 709.14316303092800…).
    expectRelative(lnGamma(171.5), 709.143163030928, 1e-12);
  });
});

describe("hyp2f1", () => {
  it("agrees with closed forms across the real line below 1", () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z: c − a − b = 0, the degenerate case of the 1 − z formula.
    for (const z of [-20, -3, -0.9, -0.2, 0.1, 0.5, 0.75, 0.95, 0.999999]) {
      expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-9);
    }
    // ₂F₁(a, b; b; z) = (1 − z)^−a.
    for (const z of [-5, -0.5, 0.3, 0.6, 0.97])
      expectRelative(hyp2f1(2.5, 1.7, 1.7, z), (1 - z) ** -2.5, 1e-11);
    // ₂F₁(½, ½; 3/2; z²) = arcsin(z) / z and ₂F₁(½, 1; 3/2; −z²) = arctan(z) / z.
    for (const z of [0.3, 0.9, 0.99]) expectRelative(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-11);
    for (const z of [0.5, 2, 10]) expectRelative(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-9);
  });

  it("terminates as a polynomial when a parameter is a negative integer", () => {
    // ₂F₁(1.5, −2; 3; z) = 1 − z + 0.3125 z² (terms: −2·1.5/3 z, then (1.5·2.5)(−2·−1)/(3·4·2) z²).
    const z = 0.7;
    expect(hyp2f1(1.5, -2, 3, z)).toBeCloseTo(1 - z + 0.3125 * z * z, 13);
  });

  it("matches mpmath 1.3.0 (30 digits, rounded to 16) on BG/NBD-shaped arguments", () => {
    const cases: [number, number, number, number, number][] = [
      [26.243, 28.426, 28.219, 0.59, 17299885354.81016],
      [2.243, 4.426, 4.219, 0.4545, 4.195218939063166],
      [3, 2.5, 7.1, 0.99, 7.768221090249589],
      [0.243, 2.426, 2.219, 0.7, 1.395229421092872],
      [100.2, 102.4, 101.2, 0.8, 7.437475319804408e70],
      [2, 3, 4, -0.3, 0.6711890926942961],
      [2, 3, 4, -20, 0.00557375102885029],
    ];
    for (const [a, b, c, z, expected] of cases) expectRelative(hyp2f1(a, b, c, z), expected, 1e-9);
  });

  it("is 1 at z = 0 and rejects arguments outside its domain", () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(HypergeometricError);
    expect(() => hyp2f1(1, 1, -3, 0.5)).toThrow(/c = -3/);
    expect(() => hyp2f1(1, Number.NaN, 2, 0.5)).toThrow(HypergeometricError);
  });
});
