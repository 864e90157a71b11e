import { describe, expect, it } from "vitest";
import { measureRecontact, ticketTableFromRecords } from "../../../src/analytics/kpi/index.js";
import { ticket } from "./load-fixture.js";

const D = 86400;
const T0 = Date.UTC(2025, 0, 6) / 1000;

function solved(id: string, customer: string, reason: string, day: number) {
  return ticket({
    ticket_id: id,
    customer_id: customer,
    reason,
    created_at: T0 + day * D,
    resolved_at: T0 + day * D + 3600,
    status: "solved",
  });
}

describe("re-contact ordering", () => {
  it("handles a large account (more than 32 tickets) in any input order", () => {
    const records = Array.from({ length: 40 }, (_, k) => solved(`x${k * 10}`, "big", "x", k * 10));
    records.push(solved("x101", "big", "x", 101)); // 1 day after x100 was resolved: a re-contact
    records.push(solved("y1", "big", "y", 1)); // another reason: not a re-contact of x0
    records.push(solved("other", "small", "x", 2)); // another customer: not a re-contact of x0
    // Deterministic shuffle so the table's row order is not the time order.
    const shuffled = records
      .map((r, k) => ({ r, key: (k * 7919) % records.length }))
      .sort((a, b) => a.key - b.key);
    const table = ticketTableFromRecords(shuffled.map((s) => s.r));
    const m = measureRecontact(table, T0 + 1000 * D, 7);
    const hits: string[] = [];
    let decided = 0;
    for (let i = 0; i < table.length; i++) {
      if ((m.outcome[i] as number) >= 0) decided++;
      if (m.outcome[i] === 1) hits.push(`${table.ids[i]}→${table.ids[m.followUp[i] as number]}`);
    }
    expect(hits).toEqual(["x100→x101"]);
    expect(decided).toBe(43);
  });

  it("same creation second: the later row follows the earlier one", () => {
    const table = ticketTableFromRecords([solved("b", "c", "r", 0), solved("a", "c", "r", 0)]);
    const m = measureRecontact(table, T0 + 100 * D, 7);
    expect(Array.from(m.outcome)).toEqual([1, 0]);
    expect(m.followUp[0]).toBe(1);
  });
});
