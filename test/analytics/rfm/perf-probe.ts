/**
 * Manual timing probe (not a test): 1,000,000 generated orders of 100,000 customers through
 * aggregateOrders and analyzeRfm. Run: npx tsx test/analytics/rfm/perf-probe.ts
 */
import { aggregateOrders, analyzeRfm } from "../../../src/analytics/rfm/index.js";
import type { OrderRecord } from "../../../src/domain/records.js";

const CUSTOMERS = 100_000;
const ORDERS = 1_000_000;
const asOf = Date.UTC(2025, 5, 30, 15) / 1000;

// Deterministic xorshift32 so runs are comparable.
let seed = 42;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
};
const ids = Array.from({ length: CUSTOMERS }, (_, i) => `cust-${String(i).padStart(6, "0")}`);
const orders: OrderRecord[] = new Array(ORDERS);
for (let i = 0; i < ORDERS; i++) {
  const skew = random() ** 1.5; // some customers order a lot more than others
  orders[i] = {
    order_id: String(1_000_000_000 + i), // flat strings, like parsed CSV fields
    customer_id: ids[Math.floor(skew * CUSTOMERS)] as string,
    ordered_at: asOf - Math.floor(random() * 730 * 86400),
    amount: Math.round(500 + random() * 20000),
    quantity: null,
    currency: null,
    coupon_used: random() < 0.3,
  };
}

const rssBefore = process.memoryUsage().rss;
let t = performance.now();
const aggregates = aggregateOrders(orders, asOf);
const aggregateMs = performance.now() - t;
for (const tieMode of ["quantile", "rank"] as const) {
  t = performance.now();
  const result = analyzeRfm(aggregates, { asOf, timeZone: "Asia/Tokyo", tieMode, scheme: "standard" });
  const analyzeMs = performance.now() - t;
  console.log(
    `${tieMode}: aggregate ${ORDERS} orders ${aggregateMs.toFixed(0)} ms; analyze ${result.customers.measures.customerIds.length} customers ${analyzeMs.toFixed(0)} ms`,
  );
}
t = performance.now();
analyzeRfm(aggregates, { asOf, timeZone: "Asia/Tokyo", scheme: "ja" });
console.log(`ja scheme: analyze ${(performance.now() - t).toFixed(0)} ms`);
console.log(
  `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (before aggregation ${(rssBefore / 2 ** 20).toFixed(0)} MB)`,
);
