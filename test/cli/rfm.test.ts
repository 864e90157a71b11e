/**
 * `supportops rfm` through the built binary on the hand-computed 20-customer fixture
 * (fixtures/rfm/README.md; the arithmetic is in test/analytics/rfm/fixture.test.ts), as of
 * 2025-06-30 in Asia/Tokyo, 5 bins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const ORDERS = "fixtures/rfm/orders.csv";
const BASE = ["rfm", "--orders", ORDERS, "--as-of", "2025-06-30", "--tz", "Asia/Tokyo"];
const IDS = Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`);
const tmp = tempDir("supportops-rfm-");
afterAll(() => tmp.cleanup());

interface JsonSection {
  id: string;
  rows: Array<{ cells: Record<string, unknown> }>;
  notes: Array<{ en: string }>;
  values?: Array<Array<number | null>>;
}
interface JsonReport {
  facts: Array<{ label: { en: string }; value: unknown }>;
  sections: JsonSection[];
  notes: Array<{ en: string }>;
}
type CustomerRecord = Record<string, string | number | null>;

let exportCount = 0;
/** Runs rfm with a JSON report and a JSON customer export; both parsed. */
function runJson(extra: string[]): { report: JsonReport; customers: CustomerRecord[] } {
  const file = join(tmp.dir, `customers-${exportCount++}.json`);
  const r = runBin([...BASE, ...extra, "--format", "json", "--customers", file]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return {
    report: JSON.parse(r.stdout) as JsonReport,
    customers: JSON.parse(readFileSync(file, "utf8")) as CustomerRecord[],
  };
}

function section(report: JsonReport, id: string): JsonSection {
  const s = report.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

/** A per-customer column in C01..C20 order. */
const col = (customers: CustomerRecord[], key: string) => customers.map((c) => c[key]);

describe("quantile mode (default)", () => {
  const { report, customers } = runJson([]);

  it("measures: recency on local days, frequency of distinct orders, the order after as-of ignored", () => {
    expect(col(customers, "customer_id")).toEqual(IDS);
    expect(col(customers, "recency_days")).toEqual([
      0, 3, 3, 10, 15, 20, 30, 30, 30, 45, 50, 60, 75, 90, 120, 150, 200, 250, 300, 400,
    ]);
    expect(col(customers, "frequency")).toEqual([6, 1, 2, 4, 1, 3, 1, 5, 1, 2, 1, 1, 3, 1, 8, 1, 2, 1, 1, 1]);
    // C01's two-line order A-0106 (6,000 + 4,000) counts once in frequency and in full in revenue.
    expect(col(customers, "revenue")).toEqual([
      60000, 3000, 8000, 20000, 4000, 6000, 3000, 30000, 4000, 9000, 2500, 15000, 18000, 6000, 80000, 1000,
      7000, 3000, 2000, 500,
    ]);
  });

  it("scores", () => {
    expect(col(customers, "r")).toEqual([5, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]);
    expect(col(customers, "f")).toEqual([5, 1, 3, 5, 1, 4, 1, 5, 1, 3, 1, 1, 4, 1, 5, 1, 3, 1, 1, 1]);
    expect(col(customers, "m")).toEqual([5, 2, 4, 5, 2, 3, 2, 5, 2, 4, 1, 4, 4, 3, 5, 1, 3, 2, 1, 1]);
    expect(customers[0]?.rfm).toBe("555");
  });

  it("thresholds are shown: bands per score and the cut points", () => {
    const t = section(report, "thresholds");
    const band = (measure: string, score: number) =>
      t.rows.find((r) => r.cells.measure_id === measure && r.cells.score === score)?.cells;
    expect(band("recency", 3)).toMatchObject({ customers: 6, min: 30, max: 60, rule: { en: "< 75, ≥ 30" } });
    expect(band("frequency", 2)).toMatchObject({ customers: 0, min: null, max: null });
    expect(band("frequency", 5)).toMatchObject({ customers: 4, min: 4, max: 8, rule: { en: "> 3" } });
    expect(band("monetary", 2)).toMatchObject({ customers: 5, min: 3000, max: 4000 });
    expect(t.notes[0]?.en).toContain("recency 200 / 75 / 30 / 15; frequency 1 / 1 / 2 / 3");
    expect(t.notes[0]?.en).toContain("monetary 2500 / 4000 / 7000 / 18000");
  });

  it("standard segments, and a summary row per segment including empty ones", () => {
    expect(col(customers, "segment")).toEqual([
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
    ]);
    const rows = section(report, "segments").rows;
    expect(rows).toHaveLength(12);
    // Loyal Customers = C03, C06, C08, C10: 8,000 + 6,000 + 30,000 + 9,000 over 2 + 3 + 5 + 2 orders.
    expect(rows[1]?.cells).toMatchObject({
      segment: { en: "Loyal Customers", ja: "ロイヤル顧客" },
      customers: 4,
      share: 0.2,
      revenue: 53000,
      mean_recency_days: 24.5,
      mean_frequency: 3,
      average_order_value: 53000 / 12,
    });
    expect(rows[3]?.cells).toMatchObject({ customers: 0, share: 0, mean_recency_days: null });
  });

  it("facts name the as-of date, zone and scoring", () => {
    const facts = Object.fromEntries(report.facts.map((f) => [f.label.en, f.value]));
    expect(facts["As of"]).toEqual({ en: "2025-06-30", ja: "2025-06-30" });
    expect(facts["Time zone"]).toBe("Asia/Tokyo");
    expect(facts.Customers).toBe("20");
  });
});

describe("rank mode", () => {
  const { report, customers } = runJson(["--tie-mode", "rank"]);

  it("NTILE scores with ties broken by customer id", () => {
    expect(col(customers, "r")).toEqual([5, 5, 5, 5, 4, 4, 3, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]);
    expect(col(customers, "f")).toEqual([5, 1, 3, 5, 1, 4, 1, 5, 1, 4, 2, 2, 4, 2, 5, 2, 4, 3, 3, 3]);
    expect(col(customers, "m")).toEqual([5, 2, 4, 5, 2, 3, 2, 5, 3, 4, 1, 4, 4, 3, 5, 1, 3, 2, 1, 1]);
  });

  it("thresholds show equal bands and no cut points", () => {
    const t = section(report, "thresholds");
    const frequency = t.rows.filter((r) => r.cells.measure_id === "frequency");
    expect(frequency.map((r) => r.cells.customers)).toEqual([4, 4, 4, 4, 4]);
    expect(frequency[0]?.cells.rule).toEqual({ en: "equal-count bin 1 of 5", ja: "5等分の1番目" });
    expect(t.notes[0]?.en).toMatch(/NTILE/);
  });
});

describe("schemes", () => {
  it("rfm-r (quantile): C12 and C14 match no rule of the package's table", () => {
    const { customers } = runJson(["--scheme", "rfm-r"]);
    const seg = Object.fromEntries(customers.map((c) => [c.customer_id, c.segment]));
    expect(seg).toMatchObject({
      C01: "champions",
      C07: "potential_loyalist",
      C12: "other",
      C14: "other",
      C16: "about_to_sleep",
      C17: "at_risk",
      C20: "lost",
    });
  });

  it("ja: the same segments in both tie modes, named in Japanese with --lang ja", () => {
    const expected = [
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
    ];
    for (const mode of ["quantile", "rank"]) {
      const { customers } = runJson(["--scheme", "ja", "--tie-mode", mode, "--lang", "ja"]);
      expect(col(customers, "segment")).toEqual(expected);
      expect(customers[0]?.segment_name).toBe("最重要顧客");
    }
  });

  it("--lang ja names the standard segments in Japanese in the table", () => {
    const r = runBin([...BASE, "--lang", "ja"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("チャンピオン顧客");
    expect(r.stdout).toContain("スコアの閾値");
    expect(r.stdout).not.toContain("Champions");
  });
});

describe("lifecycle, churn and heatmap", () => {
  const { report } = runJson(["--lifecycle", "--churn-period", "2025-04-01..2025-06-30", "--heatmap"]);

  it("lifecycle counts as of the date (30 / 90 / 180 days)", () => {
    const rows = section(report, "lifecycle").rows.map((r) => r.cells.customers);
    expect(rows).toEqual([5, 9, 2, 4]); // new, active, dormant, churned
  });

  it("churn from 2025-04-01 to 2025-06-30: 2 of the 10 customers at the start", () => {
    expect(section(report, "churn").rows[0]?.cells).toEqual({
      period_start: "2025-04-01",
      period_end: "2025-06-30",
      customers_at_start: 10,
      churned: 2,
      churn_rate: 0.2,
      retention: 0.8,
    });
  });

  it("R × F heatmap: rows R 5 → 1, columns F 1 → 5", () => {
    const counts = section(report, "rf_customers").values;
    const means = section(report, "rf_heatmap").values;
    expect(counts?.[2]).toEqual([4, 0, 1, 0, 1]); // R 3: C07 C09 C11 C12 | C10 | C08
    expect(means?.[2]?.[0]).toBe(6125); // (3,000 + 4,000 + 2,500 + 15,000) ÷ 4
    expect(means?.[0]?.[1]).toBeNull();
  });

  it("the terminal heatmap prints with --heatmap", () => {
    const r = runBin([...BASE, "--heatmap"]);
    expect(r.stdout).toContain("Mean monetary by R × F score");
    expect(r.stdout).toMatch(/R \\ F\s+1\s+2\s+3\s+4\s+5/);
  });
});

describe("defaults and errors", () => {
  it("without --as-of: the day after the latest order (A-0107, 2025-07-01 JST), said in the facts", () => {
    const r = runBin(["rfm", "--orders", ORDERS, "--tz", "Asia/Tokyo", "--format", "json"]);
    const facts = (JSON.parse(r.stdout) as JsonReport).facts;
    expect(facts[0]?.value).toEqual({
      en: "2025-07-02 (the day after the latest order)",
      ja: "2025-07-02（最終注文日の翌日）",
    });
  });

  it("bad bins and schemes are configuration errors (exit 2)", () => {
    const bins = runBin([...BASE, "--bins", "11"]);
    expect(bins.code).toBe(2);
    expect(bins.stderr).toContain("rfm.bins: expected a whole number from 3 to 10");
    const scheme = runBin([...BASE, "--scheme", "nope"]);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toMatch(/nope/);
  });

  it("usage errors: impossible date, JSON with cp932, unknown range", () => {
    expect(runBin([...BASE.slice(0, 3), "--as-of", "2025-02-30"]).code).toBe(2);
    expect(runBin([...BASE, "--format", "json", "--encoding", "cp932"]).code).toBe(2);
    const range = runBin([...BASE, "--churn-period", "someday"]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain("--churn-period");
  });

  it("no orders up to the as-of date is a data error (exit 65)", () => {
    const r = runBin(["rfm", "--orders", ORDERS, "--as-of", "2020-01-01"]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("no orders on or before the as-of date");
  });

  it("no store and no files: exit 2 naming how to get data", () => {
    const r = runBin(["rfm", "--db", join(tmp.dir, "missing.db")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no store at");
  });
});
