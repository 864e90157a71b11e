import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/model.js";
import { renderTable } from "../../src/report/table.js";
import { sampleReport } from "./sample-report.js";

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });

const small: Report = {
  title: { en: "Response", ja: "応答" },
  sections: [
    {
      type: "table",
      id: "kpi",
      title: { en: "By channel", ja: "チャネル別" },
      columns: [
        { key: "channel", label: { en: "Channel", ja: "チャネル" }, kind: "text" },
        { key: "frt", label: { en: "FRT median", ja: "初回応答時間 中央値" }, kind: "duration" },
        { key: "csat", label: { en: "CSAT", ja: "顧客満足度" }, kind: "percent" },
      ],
      rows: [
        { cells: { channel: { en: "Email", ja: "メール" }, frt: 125, csat: 0.9 } },
        { cells: { channel: "Chat", frt: 3, csat: null } },
      ],
    },
  ],
};

/** Terminal columns a string takes: East Asian wide characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

describe("renderTable", () => {
  it("prints a small report exactly, numbers right-aligned", () => {
    expect(renderTable(small, { lang: "en", chalk: plain })).toBe(
      [
        "Response",
        "",
        "By channel",
        "┌─────────┬────────────┬───────┐",
        "│ Channel │ FRT median │  CSAT │",
        "├─────────┼────────────┼───────┤",
        "│ Email   │     2h 05m │ 90.0% │",
        "│ Chat    │         3m │     – │",
        "└─────────┴────────────┴───────┘",
        "",
      ].join("\n"),
    );
  });

  it("aligns Japanese labels by display width, not string length", () => {
    const out = renderTable(small, { lang: "ja", chalk: plain });
    const tableLines = out.split("\n").filter((l) => /^[┌│├└]/.test(l));
    expect(tableLines).toHaveLength(6);
    const widths = new Set(tableLines.map(displayWidth));
    expect(widths.size).toBe(1);
    expect(out).toContain("│ メール   │              2h 05m │      90.0% │");
  });

  it("prints no escape codes without colour", () => {
    const out = renderTable(sampleReport(), { lang: "en", chalk: plain });
    expect(out).not.toContain("\u001b[");
    expect(out).toContain("missed (>= 90%)");
  });

  it("colours deltas by their good direction and missed targets red", () => {
    const out = renderTable(sampleReport(), { lang: "en", chalk: coloured });
    // Duration delta with good = down: −12m is an improvement (green), +5m a deterioration (red).
    expect(out).toContain("\u001b[32m-12m\u001b[39m");
    expect(out).toContain("\u001b[31m+5m\u001b[39m");
    expect(out).toContain("\u001b[31mmissed (>= 90%)\u001b[39m");
    expect(out).toContain("\u001b[32mmet (p90 <= 60m)\u001b[39m");
  });

  it("adds a sparkline column for rows with series", () => {
    const out = renderTable(sampleReport(), { lang: "en", chalk: plain });
    // 70, 65, –, 50 minutes: max → █, 65 → round(15/20·7)=5 → ▆, gap, min → ▁.
    expect(out).toMatch(/│ Trend │/);
    expect(out).toContain("│ █▆ ▁  │");
  });

  it("prints heatmap numbers without colour and a legend with colour", () => {
    const heatmapOnly: Report = { title: small.title, sections: [sampleReport().sections[1]!] };
    const out = renderTable(heatmapOnly, { lang: "en", chalk: plain });
    expect(out).toContain(
      ["R \\ F    1     2     3", "3       10    20   100", "2        0     –    40"].join("\n"),
    );
    expect(out).not.toContain("Legend");
    const colouredOut = renderTable(heatmapOnly, { lang: "en", chalk: coloured });
    // 100 is the maximum: top bucket (red background); 0 the minimum: bottom bucket (blue).
    expect(colouredOut).toContain("\u001b[41m\u001b[97m 100 \u001b[39m\u001b[49m");
    expect(colouredOut).toContain("\u001b[44m\u001b[97m   0 \u001b[39m\u001b[49m");
    expect(colouredOut).toContain("Legend:");
  });
});
