import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { formatCell } from "../../src/report/format.js";
import { renderHtml } from "../../src/report/html.js";
import { escapeHtml } from "../../src/report/html-escape.js";
import type { TableSection } from "../../src/report/model.js";
import { tempDir } from "../helpers/cli.js";
import { sampleReport } from "./sample-report.js";

const CANDIDATES = ["chromium", "chromium-browser"];

function findChromium(): string | undefined {
  return CANDIDATES.find((bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).error === undefined);
}

const chromium = findChromium();
const ci =
  process.env.CI !== undefined &&
  process.env.CI !== "" &&
  process.env.CI !== "0" &&
  process.env.CI !== "false";

/** Headless, offline and without a profile shared with anything else. */
function runChromium(bin: string, profile: string, args: string[]): string {
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
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

describe("HTML report in headless Chromium", () => {
  // In CI a missing browser is a failure, not a reason to skip: the check must run there.
  it.runIf(chromium !== undefined || ci)("shows the table's figures and one SVG chart per series", () => {
    expect(chromium, `install Debian's chromium (tried: ${CANDIDATES.join(", ")})`).toBeDefined();
    if (chromium === undefined) return;
    const { dir, cleanup } = tempDir("supportops-html-");
    try {
      const report = sampleReport();
      const file = join(dir, "report.html");
      writeFileSync(file, renderHtml(report, { lang: "ja" }));
      const url = pathToFileURL(file).href;
      const dom = runChromium(chromium, join(dir, "profile"), ["--dump-dom", url]);

      const table = report.sections[0] as TableSection;
      for (const row of table.rows) {
        for (const column of table.columns) {
          const text = formatCell(column, row.cells[column.key], "ja").text;
          expect(dom).toContain(`>${escapeHtml(text)}</td>`);
        }
      }
      const seriesCount = table.rows.filter((r) => r.series !== undefined).length;
      expect(dom.match(/<svg[^>]*class="chart line-chart"/g)).toHaveLength(seriesCount);
      expect(dom.match(/<svg[^>]*class="chart heatmap"/g)).toHaveLength(1);
      expect(dom).toContain('<html lang="ja">');

      const png = join(dir, "shot.png");
      runChromium(chromium, join(dir, "profile"), ["--window-size=1000,1100", `--screenshot=${png}`, url]);
      expect(readFileSync(png).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
    } finally {
      cleanup();
    }
  });
});
