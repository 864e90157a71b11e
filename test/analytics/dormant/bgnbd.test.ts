import { describe, expect, it } from "vitest";
import {
  BgNbdFitError,
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
} from "../../../src/analytics/dormant/index.js";

describe("BG/NBD quantities", () => {
  it("log-likelihood of one customer matches the formula worked by hand", () => {
    // r = 1, α = 1, a = 1, b = 1; x = 1, t_x = 1, T = 2:
    // Γ(2)/Γ(1) · 1 · B(1, 2)/B(1, 1) · [(1+2)^−2 + 1/1 · (1+1)^−2] = ½ · (1/9 + 1/4) = 13/72.
    const ll = bgnbdLogLikelihood(
      { r: 1, alpha: 1, a: 1, b: 1 },
      { x: Float64Array.of(1), tx: Float64Array.of(1), T: Float64Array.of(2) },
    );
    expect(ll).toBeCloseTo(Math.log(13 / 72), 13);
    // x = 0, T = 2: (α/(α+T))^r = 1/3.
    const none = bgnbdLogLikelihood(
      { r: 1, alpha: 1, a: 1, b: 1 },
      { x: Float64Array.of(0), tx: Float64Array.of(0), T: Float64Array.of(2) },
    );
    expect(none).toBeCloseTo(Math.log(1 / 3), 13);
  });

  it("P(alive) by hand: x = 1, t_x = 1, T = 2, all parameters 1 → 1 / (1 + (3/2)²) = 4/13", () => {
    expect(probabilityAlive({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1, 2)).toBeCloseTo(4 / 13, 14);
  });

  it("takes the a → 1 limit instead of dividing 0 by 0 (mpmath 1.3.0 at a = 1 ± 1e-9)", () => {
    const params = { r: 0.5, alpha: 10, a: 1, b: 2.5 };
    expect(conditionalExpectedPurchases(params, 90, 2, 20, 60)).toBeCloseTo(0.70077070637, 9);
  });

  it("E[X(t)] for a new customer is the conditional expectation at x = t_x = T = 0 and grows with t", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(expectedPurchases(params, 39)).toBeCloseTo(conditionalExpectedPurchases(params, 39, 0, 0, 0), 14);
    // mpmath 1.3.0: (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] at t = 39.
    expect(expectedPurchases(params, 39)).toBeCloseTo(1.19672319332, 9);
    expect(expectedPurchases(params, 78)).toBeGreaterThan(expectedPurchases(params, 39));
  });
});

describe("fitBgNbd errors", () => {
  it("refuses data without a single repeat purchase", () => {
    const stats = { x: new Float64Array(3), tx: new Float64Array(3), T: Float64Array.of(5, 6, 7) };
    expect(() => fitBgNbd(stats)).toThrow(BgNbdFitError);
    expect(() => fitBgNbd(stats)).toThrow(/none of the 3 customers ordered on a second day/);
  });

  it("refuses an empty data set", () => {
    const empty = { x: new Float64Array(0), tx: new Float64Array(0), T: new Float64Array(0) };
    expect(() => fitBgNbd(empty)).toThrow(expect.objectContaining({ reason: "no-customers" }));
  });

  it("calls parameters that run to a boundary degenerate", () => {
    // Everyone buys on a perfectly regular schedule and nobody drops out: the dropout
    // probability runs to 0 (a → 0 or b → ∞), which the data cannot pin down.
    const n = 200;
    const x = new Float64Array(n).fill(10);
    const tx = new Float64Array(n).fill(10);
    const T = new Float64Array(n).fill(10);
    expect(() => fitBgNbd({ x, tx, T })).toThrow(expect.objectContaining({ reason: "degenerate" }));
  });
});
