import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

/** kpi --by segment groups tickets by their customer's RFM segment, as `supportops rfm` assigns it. */
describe("supportops kpi --by segment", () => {
  const { dir, cleanup } = tempDir();
  const db = join(dir, "store.db");
  const support = join(FIXTURES, "rfm/support");
  const cli = (args: string[]) => runBin([...args, "--db", db, "--tz", "Asia/Tokyo"], { cwd: dir });
  beforeAll(() => {
    for (const kind of ["orders", "tickets"]) {
      expect(cli(["import", kind, join(support, `${kind}.csv`), "-q"]).code).toBe(0);
    }
  });
  afterAll(() => cleanup());

  it("counts each segment's tickets", () => {
    const r = cli(["kpi", "--by", "segment", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const groups = (
      JSON.parse(r.stdout) as { groups: Array<{ key: { segment: string }; figures: { volume: number } }> }
    ).groups;
    const kpiVolume = Object.fromEntries(groups.map((g) => [g.key.segment, g.figures.volume]));

    // Independently: the segment of each customer from `supportops rfm`, and the tickets per customer.
    const customers = join(dir, "customers.json");
    expect(cli(["rfm", "--as-of", "2025-07-05", "--customers", customers]).code).toBe(0);
    const segmentOf = new Map(
      (
        JSON.parse(readFileSync(customers, "utf8")) as Array<{ customer_id: string; segment_name: string }>
      ).map((c) => [c.customer_id, c.segment_name]),
    );
    const tickets = parse(readFileSync(join(support, "tickets.csv")), { columns: true }) as Array<{
      customer_id: string;
    }>;
    const expected: Record<string, number> = {};
    for (const t of tickets) {
      const s = segmentOf.get(t.customer_id);
      if (s) expected[s] = (expected[s] ?? 0) + 1;
    }
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(kpiVolume).toMatchObject(expected);
  });

  it("names the segments in Japanese with --lang ja", () => {
    const r = cli(["kpi", "--by", "segment", "--metrics", "volume", "--lang", "ja"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/顧客セグメント/);
    expect(r.stdout).not.toMatch(/Loyal Customers/);
  });
});
