/**
 * Every CDNOW customer's R, F and M against a plain, separate computation: calendar dates from the
 * YYYYMMDD text, row counts and sums per customer. Each row is one order.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeRfmOrders, customerRows } from "../../../src/analytics/rfm/index.js";
import type { OrderRecord } from "../../../src/domain/records.js";

const PATH = "../shared/data/cdnow/CDNOW_master.txt";

describe("CDNOW master, as of 1998-07-01 (Asia/Tokyo)", () => {
  const lines = readFileSync(PATH, "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "");
  const rows = lines.map((line) => {
    const [id, date, , amount] = line.trim().split(/\s+/);
    return { id: id as string, date: date as string, amount: Number(amount) };
  });

  it("reads 69,659 rows of 23,570 customers", () => {
    expect(rows).toHaveLength(69659);
    expect(new Set(rows.map((r) => r.id)).size).toBe(23570);
  });

  it("recency, frequency and monetary match for every customer", () => {
    // Orders at noon Tokyo time on their date; as-of is the start of 1998-07-01 in Tokyo.
    const orders: OrderRecord[] = rows.map((r, i) => ({
      order_id: `row-${i}`,
      customer_id: r.id,
      ordered_at: Date.UTC(+r.date.slice(0, 4), +r.date.slice(4, 6) - 1, +r.date.slice(6, 8), 3) / 1000,
      amount: r.amount,
      quantity: null,
      currency: "USD",
      coupon_used: null,
    }));
    const asOf = Date.UTC(1998, 5, 30, 15) / 1000;
    const result = analyzeRfmOrders(orders, { asOf, timeZone: "Asia/Tokyo" });

    const asOfDay = Date.UTC(1998, 6, 1) / 86_400_000;
    const expected = new Map<string, { last: string; count: number; sum: number }>();
    for (const r of rows) {
      const e = expected.get(r.id) ?? { last: "", count: 0, sum: 0 };
      if (r.date > e.last) e.last = r.date;
      e.count += 1;
      e.sum += r.amount;
      expected.set(r.id, e);
    }
    let checked = 0;
    for (const row of customerRows(result)) {
      const e = expected.get(row.customer_id);
      if (!e) throw new Error(`unexpected customer ${row.customer_id}`);
      const lastDay =
        Date.UTC(+e.last.slice(0, 4), +e.last.slice(4, 6) - 1, +e.last.slice(6, 8)) / 86_400_000;
      expect(row.recency_days).toBe(asOfDay - lastDay);
      expect(row.frequency).toBe(e.count);
      expect(row.revenue).toBeCloseTo(e.sum, 6);
      checked++;
    }
    expect(checked).toBe(23570);
    // The master file ends on 1998-06-30: the most recent customers are 1 day old.
    expect(result.thresholds.recency.bands[4]?.min).toBe(1);
  });
});
