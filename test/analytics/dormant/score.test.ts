/**
 * Fixed, cadence, bgnbd and auto on fixtures/dormant/orders.csv as of 2025-06-30; the expected
 * stages are worked out by hand in fixtures/dormant/README.md.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDateKey } from "../../../src/analytics/calendar/dates.js";
import {
  type BgNbdScoring,
  buildOrderHistory,
  type DormancyCandidate,
  type DormantMethod,
  explainCandidates,
  scoreDormancy,
  stageLadder,
} from "../../../src/analytics/dormant/index.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/dormant/orders.csv", import.meta.url));

function day(key: string): number {
  const d = parseDateKey(key);
  if (d === undefined) throw new Error(`bad date ${key}`);
  return d;
}

function fixtureHistory() {
  const byCustomer = new Map<string, number[]>();
  const [, ...rows] = readFileSync(FIXTURE, "utf8").trim().split("\n");
  for (const row of rows) {
    const [id, date] = row.split(",") as [string, string];
    byCustomer.set(id, [...(byCustomer.get(id) ?? []), day(date)]);
  }
  return buildOrderHistory([...byCustomer].map(([customer_id, orderDays]) => ({ customer_id, orderDays })));
}

const AS_OF = day("2025-06-30");
const ladder = stageLadder();
/** Days unit; with these parameters P(alive) is a small fraction worked out by hand below. */
const BGNBD: BgNbdScoring = {
  params: { r: 1, alpha: 10, a: 1, b: 1 },
  unitDays: 1,
  thresholds: [
    { stage: "dormant_risk", pAliveBelow: 0.5 },
    { stage: "dormant", pAliveBelow: 0.2 },
  ],
};

function score(method: DormantMethod, bgnbd?: BgNbdScoring) {
  const result = scoreDormancy(fixtureHistory(), {
    asOfDay: AS_OF,
    method,
    ladder,
    ...(bgnbd ? { bgnbd } : {}),
  });
  return { ...result, candidates: explainCandidates(result.candidates, ladder) };
}

function stages(candidates: DormancyCandidate[]): Record<string, string> {
  return Object.fromEntries(candidates.map((c) => [c.customerId, `${c.stage}/${c.method}`]));
}

describe("fixed", () => {
  it("reaches the highest mark passed: 30 watch, 45 intervene, 60 dormant risk, 90 dormant", () => {
    const result = score("fixed");
    expect(stages(result.candidates)).toEqual({
      B: "watch/fixed",
      C: "intervene/fixed",
      D: "dormant_risk/fixed",
      E: "dormant/fixed",
      F: "dormant/fixed",
      G: "watch/fixed",
      H: "dormant_risk/fixed",
      K: "dormant_risk/fixed",
    });
    expect(result.customersScored).toBe(11);
  });

  it("fills the columns and the reason in both languages", () => {
    const d = score("fixed").candidates.find((c) => c.customerId === "D");
    expect(d).toMatchObject({
      lastOrderDay: day("2025-05-01"),
      daysSince: 60,
      orders: 1,
      medianGapDays: null,
      pAlive: null,
      expected30: null,
      expected90: null,
      severity: 2,
    });
    expect(d?.reason.en).toBe("Last order 60 days ago (2025-05-01), past the 60-day dormant risk mark.");
    expect(d?.reason.ja).toBe(
      "最終注文（2025-05-01）から60日が経過し、60日の「休眠予備軍」基準に達しました。",
    );
    expect(d?.action.en).toBe("Send a comeback discount and a personal follow-up.");
  });

  it("ignores orders after the as-of day and counts an order day once", () => {
    const result = score("fixed");
    const k = result.candidates.find((c) => c.customerId === "K");
    expect(k).toMatchObject({ orders: 1, lastOrderDay: day("2025-05-01"), daysSince: 60 });
  });

  it("mentions the next mark in the intervene action", () => {
    const c = score("fixed").candidates.find((x) => x.customerId === "C");
    expect(c?.action.en).toBe("Send a reminder and a comeback offer before day 60.");
    expect(c?.action.ja).toBe("60日を迎える前にリマインドと復帰特典を送る。");
  });
});

describe("cadence (k = 1.5: thresholds above 1.5, 2.25, 3, 4.5 times the gap)", () => {
  it("uses each customer's median gap, and the cohort's median time to a second order for one-time buyers", () => {
    const result = score("cadence");
    expect(result.cohortMedianTimeToSecondOrder).toBe(6);
    expect(stages(result.candidates)).toEqual({
      A: "dormant_risk/cadence",
      B: "dormant/cadence",
      C: "dormant/cadence",
      D: "dormant/cadence",
      E: "dormant/cadence",
      F: "dormant/cadence",
      G: "dormant_risk/cadence",
      I: "intervene/cadence",
      J: "dormant/cadence",
      K: "dormant/cadence",
    });
    const byId = new Map(result.candidates.map((c) => [c.customerId, c]));
    expect(byId.get("G")?.medianGapDays).toBe(10);
    expect(byId.get("I")?.medianGapDays).toBe(6);
    expect(byId.get("J")).toMatchObject({
      medianGapDays: 1,
      orders: 2,
      daysSince: 9,
      gapRatio: 9,
      threshold: 4.5,
    });
    expect(byId.get("A")).toMatchObject({ medianGapDays: null, cadenceGapDays: 6, threshold: 3 });
  });

  it("explains the ratio for repeat and one-time buyers", () => {
    const byId = new Map(score("cadence").candidates.map((c) => [c.customerId, c]));
    expect(byId.get("G")?.reason.en).toBe(
      "No order for 40 days: 4.00 times this customer's median gap of 10 days; dormant risk starts above 3.0 times.",
    );
    expect(byId.get("G")?.reason.ja).toBe(
      "40日間注文がなく、この顧客の注文間隔の中央値（10日）の4.00倍です（「休眠予備軍」は3.0倍超）。",
    );
    expect(byId.get("A")?.reason.en).toBe(
      "One order only, 20 days ago: 3.33 times the cohort's median time to a second order (6 days); dormant risk starts above 3.0 times.",
    );
  });

  it("a larger k delays the stages: k = 2 gives thresholds 2, 3, 4, 6", () => {
    const result = scoreDormancy(fixtureHistory(), {
      asOfDay: AS_OF,
      method: "cadence",
      ladder,
      cadenceK: 2,
    });
    const byId = new Map(result.candidates.map((c) => [c.customerId, c.stage]));
    expect(byId.get("G")).toBe("intervene"); // 4.00 is not above 4
    expect(byId.get("I")).toBe("watch"); // 2.83
    expect(byId.get("A")).toBe("intervene"); // 3.33
  });
});

