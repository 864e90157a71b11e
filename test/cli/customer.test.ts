/** `supportops customer ID`: the single customer view over a store built from fixtures/rfm/support. */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

const DIR = join(FIXTURES, "rfm/support");
const tmp = tempDir("supportops-customer-");
const db = join(tmp.dir, "store.db");
afterAll(() => tmp.cleanup());

/** Runs from the fixture folder (its config: Asia/Tokyo, scheme "repeat") against the temp store. */
const run = (args: string[]) => runBin(["--db", db, ...args], { cwd: DIR });

beforeAll(() => {
  for (const kind of ["orders", "tickets", "surveys"]) {
    expect(run(["import", kind, `${kind}.csv`]).code).toBe(0);
  }
});

interface View {
  customer_id: string;
  as_of: string;
  rfm: Record<string, unknown> | null;
  dormancy_stage: string | null;
  support: Record<string, unknown>;
  orders: Array<Record<string, unknown>>;
  tickets: Array<Record<string, unknown>>;
  surveys: Array<Record<string, unknown>>;
}

function view(id: string): View {
  const r = run(["customer", id, "--as-of", "2025-06-30", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as View;
}

describe("customer --json", () => {
  it("S1: scores among all five customers, segment, lifecycle and support figures", () => {
    const v = view("S1");
    expect(v.customer_id).toBe("S1");
    expect(v.as_of).toBe("2025-06-30");
    // Last order 06-28 (2 days), 3 orders, 20,000: R4 F5 M5 of 5 customers (fixtures/rfm/support/README.md).
    expect(v.rfm).toMatchObject({
      recency_days: 2,
      frequency: 3,
      revenue: 20000,
      r: 4,
      f: 5,
      m: 5,
      rfm: "455",
      segment: "Repeat",
      segment_name: "Repeat",
      lifecycle: "new",
    });
    expect(v.support).toEqual({
      tickets: 3,
      recontact_base: 3,
      recontacted: 1,
      recontact_rate: 1 / 3,
      csat_rated: 3,
      csat: 2 / 3,
    });
  });

  it("lists orders, tickets and survey answers (by the customer or about their tickets) in local time", () => {
    const v = view("S1");
    expect(v.orders.map((o) => [o.order_id, o.ordered_at, o.amount, o.coupon_used])).toEqual([
      ["O1", "2025-06-01T10:00:00+09:00", 10000, false],
      ["O2", "2025-06-15T10:00:00+09:00", 5000, false],
      ["O3", "2025-06-28T10:00:00+09:00", 5000, true],
    ]);
    expect(v.tickets.map((t) => [t.ticket_id, t.reason, t.status])).toEqual([
      ["T1", "billing", "solved"],
      ["T2", "billing", "solved"],
      ["T3", "billing", "solved"],
    ]);
    expect(v.surveys.map((s) => [s.response_id, s.kind, s.score])).toEqual([
      ["R1", "csat", 5],
      ["R2", "csat", 2],
      ["R3", "csat", 4],
      ["R7", "csat", 5],
    ]);
  });

  it("an answer naming another customer but one of S3's tickets belongs to S3", () => {
    expect(view("S3").surveys.map((s) => s.response_id)).toEqual(["R4"]);
  });

  it("dormancy stage: none, then the latest open alert once dormant_alerts holds one", () => {
    expect(view("S5").dormancy_stage).toBeNull();
    const store = new Database(db);
    const insert = store.prepare(
      `INSERT INTO dormant_alerts (customer_id, stage, method, last_order_day, last_order_date, as_of_day,
         as_of, alerted_at, cleared_at) VALUES ('S5', ?, 'fixed', 20103, '2025-01-15', ?, ?, 0, NULL)`,
    );
    insert.run("watch", 20150, "2025-03-03");
    insert.run("dormant_risk", 20180, "2025-04-02");
    store.close();
    expect(view("S5").dormancy_stage).toBe("dormant_risk");
  });
});

describe("customer (table) and errors", () => {
  it("prints one screen with scores, segment and the three lists", () => {
    const r = run(["customer", "S1", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Customer S1");
    expect(r.stdout).toContain("R / F / M scores: 4 / 5 / 5 (455)");
    expect(r.stdout).toContain("Tickets / re-contact / CSAT: 3 / 33.3% / 66.7%");
    for (const id of ["O3", "T2", "R7"]) expect(r.stdout).toContain(id);
  });

  it("Japanese labels with --lang ja", () => {
    const r = run(["--lang", "ja", "customer", "S1", "--as-of", "2025-06-30"]);
    expect(r.stdout).toContain("顧客 S1");
    expect(r.stdout).toContain("ライフサイクル: 新規");
  });

  it("an unknown customer is a usage error (exit 2)", () => {
    const r = run(["customer", "nobody"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no customer "nobody"');
  });
});
