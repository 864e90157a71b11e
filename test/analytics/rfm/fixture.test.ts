/**
 * The 20-customer fixture (fixtures/rfm/orders.csv), every expected value worked out by hand.
 * As of 2025-06-30 23:59:59 JST, 5 bins. Quantile cut j = the ceil(j·20/5) = (4j)-th smallest value,
 * so the 4th, 8th, 12th and 16th of each sorted column; a value scores 1 + the cuts it exceeds.
 */
import { describe, expect, it } from "vitest";
import {
  aggregateOrders,
  analyzeRfm,
  analyzeRfmOrders,
  churnRate,
  computeMeasures,
  customerRow,
  type RfmResult,
} from "../../../src/analytics/rfm/index.js";
import { byId, FIXTURE_AS_OF, FIXTURE_TZ, IDS, loadFixtureOrders } from "./fixture-orders.js";

const orders = loadFixtureOrders();
const base = { asOf: FIXTURE_AS_OF, timeZone: FIXTURE_TZ };

function column(result: RfmResult, pick: (row: ReturnType<typeof customerRow>) => unknown) {
  return Object.fromEntries(IDS.map((id, i) => [id, pick(customerRow(result, i))]));
}

describe("RFM measures on the 20-customer fixture", () => {
  const result = analyzeRfmOrders(orders, base);

  it("recency counts local days; the order after as-of is ignored", () => {
    // Last orders (JST): C01 06-30 23:30, C07 05-31 00:30 (05-30 in UTC), C20 2024-05-26.
    expect(column(result, (r) => r.recency_days)).toEqual(
      byId([0, 3, 3, 10, 15, 20, 30, 30, 30, 45, 50, 60, 75, 90, 120, 150, 200, 250, 300, 400]),
    );
  });

  it("frequency counts distinct orders: C01's two-line order once, C06's same-day orders twice", () => {
    expect(column(result, (r) => r.frequency)).toEqual(
      byId([6, 1, 2, 4, 1, 3, 1, 5, 1, 2, 1, 1, 3, 1, 8, 1, 2, 1, 1, 1]),
    );
  });

  it("monetary sums every line up to as-of (C01: 5 × 10,000 + 6,000 + 4,000; not the 99,999)", () => {
    expect(column(result, (r) => r.revenue)).toEqual(
      byId([
        60000, 3000, 8000, 20000, 4000, 6000, 3000, 30000, 4000, 9000, 2500, 15000, 18000, 6000, 80000, 1000,
        7000, 3000, 2000, 500,
      ]),
    );
  });

  it("coupon share: an order is couponed when any line is; unknown flags give null", () => {
    expect(column(result, (r) => r.coupon_share)).toEqual(
      byId([1 / 6, 1, 0.5, 0, null, 0, null, 0, null, 0.5, 1, 0, 0, 0, 0, 1, 0.5, 0, 0, null]),
    );
  });

  it("aggregates carry first and last order and the coupon counts", () => {
    const c01 = aggregateOrders(orders, FIXTURE_AS_OF).find((a) => a.customer_id === "C01");
    expect(c01).toEqual({
      customer_id: "C01",
      first_ordered_at: Date.parse("2025-01-10T12:00:00+09:00") / 1000,
      last_ordered_at: Date.parse("2025-06-30T23:30:00+09:00") / 1000,
      orders: 6,
      revenue: 60000,
      coupon_orders: 1,
      coupon_flagged_orders: 6,
    });
  });
});

