import { describe, expect, it } from "vitest";
import { mergeCaseVariants } from "../../../src/analytics/kpi/case-variants.js";
import { computeKpis, measureRecontact, ticketTableFromRecords } from "../../../src/analytics/kpi/index.js";
import { ColumnEncoder } from "../../../src/analytics/kpi/ticket-table.js";
import { ticket } from "./load-fixture.js";

const D = 86400;
const T0 = Date.UTC(2025, 0, 6, 9) / 1000;

function column(values: Array<string | null>) {
  const e = new ColumnEncoder(values.length);
  values.forEach((v, i) => {
    e.set(i, v);
  });
  return e.finish();
}

describe("contact reasons that differ only in case or width", () => {
  it("leave a column without such pairs as it is", () => {
    const c = column(["billing", "refund", null, "返品", "billing"]);
    expect(mergeCaseVariants(c)).toBe(c);
  });

  it("are one reason, shown in its most frequent spelling, and every spelling finds it", () => {
    const c = column(["billing", "Billing", "Billing", "ＢＩＬＬＩＮＧ", null, "Refund", "ﾍﾝﾋﾟﾝ", "ヘンピン"]);
    const m = mergeCaseVariants(c);
    expect(m.values).toEqual(["Billing", "Refund", "ﾍﾝﾋﾟﾝ"]);
    expect(Array.from(m.codes)).toEqual([0, 0, 0, 0, -1, 1, 2, 2]);
    for (const spelling of ["billing", "Billing", "ＢＩＬＬＩＮＧ"]) expect(m.codeOf.get(spelling)).toBe(0);
    expect(m.codeOf.get("ヘンピン")).toBe(2);
    // The column it came from is left as it was.
    expect(c.values).toHaveLength(6);
  });

  it("count as one in top reasons and re-contact", () => {
    const solved = (id: string, reason: string, day: number, customer = "c1") =>
      ticket({
        ticket_id: id,
        customer_id: customer,
        reason,
        channel: "email",
        created_at: T0 + day * D,
        resolved_at: T0 + day * D + 3600,
        status: "solved",
      });
    const t = ticketTableFromRecords([
      solved("a", "Billing", 0),
      solved("b", "billing", 2), // the same customer and reason two days later: a re-contact of a
      solved("c", "BILLING", 20, "c2"),
      solved("d", "Refund", 21, "c2"),
    ]);
    const asOf = T0 + 60 * D;
    const m = measureRecontact(t, asOf, 7);
    expect(m.outcome[0]).toBe(1);
    expect(m.followUp[0]).toBe(1);
    const k = computeKpis(t, undefined, { asOf });
    expect(k.overall.topReasons).toEqual([
      { key: "Billing", count: 3, share: 0.75 },
      { key: "Refund", count: 1, share: 0.25 },
    ]);
    expect(k.overall.recontact).toMatchObject({ n: 4, successes: 1 });
  });
});