describe("bgnbd", () => {
  it("stages repeat buyers by P(alive) and one-time buyers by the cadence rule", () => {
    const result = score("bgnbd", BGNBD);
    expect(stages(result.candidates)).toEqual({
      A: "dormant_risk/cadence",
      B: "dormant/cadence",
      C: "dormant/cadence",
      D: "dormant/cadence",
      E: "dormant/cadence",
      F: "dormant/cadence",
      G: "dormant/bgnbd",
      H: "dormant_risk/bgnbd",
      I: "dormant_risk/bgnbd",
      J: "dormant_risk/bgnbd",
      K: "dormant/cadence",
    });
    const byId = new Map(result.candidates.map((c) => [c.customerId, c]));
    // P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) with r = 1, α = 10, a = b = 1, days:
    // G x=2 t_x=20 T=60: 1/(1 + ½·(70/30)³) = 54/397; H x=2 t_x=120 T=180: 4394/11253;
    // I x=2 t_x=12 T=29: 21296/80615; J x=1 t_x=1 T=10: 1/(1 + (20/11)²) = 121/521.
    expect(byId.get("G")?.pAlive).toBeCloseTo(54 / 397, 12);
    expect(byId.get("H")?.pAlive).toBeCloseTo(4394 / 11253, 12);
    expect(byId.get("I")?.pAlive).toBeCloseTo(21296 / 80615, 12);
    expect(byId.get("J")?.pAlive).toBeCloseTo(121 / 521, 12);
    expect(byId.get("A")?.pAlive).toBe(1);
    expect(byId.get("G")?.reason.en).toMatch(
      /^BG\/NBD puts the chance this customer is still active at 0\.136, below the dormant threshold of 0\.2; /,
    );
    // a = 1 and r = b: E[Y(t)] = (b+x) · (−ln(1 − z)) · P(alive), z = t/(α+T+t).
    // G, t = 90: z = 90/160, 1 − z = 0.4375; t = 30: z = 30/100, 1 − z = 0.7.
    expect(byId.get("G")?.expected90).toBeCloseTo(3 * -Math.log(0.4375) * (54 / 397), 12);
    expect(byId.get("G")?.expected30).toBeCloseTo(3 * -Math.log(0.7) * (54 / 397), 12);
  });

  it("needs fitted parameters", () => {
    expect(() => score("bgnbd")).toThrow(/needs fitted BG\/NBD parameters/);
  });
});

describe("auto", () => {
  it("takes the most severe stage; on a tie bgnbd beats cadence beats fixed; keeps each rule's stage", () => {
    const result = score("auto", BGNBD);
    const byId = new Map(result.candidates.map((c) => [c.customerId, c]));
    expect(byId.get("G")).toMatchObject({ stage: "dormant", method: "bgnbd" });
    expect(byId.get("G")).toMatchObject({
      bgnbdStage: "dormant",
      cadenceStage: "dormant_risk",
      fixedStage: "watch",
    });
    expect(byId.get("H")).toMatchObject({ fixedStage: "dormant_risk", cadenceStage: null });
    // H: fixed dormant_risk, cadence none (ratio 1.0), bgnbd dormant_risk → tie → bgnbd.
    expect(byId.get("H")).toMatchObject({ stage: "dormant_risk", method: "bgnbd" });
    // I: cadence intervene, bgnbd dormant_risk.
    expect(byId.get("I")).toMatchObject({ stage: "dormant_risk", method: "bgnbd" });
    // J: cadence dormant beats bgnbd dormant_risk.
    expect(byId.get("J")).toMatchObject({ stage: "dormant", method: "cadence" });
    // D: fixed dormant_risk, one-time buyer cadence dormant.
    expect(byId.get("D")).toMatchObject({ stage: "dormant", method: "cadence" });
    expect(result.candidates).toHaveLength(11);
  });

  it("works without a fit (fixed and cadence only)", () => {
    const byId = new Map(score("auto").candidates.map((c) => [c.customerId, c]));
    expect(byId.get("H")).toMatchObject({ stage: "dormant_risk", method: "fixed", pAlive: null });
    expect(byId.get("G")).toMatchObject({ stage: "dormant_risk", method: "cadence" });
  });
});