describe("quantile tie mode", () => {
  const result = analyzeRfmOrders(orders, { ...base, tieMode: "quantile" });

  it("recency: scored as minus days; cuts are the 4th/8th/12th/16th most distant last orders", () => {
    // Days descending: 400 300 250 [200] 150 120 90 [75] 60 50 45 [30] 30 30 20 [15] 10 3 3 0.
    expect(result.thresholds.recency.cuts).toEqual([200, 75, 30, 15]);
    expect(result.thresholds.recency.bands).toEqual([
      { score: 1, customers: 4, min: 200, max: 400 },
      { score: 2, customers: 4, min: 75, max: 150 },
      { score: 3, customers: 6, min: 30, max: 60 }, // the three 30-day ties stay together
      { score: 4, customers: 2, min: 15, max: 20 },
      { score: 5, customers: 4, min: 0, max: 10 },
    ]);
    expect(column(result, (r) => r.r)).toEqual(
      byId([5, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]),
    );
  });

  it("frequency: 11 one-order customers fill positions 1–11, so cuts 1, 1 and score 2 is empty", () => {
    // Sorted: 1×11, 2 2 2, 3 3, 4, 5, 6, 8 → 4th = 1, 8th = 1, 12th = 2, 16th = 3.
    expect(result.thresholds.frequency.cuts).toEqual([1, 1, 2, 3]);
    expect(result.thresholds.frequency.bands).toEqual([
      { score: 1, customers: 11, min: 1, max: 1 },
      { score: 2, customers: 0, min: null, max: null },
      { score: 3, customers: 3, min: 2, max: 2 },
      { score: 4, customers: 2, min: 3, max: 3 },
      { score: 5, customers: 4, min: 4, max: 8 },
    ]);
    expect(column(result, (r) => r.f)).toEqual(
      byId([5, 1, 3, 5, 1, 4, 1, 5, 1, 3, 1, 1, 4, 1, 5, 1, 3, 1, 1, 1]),
    );
  });

  it("monetary: ties at 4,000 (C05, C09, positions 8–9) share score 2", () => {
    // 500 1000 2000 [2500] 3000 3000 3000 [4000] 4000 6000 6000 [7000] 8000 9000 15000 [18000] 20000 30000 60000 80000
    expect(result.thresholds.monetary.cuts).toEqual([2500, 4000, 7000, 18000]);
    expect(result.thresholds.monetary.bands).toEqual([
      { score: 1, customers: 4, min: 500, max: 2500 },
      { score: 2, customers: 5, min: 3000, max: 4000 },
      { score: 3, customers: 3, min: 6000, max: 7000 },
      { score: 4, customers: 4, min: 8000, max: 18000 },
      { score: 5, customers: 4, min: 20000, max: 80000 },
    ]);
    expect(column(result, (r) => r.m)).toEqual(
      byId([5, 2, 4, 5, 2, 3, 2, 5, 2, 4, 1, 4, 4, 3, 5, 1, 3, 2, 1, 1]),
    );
    expect(customerRow(result, 0).rfm).toBe("555");
  });

  it("monetary mean scores average order value", () => {
    // AOV sorted: 500 1000 2000 [2000] 2500 3000 3000 [3000] 3500 4000 4000 [4000] 4500 5000 6000 [6000] 6000 10000 10000 15000
    const mean = analyzeRfmOrders(orders, { ...base, monetary: "mean" });
    expect(mean.thresholds.monetary.cuts).toEqual([2000, 3000, 4000, 6000]);
    expect(column(mean, (r) => r.m)).toEqual(
      byId([5, 2, 3, 4, 3, 1, 2, 4, 3, 4, 2, 5, 4, 4, 5, 1, 3, 2, 1, 1]),
    );
  });
});

describe("rank tie mode (NTILE by value, then customer id)", () => {
  const result = analyzeRfmOrders(orders, { ...base, tieMode: "rank" });

  it("splits the 30-day recency tie by id: C07 gets 3, C08 and C09 get 4", () => {
    // Order by days descending, id ascending, 4 per bin: C20 C19 C18 C17 | C16 C15 C14 C13 |
    // C12 C11 C10 C07 | C08 C09 C06 C05 | C04 C02 C03 C01.
    expect(column(result, (r) => r.r)).toEqual(
      byId([5, 5, 5, 5, 4, 4, 3, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]),
    );
    expect(result.thresholds.recency.cuts).toEqual([]);
    expect(result.thresholds.recency.bands[3]).toEqual({ score: 4, customers: 4, min: 15, max: 30 });
  });

  it("spreads the 11 one-order customers over bins 1–3 by id", () => {
    // C02 C05 C07 C09 | C11 C12 C14 C16 | C18 C19 C20 C03 | C10 C17 C06 C13 | C04 C08 C01 C15.
    expect(column(result, (r) => r.f)).toEqual(
      byId([5, 1, 3, 5, 1, 4, 1, 5, 1, 4, 2, 2, 4, 2, 5, 2, 4, 3, 3, 3]),
    );
    for (const band of result.thresholds.frequency.bands) expect(band.customers).toBe(4);
  });

  it("monetary: the 4,000 tie splits (C05 → 2, C09 → 3)", () => {
    // C20 C16 C19 C11 | C02 C07 C18 C05 | C09 C06 C14 C17 | C03 C10 C12 C13 | C04 C08 C01 C15.
    expect(column(result, (r) => r.m)).toEqual(
      byId([5, 2, 4, 5, 2, 3, 2, 5, 3, 4, 1, 4, 4, 3, 5, 1, 3, 2, 1, 1]),
    );
  });
});

