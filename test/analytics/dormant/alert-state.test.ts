import { describe, expect, it } from "vitest";
import { type AlertRecord, reconcileAlerts, stageLadder } from "../../../src/analytics/dormant/index.js";

const ladder = stageLadder();
const severityOf = ladder.severityOf;

interface Candidate {
  customerId: string;
  stage: string;
  lastOrderDay: number;
}

/** Runs one nightly pass and applies its result to the stored records, as the store would. */
function run(
  stored: AlertRecord[],
  candidates: Candidate[],
  asOfDay: number,
  lastOrderDays?: Map<string, number>,
) {
  const result = reconcileAlerts(stored, candidates, {
    asOfDay,
    severityOf,
    ...(lastOrderDays ? { lastOrderDays } : {}),
  });
  const cleared = new Set(result.customersToClear);
  const next = [...stored.filter((r) => !cleared.has(r.customerId)), ...result.recordsToInsert];
  return { result, next };
}

describe("reconcileAlerts", () => {
  it("alerts once per stage, re-alerts on a higher stage, and a new order clears the stages", () => {
    // Customer C last ordered on day 100.
    let stored: AlertRecord[] = [];

    // Day 130: watch → new alert.
    let step = run(stored, [{ customerId: "C", stage: "watch", lastOrderDay: 100 }], 130);
    expect(step.result.newAlerts.map((a) => a.stage)).toEqual(["watch"]);
    expect(step.result.recordsToInsert).toEqual([
      { customerId: "C", stage: "watch", lastOrderDay: 100, alertedOnDay: 130 },
    ]);
    stored = step.next;

    // Day 131: still watch → nothing new, nothing recorded.
    step = run(stored, [{ customerId: "C", stage: "watch", lastOrderDay: 100 }], 131);
    expect(step.result.newAlerts).toEqual([]);
    expect(step.result.recordsToInsert).toEqual([]);
    stored = step.next;

    // Day 145: intervene, a higher stage → alert again.
    step = run(stored, [{ customerId: "C", stage: "intervene", lastOrderDay: 100 }], 145);
    expect(step.result.newAlerts.map((a) => a.stage)).toEqual(["intervene"]);
    stored = step.next;
    expect(stored.map((r) => r.stage)).toEqual(["watch", "intervene"]);

    // Day 146: a lower stage (e.g. another method) does not alert.
    step = run(stored, [{ customerId: "C", stage: "watch", lastOrderDay: 100 }], 146);
    expect(step.result.newAlerts).toEqual([]);

    // Day 150: C ordered on day 148, is no longer a candidate → records cleared, no alert.
    step = run(stored, [], 150, new Map([["C", 148]]));
    expect(step.result.customersToClear).toEqual(["C"]);
    expect(step.result.newAlerts).toEqual([]);
    stored = step.next;
    expect(stored).toEqual([]);

    // Day 178: watch again after the new order → alerted again (a new episode).
    step = run(stored, [{ customerId: "C", stage: "watch", lastOrderDay: 148 }], 178);
    expect(step.result.newAlerts.map((a) => a.stage)).toEqual(["watch"]);
  });

  it("clears from the candidate's own later last order day, then alerts in the new episode", () => {
    const stored: AlertRecord[] = [
      { customerId: "C", stage: "dormant", lastOrderDay: 10, alertedOnDay: 100 },
    ];
    // C ordered on day 101 and is already a watch candidate again on day 131.
    const { result } = run(stored, [{ customerId: "C", stage: "watch", lastOrderDay: 101 }], 131);
    expect(result.customersToClear).toEqual(["C"]);
    expect(result.newAlerts.map((a) => a.stage)).toEqual(["watch"]);
  });

  it("a first run that finds a customer already dormant alerts once, at that stage only", () => {
    const { result, next } = run([], [{ customerId: "D", stage: "dormant", lastOrderDay: 0 }], 95);
    expect(result.newAlerts).toHaveLength(1);
    expect(next).toEqual([{ customerId: "D", stage: "dormant", lastOrderDay: 0, alertedOnDay: 95 }]);
    // Later runs at the same stage stay quiet; nothing lower can alert in this episode.
    expect(run(next, [{ customerId: "D", stage: "dormant", lastOrderDay: 0 }], 96).result.newAlerts).toEqual(
      [],
    );
  });

  it("keeps records of customers it knows nothing about today", () => {
    const stored: AlertRecord[] = [{ customerId: "X", stage: "watch", lastOrderDay: 5, alertedOnDay: 35 }];
    const { result, next } = run(stored, [], 40);
    expect(result.customersToClear).toEqual([]);
    expect(next).toEqual(stored);
  });

  it("handles several customers independently, in candidate order", () => {
    const stored: AlertRecord[] = [{ customerId: "A", stage: "watch", lastOrderDay: 1, alertedOnDay: 31 }];
    const { result } = run(
      stored,
      [
        { customerId: "B", stage: "dormant_risk", lastOrderDay: 2 },
        { customerId: "A", stage: "watch", lastOrderDay: 1 },
        { customerId: "C", stage: "watch", lastOrderDay: 3 },
      ],
      62,
    );
    expect(result.newAlerts.map((a) => a.customerId)).toEqual(["B", "C"]);
  });
});
