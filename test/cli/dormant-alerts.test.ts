/**
 * The alert state machine end to end through the CLI and a store file: successive `--as-of` runs
 * alert once per stage, a purchase imported later clears the customer, a later stage alerts
 * again; `--dry-run` records nothing, `--all` shows the current state, an earlier as-of is refused.
 *
 * Hand-worked timeline (fixed method, marks 30/45/60/90 days):
 *   X orders 2025-01-01; Y orders 2025-01-01 and 2025-01-11.
 *   02-05: X 35 days → watch (new).           Y 25 → none.
 *   02-10: X 40 → watch (already alerted).    Y 30 → watch (new).
 *   02-20: X 50 → intervene (new, later stage). Y 40 → watch (quiet).
 *   X orders again on 2025-02-25 (imported now).
 *   03-01: X 4 → none: cleared.               Y 49 → intervene (new).
 *   04-01: X 35 → watch (new episode).        Y 80 → dormant_risk (new).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runMain, tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
let db: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
});
afterAll(() => cleanup());

async function importOrders(name: string, rows: string[]): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, `order_id,customer_id,ordered_at,amount\n${rows.join("\n")}\n`);
  const r = await runMain(["--db", db, "import", "orders", file]);
  expect(r.code, r.stderr).toBe(0);
}

async function dormant(asOf: string, ...extra: string[]): Promise<CliResult> {
  return runMain(["--db", db, "dormant", "--as-of", asOf, "--format", "json", "--no-rfm", ...extra]);
}

/** customer → stage of the output rows. */
function alerts(r: CliResult): Record<string, string> {
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as {
    sections: Array<{ id: string; rows: Array<{ cells: { customer_id: string; stage: string } }> }>;
  };
  const rows = report.sections.find((s) => s.id === "alerts")?.rows ?? [];
  return Object.fromEntries(rows.map((row) => [row.cells.customer_id, row.cells.stage]));
}

function openAlerts(): Array<{ customer_id: string; stage: string; last_order_date: string; as_of: string }> {
  const store = new Database(db, { readonly: true });
  try {
    return store
      .prepare(
        "SELECT customer_id, stage, last_order_date, as_of FROM dormant_alerts WHERE cleared_at IS NULL ORDER BY alert_id",
      )
      .all() as Array<{ customer_id: string; stage: string; last_order_date: string; as_of: string }>;
  } finally {
    store.close();
  }
}

describe("dormant alerts across runs", () => {
  it("alerts once per stage, clears on a new order, and alerts again in the new episode", async () => {
    await importOrders("first.csv", ["1,X,2025-01-01,10", "2,Y,2025-01-01,10", "3,Y,2025-01-11,10"]);

    // A dry run shows the alert but records nothing: the real run shows it again.
    expect(alerts(await dormant("2025-02-05", "--dry-run"))).toEqual({ X: "watch" });
    const first = await dormant("2025-02-05");
    expect(alerts(first)).toEqual({ X: "watch" });
    expect(first.stderr).toContain("1 new alert (watch 1), 0 cleared by a new order; recorded in the store");
    expect(alerts(await dormant("2025-02-05"))).toEqual({});

    expect(alerts(await dormant("2025-02-10"))).toEqual({ Y: "watch" });
    expect(alerts(await dormant("2025-02-20"))).toEqual({ X: "intervene" });
    // --all: the current state, already alerted or not.
    expect(alerts(await dormant("2025-02-20", "--all", "--dry-run"))).toEqual({ X: "intervene", Y: "watch" });

    await importOrders("second.csv", ["4,X,2025-02-25,10"]);
    const cleared = await dormant("2025-03-01");
    expect(alerts(cleared)).toEqual({ Y: "intervene" });
    expect(cleared.stderr).toContain("1 cleared by a new order");
    expect(openAlerts().map((a) => `${a.customer_id} ${a.stage}`)).toEqual(["Y watch", "Y intervene"]);

    const later = await dormant("2025-04-01", "--fail-on-alerts");
    expect(later.code).toBe(1);
    expect(alerts({ ...later, code: 0 })).toEqual({ X: "watch", Y: "dormant_risk" });
    expect(openAlerts()).toContainEqual({
      customer_id: "X",
      stage: "watch",
      last_order_date: "2025-02-25",
      as_of: "2025-04-01",
    });

    // A rerun on the same day finds nothing new, so cron can retry safely.
    const rerun = await dormant("2025-04-01", "--fail-on-alerts");
    expect(rerun.code).toBe(0);
    expect(alerts(rerun)).toEqual({});
  });

  it("refuses an as-of earlier than the recorded runs, except for --all --dry-run", async () => {
    const earlier = await dormant("2025-03-15");
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain(
      "--as-of 2025-03-15 is earlier than the latest recorded dormant run (2025-04-01)",
    );
    // X: 18 days after the 02-25 order; Y: 63 days after 01-11.
    expect(alerts(await dormant("2025-03-15", "--all", "--dry-run"))).toEqual({ Y: "dormant_risk" });
  });

  it("defaults the as-of day to the day after the latest order", async () => {
    const store = await runMain([
      "--db",
      db,
      "dormant",
      "--all",
      "--dry-run",
      "--format",
      "json",
      "--no-rfm",
    ]);
    expect(store.code, store.stderr).toBe(0);
    const report = JSON.parse(store.stdout) as { facts: Array<{ label: { en: string }; value: string }> };
    expect(report.facts.find((f) => f.label.en === "As of")?.value).toBe("2025-02-26");
  });
});
