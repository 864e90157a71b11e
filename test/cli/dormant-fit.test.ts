/**
 * `supportops dormant --fit-report` on the CDNOW sample (2,357 customers) imported as orders:
 * the published BG/NBD fit (Fader, Hardie & Lee 2005), the holdout check per frequency bucket,
 * and the HTML chart. Runs the built binary (`npx tsc -p tsconfig.build.json` first).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runBin, SHARED_DATA, tempDir } from "../helpers/cli.js";

const SAMPLE = join(SHARED_DATA, "cdnow/CDNOW_sample.txt");
const SUMMARY = join(SHARED_DATA, "cdnow/cdnow_customers_summary.csv");

interface Section {
  id: string;
  type: string;
  rows?: Array<{ cells: Record<string, unknown> }>;
  bars?: Array<{ label: { en: string }; value: number }>;
}

let dir: string;
let cleanup: () => void;
let db: string;
/** The JSON fit report, produced once for the checks that read it. */
let json: CliResult;

const FIT = ["--fit-report", "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30"];

describe.runIf(existsSync(SAMPLE))("dormant --fit-report on CDNOW", () => {
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, "cdnow.db");
    const r = runBin(["--db", db, "import", "orders", SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    json = runBin(["--db", db, "dormant", ...FIT, "--format", "json"]);
  });
  afterAll(() => cleanup());

  it("reproduces the published parameters and log-likelihood (weeks)", () => {
    const r = json;
    expect(r.code, r.stderr).toBe(0);
    const sections = (JSON.parse(r.stdout) as { sections: Section[] }).sections;
    const params = Object.fromEntries(
      (sections.find((s) => s.id === "parameters")?.rows ?? []).map((row) => [
        row.cells.parameter,
        (row.cells.value as number).toFixed(3),
      ]),
    );
    expect(params).toEqual({ r: "0.243", alpha: "4.414", a: "0.793", b: "2.426" });
    const fit = sections.find((s) => s.id === "fit")?.rows?.[0]?.cells;
    const logLikelihood = fit?.log_likelihood as number;
    expect(logLikelihood.toFixed(1)).toBe("-9582.4");
    expect(fit?.customers).toBe(2357);
    expect(r.stderr).toContain("r = 0.243, alpha = 4.414, a = 0.793, b = 2.426");
  });

  it("buckets the holdout check by calibration frequency as in the published summary", () => {
    const sections = (JSON.parse(json.stdout) as { sections: Section[] }).sections;
    const rows = sections.find((s) => s.id === "holdout")?.rows ?? [];
    // Customers per bucket, counted independently from cdnow_customers_summary.csv (frequency).
    const expected = new Map<string, number>();
    for (const line of readFileSync(SUMMARY, "utf8").trim().split("\n").slice(1)) {
      const frequency = Number(line.split(",")[1]);
      const bucket = frequency >= 7 ? "7+" : String(frequency);
      expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
    }
    const buckets = rows.filter((row) => row.cells.bucket !== "all");
    expect(Object.fromEntries(buckets.map((row) => [row.cells.bucket, row.cells.customers]))).toEqual(
      Object.fromEntries(expected),
    );
    const all = rows.find((row) => row.cells.bucket === "all")?.cells;
    expect(all?.customers).toBe(2357);
    // Every prediction is a positive mean that grows with the calibration frequency.
    const predicted = buckets.map((row) => row.cells.predicted as number);
    expect(predicted.every((p, i) => p > 0 && (i === 0 || p > (predicted[i - 1] as number)))).toBe(true);
    // Actual = distinct (customer, day) pairs from 1997-10-01 to 1998-06-30, counted from the raw file.
    const days = new Set<string>();
    for (const line of readFileSync(SAMPLE, "utf8").trim().split("\n")) {
      const [, id, date] = line.trim().split(/\s+/);
      if (date !== undefined && date >= "19971001" && date <= "19980630") days.add(`${id} ${date}`);
    }
    expect(days.size).toBe(1882);
    expect((all?.actual as number) * 2357).toBeCloseTo(days.size, 6);
  });

  it("draws the holdout check as an HTML chart written to --out", () => {
    const out = join(dir, "fit.html");
    const r = runBin(["--db", db, "dormant", ...FIT, "--format", "html", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('id="section-holdout_chart"');
    expect(html).toMatch(/<svg[^>]*class="chart bars"/);
    expect(html).toContain("x = 7+: predicted");
  });

  it("refuses a holdout that ends before the calibration period", () => {
    const r = runBin([
      "--db",
      db,
      "dormant",
      "--fit-report",
      "--calibration-end",
      "1997-09-30",
      "--holdout-end",
      "1997-09-01",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--holdout-end 1997-09-01 must be after --calibration-end 1997-09-30");
  });
});