describe("segment schemes", () => {
  const segments = (options: Parameters<typeof analyzeRfmOrders>[1]) =>
    column(analyzeRfmOrders(orders, options), (r) => r.segment);

  it("standard, quantile scores (R, FM = mean of F and M)", () => {
    // e.g. C12: R3, F1, M4 → FM 2.5 → Customers Needing Attention; C16: R2, FM 1 → Lost.
    expect(segments({ ...base, scheme: "standard" })).toEqual(
      byId([
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "about_to_sleep",
        "loyal_customers",
        "about_to_sleep",
        "loyal_customers",
        "about_to_sleep",
        "customers_needing_attention",
        "at_risk",
        "hibernating",
        "at_risk",
        "lost",
        "at_risk",
        "lost",
        "lost",
        "lost",
      ]),
    );
  });

  it("standard, rank scores", () => {
    // C09: R4, F1, M3 → FM 2 → Potential Loyalist; C16: R2, F2, M1 → FM 1.5 → Hibernating.
    expect(segments({ ...base, scheme: "standard", tieMode: "rank" })).toEqual(
      byId([
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "about_to_sleep",
        "loyal_customers",
        "potential_loyalist",
        "loyal_customers",
        "about_to_sleep",
        "customers_needing_attention",
        "at_risk",
        "at_risk",
        "at_risk",
        "hibernating",
        "at_risk",
        "at_risk",
        "lost",
        "lost",
      ]),
    );
  });

  it("rfm-r, quantile scores (inclusive ranges, first match)", () => {
    // C12: R3 F1 M4 and C14: R2 F1 M3 match no rule of the package's table → other.
    expect(segments({ ...base, scheme: "rfm-r" })).toEqual(
      byId([
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "potential_loyalist",
        "loyal_customers",
        "potential_loyalist",
        "loyal_customers",
        "potential_loyalist",
        "other",
        "loyal_customers",
        "other",
        "loyal_customers",
        "about_to_sleep",
        "at_risk",
        "lost",
        "lost",
        "lost",
      ]),
    );
  });

  it("rfm-r, rank scores", () => {
    // C08: R4 F5 M5 → Champions; C14: R2 F2 M3 → Need Attention; C19, C20: R1 F3 M1 → other.
    expect(segments({ ...base, scheme: "rfm-r", tieMode: "rank" })).toEqual(
      byId([
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "potential_loyalist",
        "champions",
        "potential_loyalist",
        "loyal_customers",
        "potential_loyalist",
        "other",
        "loyal_customers",
        "need_attention",
        "loyal_customers",
        "about_to_sleep",
        "at_risk",
        "at_risk",
        "other",
        "other",
      ]),
    );
  });

  it("ja: top 20% by spend, many cheap orders, 45–75 days, coupon share ≥ 0.5", () => {
    // Top: C15 (0 customers above), C01 (1 → 5%), C08 (10%), C04 (15%); C13 has 4 above → 20%, out.
    // Growth: orders top 30% = C15 C01 C08 C04 C06 C13; C06's AOV 2,000 has 16 of 20 above (80% ≥ 50).
    // Pre-dormant: C10 45, C11 50, C12 60, C13 75 days. C11's coupon share 1 is not reached.
    const expected = byId([
      "top_customers",
      "price_sensitive",
      "price_sensitive",
      "top_customers",
      "other",
      "growth_potential",
      "other",
      "top_customers",
      "other",
      "pre_dormant",
      "pre_dormant",
      "pre_dormant",
      "pre_dormant",
      "other",
      "top_customers",
      "price_sensitive",
      "price_sensitive",
      "other",
      "other",
      "other",
    ]);
    expect(segments({ ...base, scheme: "ja" })).toEqual(expected);
    expect(segments({ ...base, scheme: "ja", tieMode: "rank" })).toEqual(expected);
  });

  it("ja without coupon flags skips 価格敏感層 with a note", () => {
    const unflagged = orders.map((o) => ({ ...o, coupon_used: null }));
    const result = analyzeRfmOrders(unflagged, { ...base, scheme: "ja" });
    expect(result.segmentRules.map((r) => r.id)).toEqual([
      "top_customers",
      "growth_potential",
      "pre_dormant",
    ]);
    expect(result.notes).toEqual([
      'Segment "価格敏感層 (Price-sensitive)" skipped: no order carries a coupon flag.',
    ]);
    expect(column(result, (r) => r.segment)).toMatchObject({
      C02: "other",
      C03: "other",
      C16: "other",
      C17: "other",
    });
  });

  it("a custom scheme from config, both rule forms", () => {
    const customSchemes = {
      vip: [
        { name: "VIP", name_ja: "VIP顧客", when: { r: ">=4", fm: "4..5" }, action: "Call them" },
        { segment: "Sleeping", recency_days: ">90" },
      ],
    };
    const result = analyzeRfmOrders(orders, { ...base, scheme: "vip", customSchemes });
    const other = "other";
    expect(column(result, (r) => r.segment)).toEqual(
      byId([
        "VIP",
        other,
        other,
        "VIP",
        other,
        other,
        other,
        other,
        other,
        other,
        other,
        other,
        other,
        other,
        "Sleeping",
        "Sleeping",
        "Sleeping",
        "Sleeping",
        "Sleeping",
        "Sleeping",
      ]),
    );
    expect(result.segments[0]).toMatchObject({
      id: "VIP",
      names: { en: "VIP", ja: "VIP顧客" },
      customers: 2,
    });
  });
});

