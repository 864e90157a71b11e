import { describe, expect, it } from "vitest";
import { nelderMead } from "../../../src/analytics/dormant/btyd/nelder-mead.js";

describe("nelderMead", () => {
  it("finds the minimum of a shifted quadratic", () => {
    const result = nelderMead(
      (p) => ((p[0] as number) - 3) ** 2 + 10 * ((p[1] as number) + 1) ** 2 + 7,
      [0, 0],
    );
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(3, 5);
    expect(result.point[1]).toBeCloseTo(-1, 5);
    expect(result.value).toBeCloseTo(7, 9);
  });

  it("follows Rosenbrock's curved valley to (1, 1)", () => {
    const rosenbrock = (p: Float64Array) => {
      const x = p[0] as number;
      const y = p[1] as number;
      return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    };
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(1, 4);
  });

  it("walks away from regions where the objective is not finite", () => {
    // Undefined for x ≤ 0; the minimum of x − ln x is at x = 1.
    const result = nelderMead((p) => (p[0] as number) - Math.log(p[0] as number), [0.2], { initialStep: 1 });
    expect(result.point[0]).toBeCloseTo(1, 4);
  });

  it("reports non-convergence at the iteration cap", () => {
    const result = nelderMead((p) => ((p[0] as number) - 100) ** 2, [0], { maxIterations: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });
});
