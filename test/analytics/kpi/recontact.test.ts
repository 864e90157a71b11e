import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  measureRecontact,
  type TicketTable,
  ticketTableFromRecords,
} from "../../../src/analytics/kpi/index.js";
import { resolutionInstant } from "../../../src/analytics/kpi/ticket-state.js";
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

/** The definition read straight off docs/metrics.md: one comparator sort, then the next ticket. */
function reference(table: TicketTable, asOf: number, windowDays: number) {
  const outcome = new Array<number>(table.length).fill(-1);
  const followUp = new Array<number>(table.length).fill(-1);
  const rows = [];
  for (let i = 0; i < table.length; i++) {
    const ok =
      (table.customer.codes[i] as number) >= 0 &&
      (table.reason.codes[i] as number) >= 0 &&
      table.merged[i] !== 1 &&
      !Number.isNaN(table.createdAt[i] as number);
    if (ok) rows.push(i);
  }
  const key = (i: number) =>
    [table.customer.codes[i], table.reason.codes[i], table.createdAt[i], i] as number[];
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let f = 0; f < 4; f++) if (ka[f] !== kb[f]) return (ka[f] as number) - (kb[f] as number);
    return 0;
  });
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const end = resolutionInstant(table, i);
    if (Number.isNaN(end)) continue;
    const next = rows[k + 1];
    const sameRun =
      next !== undefined &&
      table.customer.codes[next] === table.customer.codes[i] &&
      table.reason.codes[next] === table.reason.codes[i];
    if (next !== undefined && sameRun && (table.createdAt[next] as number) <= end + windowDays * D) {
      outcome[i] = 1;
      followUp[i] = next;
    } else if (end + windowDays * D <= asOf) outcome[i] = 0;
  }
  return { outcome, followUp };
}

describe("measureRecontact", () => {
  it("matches the definition on random tables (short and long runs, ties, missing fields)", () => {
    const record = fc.record({
      customer: fc.option(fc.constantFrom("a", "b", "big"), { nil: null, freq: 6 }),
      reason: fc.option(fc.constantFrom("x", "y"), { nil: null, freq: 6 }),
      created: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 8 }),
      resolvedAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 3 }),
      status: fc.constantFrom("solved", "closed", "open") as fc.Arbitrary<"solved" | "closed" | "open">,
      merged: fc.option(fc.boolean(), { nil: null, freq: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (raw, asOfDay, windowDays) => {
          const table = ticketTableFromRecords(
            raw.map((r, k) =>
              ticket({
                ticket_id: `t${k}`,
                customer_id: r.customer,
                reason: r.reason,
                created_at: r.created === null ? null : T0 + r.created * D,
                resolved_at:
                  r.created === null || r.resolvedAfter === null
                    ? null
                    : T0 + (r.created + r.resolvedAfter) * D,
                status: r.status,
                merged: r.merged,
              }),
            ),
          );
          const m = measureRecontact(table, T0 + asOfDay * D, windowDays);
          const want = reference(table, T0 + asOfDay * D, windowDays);
          expect(Array.from(m.outcome)).toEqual(want.outcome);
          expect(Array.from(m.followUp)).toEqual(want.followUp);
        },
      ),
      { numRuns: 300 },
    );
  });
});
