/**
 * `--with-support` on the hand-made fixture in fixtures/rfm/support (README there has the
 * arithmetic): per-segment tickets per customer, re-contact rate and CSAT, and the same per customer.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

const DIR = join(FIXTURES, "rfm/support");
const tmp = tempDir("supportops-rfm-support-");
afterAll(() => tmp.cleanup());

describe("rfm --with-support over --orders, --tickets and --surveys files", () => {
  const exportFile = join(tmp.dir, "customers.json");
  // Run from the fixture folder so its supportops.config.yaml (scheme "repeat") is found.
  const r = runBin(
    [
      "rfm",
      ...["--orders", "orders.csv", "--tickets", "tickets.csv", "--surveys", "surveys.csv"],
      ...["--as-of", "2025-06-30", "--with-support", "--format", "json", "--customers", exportFile],
    ],
    { cwd: DIR },
  );

  it("runs", () => {
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.code).toBe(0);
  });

  it("per segment: tickets per customer, re-contact rate, CSAT", () => {
    const report = JSON.parse(r.stdout) as {
      sections: Array<{ id: string; rows: Array<{ cells: Record<string, unknown> }> }>;
    };
    const rows = report.sections.find((s) => s.id === "segments")?.rows.map((x) => x.cells);
    expect(rows?.[0]).toMatchObject({
      segment: { en: "Repeat", ja: "Repeat" },
      customers: 2,
      tickets_per_customer: 3,
      recontact_rate: 2 / 6,
      csat: 0.5,
    });
    expect(rows?.[1]).toMatchObject({
      segment: { en: "Other", ja: "その他" },
      customers: 3,
      tickets_per_customer: 2 / 3,
      recontact_rate: null,
      csat: 1,
    });
  });

  it("per customer: the same columns in the export", () => {
    const customers = JSON.parse(readFileSync(exportFile, "utf8")) as Record<string, unknown>[];
    const pick = (c: Record<string, unknown>) => [
      c.customer_id,
      c.segment,
      c.tickets,
      c.recontact_base,
      c.recontacted,
      c.csat_rated,
      c.csat_positive,
    ];
    expect(customers.map(pick)).toEqual([
      ["S1", "Repeat", 3, 3, 1, 3, 2],
      ["S2", "other", 2, 0, 0, 0, 0],
      ["S3", "Repeat", 3, 3, 1, 1, 0],
      ["S4", "other", 0, 0, 0, 1, 1],
      ["S5", "other", 0, 0, 0, 0, 0],
    ]);
    expect(customers[0]).toMatchObject({ recontact_rate: 0.3333, csat: 0.6667 });
    expect(customers[1]).toMatchObject({ recontact_rate: null, csat: null });
  });

  it("a 3-day window from the config: no re-contacts (T1 → T2 took 4 days), and T4's window closes", () => {
    const config = join(tmp.dir, "short-window.yaml");
    writeFileSync(
      config,
      `${readFileSync(join(DIR, "supportops.config.yaml"), "utf8")}kpi:\n  recontact_window_days: 3\n`,
    );
    const short = runBin(
      ["rfm", "--config", config, "--orders", "orders.csv", "--tickets", "tickets.csv"].concat([
        "--as-of",
        "2025-06-30",
        "--with-support",
        "--format",
        "json",
      ]),
      { cwd: DIR },
    );
    expect(short.code).toBe(0);
    const rows = (
      JSON.parse(short.stdout) as {
        sections: Array<{ id: string; rows: Array<{ cells: Record<string, unknown> }> }>;
      }
    ).sections
      .find((s) => s.id === "segments")
      ?.rows.map((x) => x.cells.recontact_rate);
    // Repeat: 0 of 6; Other: S2's T4 (solved 06-25, window to 06-28) now counts, 0 of 1.
    expect(rows).toEqual([0, 0]);
  });
});
