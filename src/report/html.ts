import { formatCell, isNumericKind } from "./format.js";
import { escapeHtml } from "./html-escape.js";
import { UI } from "./labels.js";
import { type Label, type Lang, type Report, type TableSection, textOf } from "./model.js";
import { barsChart, heatmapChart, lineChart } from "./svg.js";

export interface HtmlRenderOptions {
  lang: Lang;
}

/**
 * Light theme, system fonts only (no web fonts: the file must open offline), and print rules that
 * keep charts whole and their colours printed.
 */
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1f2328;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP", "Noto Sans JP", Meiryo, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 8px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; color: #59636e; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.good { color: #1a7f37; }
.bad { color: #cf222e; font-weight: 600; }
.missing { color: #8c959f; }
ul.notes { color: #59636e; font-size: 0.92em; padding-left: 20px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
figure { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; }
figcaption { font-weight: 600; font-size: 0.95em; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.line-chart { width: 100%; }
svg text { font: inherit; font-size: 12px; fill: #59636e; }
svg .axis { stroke: #8c959f; stroke-width: 1; }
svg .line { fill: none; stroke: #0969da; stroke-width: 2; }
svg .dots circle { fill: #0969da; }
svg .bar { fill: #0969da; }
svg .cell { stroke: #ffffff; stroke-width: 2; }
svg text.value { font-size: 13px; font-variant-numeric: tabular-nums; fill: #1f2328; }
svg text.value.on-dark { fill: #ffffff; }
svg text.axis-title { font-weight: 600; fill: #1f2328; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  figure, table, svg { break-inside: avoid; }
  h2 { break-after: avoid; }
}
@page { margin: 12mm; }
`;

/** One self-contained HTML file: tables, inline SVG charts, no scripts and no network. */
export function renderHtml(report: Report, options: HtmlRenderOptions): string {
  const { lang } = options;
  const title = escapeHtml(textOf(report.title, lang));
  const body: string[] = [`<h1>${title}</h1>`];
  if (report.facts && report.facts.length > 0) {
    body.push(
      `<dl class="facts">${report.facts
        .map(
          (f) => `<dt>${escapeHtml(textOf(f.label, lang))}</dt><dd>${escapeHtml(textOf(f.value, lang))}</dd>`,
        )
        .join("")}</dl>`,
    );
  }
  for (const section of report.sections) {
    const parts = [`<h2>${escapeHtml(textOf(section.title, lang))}</h2>`];
    if (section.type === "table") parts.push(...tableSection(section, lang));
    else if (section.type === "heatmap") parts.push(`<figure>${heatmapChart(section, lang)}</figure>`);
    else parts.push(`<figure>${barsChart(section, lang)}</figure>`);
    parts.push(noteList(section.notes, lang));
    body.push(
      `<section id="${escapeHtml(`section-${section.id}`)}" data-type="${section.type}">${parts.join("")}</section>`,
    );
  }
  body.push(noteList(report.notes, lang));
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<main>${body.join("\n")}</main>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function noteList(notes: Label[] | undefined, lang: Lang): string {
  if (!notes || notes.length === 0) return "";
  return `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(textOf(n, lang))}</li>`).join("")}</ul>`;
}

function tableSection(section: TableSection, lang: Lang): string[] {
  const head = section.columns
    .map(
      (c) =>
        `<th scope="col"${isNumericKind(c.kind) ? ' class="num"' : ""}>${escapeHtml(textOf(c.label, lang))}</th>`,
    )
    .join("");
  const rows = section.rows.map((row) => {
    const cells = section.columns.map((c) => {
      const cell = formatCell(c, row.cells[c.key], lang);
      const classes = [
        isNumericKind(c.kind) ? "num" : "",
        cell.tone === "neutral" ? "" : cell.tone,
        row.cells[c.key] === null || row.cells[c.key] === undefined ? "missing" : "",
      ].filter((k) => k !== "");
      const cls = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
      // A text cell holding a web address (drill-down links) is a link; nothing else is.
      const text = escapeHtml(cell.text);
      const linked =
        c.kind === "text" && /^https?:\/\/\S+$/.test(cell.text) ? `<a href="${text}">${text}</a>` : text;
      return `<td${cls}>${linked}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const parts = [`<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`];
  const charts = section.rows.flatMap((row) => {
    if (!row.series) return [];
    const first = section.columns[0];
    const name = first ? formatCell(first, row.cells[first.key], lang).text : UI.trend[lang];
    return [`<figure><figcaption>${escapeHtml(name)}</figcaption>${lineChart(row.series, name)}</figure>`];
  });
  if (charts.length > 0) parts.push(`<div class="charts">${charts.join("")}</div>`);
  return parts;
}
