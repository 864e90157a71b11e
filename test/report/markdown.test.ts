import { describe, expect, it } from "vitest";
import { escapeCell, renderMarkdown } from "../../src/report/markdown.js";
import type { Report } from "../../src/report/model.js";

describe("renderMarkdown", () => {
  it("prints a GitHub table with numeric columns right-aligned and pipes escaped", () => {
    const report: Report = {
      title: { en: "Reasons", ja: "問い合わせ種別" },
      facts: [{ label: { en: "As of", ja: "基準日" }, value: "2025-02-01" }],
      sections: [
        {
          type: "table",
          id: "reasons",
          title: { en: "Top reasons", ja: "上位の種別" },
          columns: [
            { key: "reason", label: { en: "Reason", ja: "種別" }, kind: "text" },
            { key: "share", label: { en: "Share", ja: "構成比" }, kind: "percent" },
          ],
          rows: [
            { cells: { reason: "billing | refund", share: 0.25 } },
            { cells: { reason: "login\nreset", share: 0.125 } },
          ],
          notes: [{ en: "Top 2 of 9.", ja: "9件中上位2件。" }],
        },
      ],
    };
    expect(renderMarkdown(report, { lang: "en" })).toBe(
      [
        "# Reasons",
        "",
        "- **As of:** 2025-02-01",
        "",
        "## Top reasons",
        "",
        "| Reason | Share |",
        "| :--- | ---: |",
        "| billing \\| refund | 25.0% |",
        "| login<br>reset | 12.5% |",
        "",
        "- Top 2 of 9.",
        "",
      ].join("\n"),
    );
    expect(renderMarkdown(report, { lang: "ja" })).toContain("| 種別 | 構成比 |");
  });

  it("escapes every pipe and line break", () => {
    expect(escapeCell("a|b|c\r\nd\re")).toBe("a\\|b\\|c<br>d<br>e");
  });
});
