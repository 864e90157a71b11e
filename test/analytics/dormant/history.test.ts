import { describe, expect, it } from "vitest";
import {
  buildOrderHistory,
  orderHistoryFromColumns,
  ordersOnOrBefore,
  summarizeCalibration,
} from "../../../src/analytics/dormant/index.js";

describe("order histories", () => {
  it("sorts each customer's days and keeps one order per day", () => {
    const history = buildOrderHistory([
      { customer_id: "a", orderDays: [30, 10, 30, 20] },
      { customer_id: "b", orderDays: [] },
      { customer_id: "c", orderDays: [5] },
    ]);
    expect([...history.start]).toEqual([0, 3, 3, 4]);
    expect([...history.days]).toEqual([10, 20, 30, 5]);
  });

  it("packs unordered per-order columns the same way", () => {
    const history = orderHistoryFromColumns(
      ["a", "b", "c"],
      Int32Array.of(2, 0, 0, 2, 0, 0),
      Int32Array.of(5, 30, 10, 5, 30, 20),
    );
    expect([...history.start]).toEqual([0, 3, 3, 4]);
    expect([...history.days]).toEqual([10, 20, 30, 5]);
    expect(() => orderHistoryFromColumns(["a"], Int32Array.of(1), Int32Array.of(0))).toThrow(/out of range/);
  });

  it("counts orders on or before a day", () => {
    const history = buildOrderHistory([{ customer_id: "a", orderDays: [10, 20, 30] }]);
    expect([9, 10, 25, 30, 99].map((d) => ordersOnOrBefore(history, 0, d))).toEqual([0, 1, 2, 3, 3]);
  });
});

describe("summarizeCalibration", () => {
  it("computes x, t_x and T up to the end day, in weeks, leaving out customers who start later", () => {
    const history = buildOrderHistory([
      { customer_id: "a", orderDays: [0, 7, 21, 50] },
      { customer_id: "late", orderDays: [40] },
      { customer_id: "once", orderDays: [14] },
    ]);
    const s = summarizeCalibration(history, 35, 7);
    expect([...s.customerIndex]).toEqual([0, 2]);
    expect([...s.x]).toEqual([2, 0]);
    expect([...s.tx]).toEqual([3, 0]);
    expect([...s.T]).toEqual([5, 3]);
  });
});
