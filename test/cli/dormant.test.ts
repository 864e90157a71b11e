/**
 * `supportops dormant` through the CLI on the hand-computed fixture (fixtures/dormant/README.md):
 * fixed and cadence stages, output formats, flags and errors.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runMain, tempDir } from "../helpers/cli.js";

interface JsonReport {
  facts: Array<{ label: { en: string }; value: unknown }>;
  sections: Array<{ id: string; rows: Array<{ cells: Record<string, unknown> }> }>;
}

function alertRows(stdout: string): Array<Record<string, unknown>> {
  const report = JSON.parse(stdout) as JsonReport;
  return report.sections.find((s) => s.id === "alerts")?.rows.map((r) => r.cells) ?? [];
}

const stagesOf = (rows: Array<Record<string, unknown>>) =>
  Object.fromEntries(rows.map((r) => [r.customer_id, r.stage]));

let dir: string;
let cleanup: () => void;
/** The fixture as an importable orders export (the import needs an amount column). */
let ordersCsv: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const lines = readFileSync(join(FIXTURES, "dormant/orders.csv"), "utf8").trim().split("\n").slice(1);
  ordersCsv = join(dir, "orders.csv");
  writeFileSync(
    ordersCsv,
    `order_id,customer_id,ordered_at,amount\n${lines.map((l, i) => `O${i + 1},${l},1000`).join("\n")}\n`,
  );
});
afterAll(() => cleanup());

const fixtureArgs = () => ["dormant", "--orders", ordersCsv, "--as-of", "2025-06-30", "--dry-run"];

