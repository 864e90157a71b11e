/**
 * `supportops rfm --orders CDNOW_master.txt` against an independent computation in this file:
 * every customer's recency, frequency and monetary value, and their quantile and rank scores.
 * CDNOW rows have no order id: each row is one order (the import derives an id per row).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, SHARED_DATA, tempDir } from "../helpers/cli.js";

const MASTER = join(SHARED_DATA, "cdnow/CDNOW_master.txt");
const tmp = tempDir("supportops-rfm-cdnow-");
afterAll(() => tmp.cleanup());

interface Expected {
  ids: string[];
  recency: number[];
  frequency: number[];
  revenue: number[];
}

/** Days since 1970-01-01 of YYYYMMDD, by Date.UTC (the analysis uses its own calendar code). */
const dayOf = (yyyymmdd: string) =>
  Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) /
  86_400_000;

/** Per customer, from the raw text: last order day, rows, summed amounts; recency to `asOfDay`. */
function computeExpected(asOfDay: number): Expected {
  const byId = new Map<string, { last: number; n: number; sum: number }>();
  for (const line of readFileSync(MASTER, "utf8").split("\n")) {
    const [id, date, , amount] = line.trim().split(/\s+/);
    if (!id || !date || !/^\d{8}$/.test(date)) continue; // the header and the trailing empty line
    const e = byId.get(id) ?? { last: 0, n: 0, sum: 0 };
    e.last = Math.max(e.last, dayOf(date));
    e.n++;
    e.sum += Number(amount);
    byId.set(id, e);
  }
  const ids = [...byId.keys()].sort();
  return {
    ids,
    recency: ids.map((id) => asOfDay - (byId.get(id)?.last ?? 0)),
    frequency: ids.map((id) => byId.get(id)?.n ?? 0),
    revenue: ids.map((id) => byId.get(id)?.sum ?? 0),
  };
}

/** Quantile scores: cut j is the ceil(j·n/5)-th smallest "goodness"; score = 1 + cuts exceeded. */
function quantileScores(goodness: number[]): number[] {
  const sorted = [...goodness].sort((a, b) => a - b);
  const n = sorted.length;
  const cuts = [1, 2, 3, 4].map((j) => sorted[Math.ceil((j * n) / 5) - 1] as number);
  return goodness.map((g) => 1 + cuts.filter((c) => g > c).length);
}

/** NTILE(5) over (goodness, id): the first n mod 5 bins get one extra customer. */
function ntileScores(goodness: number[]): number[] {
  const n = goodness.length;
  const order = goodness
    .map((_, i) => i)
    .sort((a, b) => (goodness[a] as number) - (goodness[b] as number) || a - b);
  const scores = new Array<number>(n);
  const small = Math.floor(n / 5);
  const extra = n % 5;
  let p = 0;
  for (let bin = 1; bin <= 5; bin++) {
    const size = small + (bin <= extra ? 1 : 0);
    for (let k = 0; k < size; k++) scores[order[p++] as number] = bin;
  }
  return scores;
}

type Row = Record<string, number | string | null>;

function exportOf(mode: string): { customers: Row[]; stdout: string } {
  const file = join(tmp.dir, `cdnow-${mode}.json`);
  const r = runBin(["rfm", "--orders", MASTER, "--tie-mode", mode, "--format", "json", "--customers", file]);
  expect(r.code).toBe(0);
  return { customers: JSON.parse(readFileSync(file, "utf8")) as Row[], stdout: r.stdout };
}

describe.runIf(existsSync(MASTER))("CDNOW master through the CLI", () => {
  // Default as-of: the day after the latest order (1998-06-30), i.e. 1998-07-01.
  const expected = computeExpected(dayOf("19980701"));
  const quantile = exportOf("quantile");

  it("23,570 customers, as of 1998-07-01 by default", () => {
    expect(expected.ids).toHaveLength(23570);
    expect(quantile.customers.map((c) => c.customer_id)).toEqual(expected.ids);
    expect(quantile.stdout).toContain('"en": "1998-07-01 (the day after the latest order)"');
  });

  it("every customer's R, F and M measures", () => {
    expect(quantile.customers.map((c) => c.recency_days)).toEqual(expected.recency);
    expect(quantile.customers.map((c) => c.frequency)).toEqual(expected.frequency);
    const off = quantile.customers.filter(
      (c, i) => Math.abs((c.revenue as number) - (expected.revenue[i] as number)) > 0.006,
    );
    expect(off).toEqual([]);
  });

  it("spot checks: customer 00001 (one order of 11.77 on 1997-01-01) and the extremes", () => {
    expect(quantile.customers[0]).toMatchObject({
      customer_id: "00001",
      recency_days: 546,
      frequency: 1,
      revenue: 11.77,
    });
    // The most frequent buyer (checked with awk on the raw file): 14048, 217 rows, 8,976.33, last 1998-06-30.
    const top = quantile.customers.find((c) => c.customer_id === "14048");
    expect(top).toMatchObject({ recency_days: 1, frequency: 217, revenue: 8976.33, r: 5, f: 5, m: 5 });
  });

  it("quantile scores (ties together) for every customer", () => {
    const money = expected.revenue.map((v) => Math.round(v * 100) / 100);
    expect(quantile.customers.map((c) => c.r)).toEqual(quantileScores(expected.recency.map((d) => -d)));
    expect(quantile.customers.map((c) => c.f)).toEqual(quantileScores(expected.frequency));
    expect(quantile.customers.map((c) => c.m)).toEqual(quantileScores(money));
  });

  it("rank scores (NTILE by value, then id) for every customer", () => {
    const rank = exportOf("rank");
    expect(rank.customers.map((c) => c.r)).toEqual(ntileScores(expected.recency.map((d) => -d)));
    expect(rank.customers.map((c) => c.f)).toEqual(ntileScores(expected.frequency));
  });
});
