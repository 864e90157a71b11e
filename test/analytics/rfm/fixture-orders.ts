import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { OrderRecord } from "../../../src/domain/records.js";

/** The hand-computed 20-customer fixture (fixtures/rfm/README.md). */
export function loadFixtureOrders(): OrderRecord[] {
  const rows: Record<string, string>[] = parse(readFileSync("fixtures/rfm/orders.csv", "utf8"), {
    columns: true,
  });
  return rows.map((row) => ({
    order_id: row.order_id as string,
    customer_id: row.customer_id as string,
    ordered_at: Date.parse(row.ordered_at as string) / 1000,
    amount: Number(row.amount),
    quantity: null,
    currency: "JPY",
    coupon_used: row.coupon_used === "" ? null : row.coupon_used === "true",
  }));
}

/** 2025-06-30 23:59:59 in Tokyo. */
export const FIXTURE_AS_OF = Date.parse("2025-06-30T23:59:59+09:00") / 1000;
export const FIXTURE_TZ = "Asia/Tokyo";

/** C01..C20 in order. */
export const IDS = Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`);

/** Maps a per-customer list written in C01..C20 order to an id → value record. */
export function byId<T>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(IDS.map((id, i) => [id, values[i] as T]));
}
