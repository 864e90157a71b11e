/**
 * `supportops kpi --format html` rendered in headless Chromium (Debian's `chromium`): the page the
 * browser builds shows the same rows and cells as the terminal table of the same run, and one
 * trend chart per row with a series. In CI a missing browser fails the test instead of skipping it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

const CANDIDATES = ["chromium", "chromium-browser"];
const chromium = CANDIDATES.find(
  (bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).error === undefined,
);
const env = process.env.CI;
const ci = env !== undefined && env !== "" && env !== "0" && env !== "false";

const dir = tempDir("supportops-kpi-html-");
afterAll(() => dir.cleanup());

function dumpDom(bin: string, url: string): string {
  const r = spawnSync(
    bin,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${join(dir.dir, "profile")}`,
      "--dump-dom",
      url,
    ],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
const TAG = /<[^>]+>/g;

/** Every table row in the DOM as its cells' text. */
function domRows(dom: string): string[][] {
  const rows: string[][] = [];
  for (const tr of dom.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...(tr[1] ?? "").matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      decodeEntities((c[1] ?? "").replace(TAG, "")).trim(),
    );
    rows.push(cells);
  }
  return rows;
}

/** Rows of every boxed table in the terminal output, without the Trend column. */
function terminalRows(text: string): string[][] {
  const rows: string[][] = [];
  let trendAt = -1;
  for (const line of text.split("\n")) {
    if (line.startsWith("┌")) trendAt = -1;
    if (!line.startsWith("│")) continue;
    const cells = line
      .split("│")
      .slice(1, -1)
      .map((c) => c.trim());
    if (trendAt < 0 && cells.includes("Trend")) trendAt = cells.indexOf("Trend");
    rows.push(trendAt >= 0 ? cells.filter((_, i) => i !== trendAt) : cells);
  }
  return rows;
}

describe("kpi HTML report in headless Chromium", () => {
  it.runIf(chromium !== undefined || ci)("shows what the table shows, with a trend chart per row", () => {
    expect(chromium, `install Debian's chromium (tried: ${CANDIDATES.join(", ")})`).toBeDefined();
    if (chromium === undefined) return;
    const args = [
      "--config",
      join(FIXTURES, "kpi-cli/supportops.config.yaml"),
      "kpi",
      "--tickets",
      join(FIXTURES, "kpi-cli/tickets.csv"),
      "--surveys",
      join(FIXTURES, "kpi-cli/surveys.csv"),
      "--as-of",
      "2025-01-08T10:00:00Z",
      "--by",
      "channel",
      "--period",
      "day",
      "--since",
      "2025-01-06..2025-01-08",
      "--metrics",
      "frt,sla.first_response,fcr,recontact,csat",
    ];
    const table = runBin(args);
    expect(table.code, table.stderr).toBe(0);
    const file = join(dir.dir, "kpi.html");
    const html = runBin([...args, "--format", "html", "--out", file]);
    expect(html.code, html.stderr).toBe(0);

    const dom = dumpDom(chromium, pathToFileURL(file).href);
    const shown = domRows(dom).map((r) => r.join(" | "));
    const expected = terminalRows(table.stdout);
    // 5 metric tables × (header + All + 4 channels)
    expect(expected.length).toBe(30);
    for (const row of expected) expect(shown).toContain(row.join(" | "));
    // The figures themselves, e.g. the All row's first response median over Mon–Wed (3150 s = 53m)
    expect(shown.some((r) => r.startsWith("All | 4 | 53m"))).toBe(true);
    // One line chart per row with a series: every row of the 5 tables
    expect(dom.match(/<svg[^>]*class="chart line-chart"/g)).toHaveLength(30 - 5);
    expect(dom).not.toMatch(/(?:src|href)="https?:/);
  });
});