describe("summary, heatmap, lifecycle", () => {
  const result = analyzeRfmOrders(orders, base);

  it("segment summary row: Loyal Customers = C03, C06, C08, C10", () => {
    const loyal = result.segments.find((s) => s.id === "loyal_customers");
    // Revenue 8,000 + 6,000 + 30,000 + 9,000 = 53,000 of 282,000; orders 2 + 3 + 5 + 2 = 12;
    // recency (3 + 20 + 30 + 45) ÷ 4 = 24.5.
    expect(loyal).toMatchObject({
      names: { en: "Loyal Customers", ja: "ロイヤル顧客" },
      customers: 4,
      share: 0.2,
      revenue: 53000,
      orders: 12,
      meanRecencyDays: 24.5,
      meanFrequency: 3,
      meanMonetary: 13250,
    });
    expect(loyal?.revenueShare).toBeCloseTo(53000 / 282000, 12);
    expect(loyal?.averageOrderValue).toBeCloseTo(53000 / 12, 9);
    expect(loyal?.action?.ja).toBeTruthy();
    // All 11 segments in rule order plus other, empty ones included.
    expect(result.segments).toHaveLength(12);
    expect(result.segments.find((s) => s.id === "recent_customers")).toMatchObject({
      customers: 0,
      meanRecencyDays: null,
      averageOrderValue: null,
    });
    expect(result.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(20);
  });

  it("R×F heatmap: count and mean monetary per cell", () => {
    const cell = (r: number, f: number) => result.heatmap.cells[(r - 1) * 5 + (f - 1)];
    expect(cell(5, 5)).toEqual({ r: 5, f: 5, customers: 2, meanMonetary: 40000 }); // C01, C04
    expect(cell(3, 1)).toEqual({ r: 3, f: 1, customers: 4, meanMonetary: 6125 }); // C07 C09 C11 C12: 24,500 ÷ 4
    expect(cell(1, 1)?.customers).toBe(3); // C18 C19 C20
    expect(cell(1, 1)?.meanMonetary).toBeCloseTo(5500 / 3, 9);
    expect(cell(5, 2)).toEqual({ r: 5, f: 2, customers: 0, meanMonetary: null });
    expect(result.heatmap.cells).toHaveLength(25);
  });

  it("lifecycle as of the date (30 / 90 / 180 days)", () => {
    // churned > 180: C17–C20; dormant 91–180: C15, C16 (C14 at exactly 90 is not);
    // new (first order ≤ 30 days ago): C02, C05, C06 (25), C07, C09 (30, inclusive); the other 9 active.
    expect(result.lifecycle.counts).toEqual({ new: 5, active: 9, dormant: 2, churned: 4 });
    expect(customerRow(result, 6).lifecycle).toBe("new");
    expect(customerRow(result, 13).lifecycle).toBe("active");
  });

  it("churn rate from 2025-03-31 to 2025-06-30", () => {
    // At the start: C01 C03 C04 C08 C10 C13 C15 C16 C17 (109 days) C18 (159 days) = 10;
    // C19 (209) and C20 were churned already; the rest had not ordered yet.
    // At the end: C17 (200) and C18 (250) are churned → 2 ÷ 10.
    const start = Date.parse("2025-03-31T23:59:59+09:00") / 1000;
    const atStart = computeMeasures(aggregateOrders(orders, start), start, FIXTURE_TZ);
    const atEnd = computeMeasures(aggregateOrders(orders, FIXTURE_AS_OF), FIXTURE_AS_OF, FIXTURE_TZ);
    const rate = churnRate(atStart, atEnd, result.lifecycle.thresholds);
    expect(rate).toMatchObject({ customersAtStart: 10, churned: 2, rate: 0.2 });
    expect(rate.retention).toBeCloseTo(0.8, 12);
  });

  it("aggregates from the store give the same result as orders", () => {
    const fromAggregates = analyzeRfm(aggregateOrders(orders, FIXTURE_AS_OF), base);
    expect(fromAggregates.segments).toEqual(result.segments);
    expect(fromAggregates.asOfDate).toBe("2025-06-30");
  });
});