describe("dormant --method fixed on the fixture", () => {
  it("reaches the stages worked out by hand", async () => {
    const r = await runMain([...fixtureArgs(), "--method", "fixed", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = alertRows(r.stdout);
    expect(stagesOf(rows)).toEqual({
      B: "watch",
      C: "intervene",
      D: "dormant_risk",
      E: "dormant",
      F: "dormant",
      G: "watch",
      H: "dormant_risk",
      K: "dormant_risk",
    });
    const g = rows.find((row) => row.customer_id === "G");
    expect(g).toMatchObject({
      method: "fixed",
      last_order_date: "2025-05-21",
      days_since: 40,
      orders: 3,
      median_gap_days: 10,
      p_alive: null,
      expected_30: null,
    });
    // K's order on 07-05 is after the as-of day and does not count.
    expect(rows.find((row) => row.customer_id === "K")).toMatchObject({ orders: 1, days_since: 60 });
    const c = rows.find((row) => row.customer_id === "C");
    expect(c?.reason).toEqual({
      en: "Last order 45 days ago (2025-05-16), past the 45-day intervene mark.",
      ja: "最終注文（2025-05-16）から45日が経過し、45日の「要フォロー」基準に達しました。",
    });
    expect(c?.action).toEqual({
      en: "Send a reminder and a comeback offer before day 60.",
      ja: "60日を迎える前にリマインドと復帰特典を送る。",
    });
    expect(r.stderr).toContain("11 customers scored, 8 at a stage, 8 new alerts");
    expect(r.stderr).toContain("dry run: nothing recorded");
  });

  it("fills the RFM segment column from the rfm settings, and leaves it empty with --no-rfm", async () => {
    const withRfm = alertRows((await runMain([...fixtureArgs(), "--format", "json"])).stdout);
    // E by hand (11 customers, 5 bins, quantile cuts at the 3rd, 5th, 7th, 9th smallest): recency
    // 90 days is below every cut (−60, −60, −40, −20) → R 1; one order of 1,000 against cuts
    // (1, 1, 1, 3) orders and (1000, 1000, 1000, 3000) → F 1, M 1; the standard scheme's first
    // rule for R 1 and FM 1 is Lost.
    expect(withRfm.find((row) => row.customer_id === "E")?.rfm_segment).toEqual({
      en: "Lost",
      ja: "離反顧客",
    });
    const without = alertRows((await runMain([...fixtureArgs(), "--format", "json", "--no-rfm"])).stdout);
    expect(without.every((row) => row.rfm_segment === null)).toBe(true);
  });
});

describe("dormant --method cadence on the fixture", () => {
  it("writes the hand-computed stages as CP932 CSV with Japanese labels", async () => {
    const out = join(dir, "cadence.csv");
    const r = await runMain([
      ...fixtureArgs(),
      "--method",
      "cadence",
      "--format",
      "csv",
      "--encoding",
      "cp932",
      "--lang",
      "ja",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const records = parse(iconv.decode(readFileSync(out), "cp932"), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(Object.fromEntries(records.map((x) => [x.顧客ID, x.ステージ]))).toEqual({
      A: "dormant_risk",
      B: "dormant",
      C: "dormant",
      D: "dormant",
      E: "dormant",
      F: "dormant",
      G: "dormant_risk",
      I: "intervene",
      J: "dormant",
      K: "dormant",
    });
    const a = records.find((x) => x.顧客ID === "A");
    expect(a?.理由).toBe(
      "注文は1回のみで20日が経過し、全体の2回目注文までの中央値（6日）の3.33倍です（「休眠予備軍」は3.0倍超）。",
    );
    expect(a?.ステージ名).toBe("休眠予備軍");
    const i = records.find((x) => x.顧客ID === "I");
    expect(i?.["注文間隔の中央値（日）"]).toBe("6");
    expect(i?.経過日数).toBe("17");
  });
});

describe("dormant flags", () => {
  it("--fail-on-alerts exits 1 when there are alerts and 0 when there are none", async () => {
    const alerts = await runMain([...fixtureArgs(), "--fail-on-alerts", "--format", "json"]);
    expect(alerts.code).toBe(1);
    // On 2025-01-15 only H has ordered (2025-01-01, 14 days before): nobody reaches a stage.
    const none = await runMain([
      "dormant",
      "--orders",
      ordersCsv,
      "--as-of",
      "2025-01-15",
      "--dry-run",
      "--fail-on-alerts",
      "--format",
      "json",
    ]);
    expect(none.code, none.stderr).toBe(0);
    expect(alertRows(none.stdout)).toEqual([]);
  });

  it("records nothing for files given with --orders, dry run or not", async () => {
    const r = await runMain(["dormant", "--orders", ordersCsv, "--as-of", "2025-06-30", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("8 new alerts");
    expect(r.stderr).toContain("files given with --orders: nothing recorded");
  });

  it("refuses a malformed --as-of and misplaced holdout flags (exit 2)", async () => {
    const bad = await runMain([...fixtureArgs().slice(0, 3), "--as-of", "2025-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of 2025-02-30: expected a date as YYYY-MM-DD");
    const holdout = await runMain([...fixtureArgs(), "--holdout-end", "2025-06-30"]);
    expect(holdout.code).toBe(2);
    expect(holdout.stderr).toContain("belong to --fit-report");
  });

  it("reports a configuration error in the stage ladder as exit 2 naming the key", async () => {
    const config = join(dir, "bad-stages.yaml");
    writeFileSync(
      config,
      "dormant:\n  stages:\n    - { name: watch, days: 30 }\n    - { name: nudge, days: 30 }\n",
    );
    const r = await runMain(["--config", config, ...fixtureArgs()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("dormant.stages");
  });

  it("bgnbd without repeat buyers is a data error (65); auto warns and goes on without it", async () => {
    const once = join(dir, "once.csv");
    writeFileSync(once, "order_id,customer_id,ordered_at,amount\n1,A,2025-01-01,10\n2,B,2025-02-01,10\n");
    const bgnbd = await runMain(["dormant", "--orders", once, "--method", "bgnbd", "--as-of", "2025-06-30"]);
    expect(bgnbd.code).toBe(65);
    expect(bgnbd.stderr).toContain("none of the 2 customers ordered on a second day");
    const auto = await runMain([
      "dormant",
      "--orders",
      once,
      "--method",
      "auto",
      "--as-of",
      "2025-06-30",
      "--format",
      "json",
    ]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain("auto runs without BG/NBD");
    // Nobody ordered twice, so there is no cohort cadence: only the fixed rule speaks.
    expect(stagesOf(alertRows(auto.stdout))).toEqual({ A: "dormant", B: "dormant" });
  });

  it("a degenerate BG/NBD fit fails bgnbd (65) but auto goes on with its other rules and says why", async () => {
    // 20 customers, few repeat buyers: the fit runs to a parameter boundary.
    const small = join(FIXTURES, "rfm/orders.csv");
    const bgnbd = await runMain(["dormant", "--orders", small, "--method", "bgnbd", "--tz", "Asia/Tokyo"]);
    expect(bgnbd.code).toBe(65);
    expect(bgnbd.stderr).toMatch(/BG\/NBD fit failed: .*boundary/);
    const auto = await runMain([
      "dormant",
      "--orders",
      small,
      "--method",
      "auto",
      "--tz",
      "Asia/Tokyo",
      "--format",
      "json",
    ]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toMatch(/auto runs without BG\/NBD: BG\/NBD fit failed/);
    const rows = alertRows(auto.stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.method !== "bgnbd")).toBe(true);
  });
});
