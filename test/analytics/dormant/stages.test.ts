import { describe, expect, it } from "vitest";
import {
  cadenceStage,
  checkPAliveThresholds,
  DormantConfigError,
  fixedStage,
  pAliveStage,
  stageLadder,
} from "../../../src/analytics/dormant/index.js";

describe("stage ladder", () => {
  const ladder = stageLadder();

  it("fixed: the most severe mark reached, marks inclusive", () => {
    expect([0, 29, 30, 44, 45, 59, 60, 89, 90, 400].map((d) => fixedStage(ladder, d))).toEqual([
      -1, -1, 0, 0, 1, 1, 2, 2, 3, 3,
    ]);
  });

  it("cadence: k, 1.5k, 2k, 3k with the default marks, strictly above", () => {
    // k = 1.5 → 1.5, 2.25, 3, 4.5.
    expect([1.5, 1.51, 2.25, 2.26, 3, 3.01, 4.5, 4.51].map((r) => cadenceStage(ladder, 1.5, r))).toEqual([
      -1, 0, 0, 1, 1, 2, 2, 3,
    ]);
  });

  it("P(alive): the most severe threshold it falls below", () => {
    const thresholds = [
      { stage: "dormant_risk", pAliveBelow: 0.5 },
      { stage: "dormant", pAliveBelow: 0.2 },
    ];
    expect([0.6, 0.5, 0.49, 0.2, 0.19].map((p) => pAliveStage(ladder, thresholds, p))).toEqual([
      -1, -1, 2, 2, 3,
    ]);
  });

  it("orders custom stages by days and rejects bad ones with the config key", () => {
    const custom = stageLadder([
      { name: "late", days: 120 },
      { name: "early", days: 20 },
    ]);
    expect(custom.stages.map((s) => s.name)).toEqual(["early", "late"]);
    expect(custom.severityOf("late")).toBe(1);
    expect(custom.severityOf("unknown")).toBe(-1);
    expect(() => stageLadder([])).toThrow(DormantConfigError);
    expect(() => stageLadder([{ name: "x", days: 0 }])).toThrow(/dormant.stages.x: days must be a positive/);
    expect(() =>
      stageLadder([
        { name: "x", days: 10 },
        { name: "x", days: 20 },
      ]),
    ).toThrow(/appears twice/);
    expect(() => checkPAliveThresholds(ladder, [{ stage: "gone", pAliveBelow: 0.5 }])).toThrow(
      /dormant.bgnbd.thresholds\[0\].stage/,
    );
  });
});
