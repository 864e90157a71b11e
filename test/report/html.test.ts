import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/report/html.js";
import type { Report } from "../../src/report/model.js";
import { sampleReport } from "./sample-report.js";

describe("renderHtml", () => {
  it("is one self-contained file: no scripts, links or URLs except the SVG namespace", () => {
    const html = renderHtml(sampleReport(), { lang: "en" });
    const urls = html.match(/[a-z]+:\/\/[^"' )]+/gi) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it("sets the lang attribute and Japanese labels", () => {
    const html = renderHtml(sampleReport(), { lang: "ja" });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<th scope="col">指標</th>');
    expect(html).toContain("初回応答時間");
  });

  it("draws one line chart per series, a heatmap and bars", () => {
    const html = renderHtml(sampleReport(), { lang: "en" });
    expect(html.match(/class="chart line-chart"/g)).toHaveLength(2);
    expect(html.match(/class="chart heatmap"/g)).toHaveLength(1);
    expect(html.match(/class="chart bars"/g)).toHaveLength(1);
    // Heatmap: 9 cells, 8 with values, the maximum (100) in the darkest colour with light text.
    expect(html.match(/<rect class="cell"/g)).toHaveLength(9);
    expect(html).toContain('fill="#084594"/><text class="value on-dark"');
  });

  it("marks figures with their tone", () => {
    const html = renderHtml(sampleReport(), { lang: "en" });
    expect(html).toContain('<td class="num good">-12m</td>');
    expect(html).toContain('<td class="num bad">+5m</td>');
    expect(html).toContain('<td class="bad">missed (&gt;= 90%)</td>');
    expect(html).toContain('<td class="num">85.2% (81.0–88.9)</td>');
  });

  it("escapes text everywhere, including inside SVG", () => {
    const hostile = '<script>alert("x")</script>&';
    const report: Report = {
      title: { en: hostile, ja: hostile },
      facts: [{ label: { en: "a<b", ja: "a<b" }, value: hostile }],
      sections: [
        {
          type: "table",
          id: 'x"><b>',
          title: { en: hostile, ja: hostile },
          columns: [{ key: "name", label: { en: hostile, ja: hostile }, kind: "text" }],
          rows: [{ cells: { name: hostile }, series: { periods: [hostile, "p2"], values: [1, 2] } }],
          notes: [{ en: hostile, ja: hostile }],
        },
        {
          type: "bars",
          id: "b",
          title: { en: "b", ja: "b" },
          bars: [{ label: hostile, value: 1 }],
        },
      ],
    };
    const html = renderHtml(report, { lang: "en" });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;");
    expect(html).toContain('id="section-x&quot;&gt;&lt;b&gt;"');
  });
});
