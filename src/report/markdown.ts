import { formatCell, formatScalar, isNumericKind } from "./format.js";
import { UI } from "./labels.js";
import {
  type BarsSection,
  type HeatmapSection,
  type Label,
  type Lang,
  type Report,
  type TableSection,
  textOf,
} from "./model.js";
import { sparkline } from "./sparkline.js";

export interface MarkdownRenderOptions {
  lang: Lang;
}

const BAR_WIDTH = 20;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Makes text safe inside a GitHub table cell: pipes escaped, line breaks as <br>. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(LINE_BREAK, "<br>");
}

/** Headings and list items are one line each. */
function oneLine(text: string): string {
  return text.replace(LINE_BREAK, " ");
}

function gfmTable(head: string[], numeric: boolean[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = `| ${numeric.map((n) => (n ? "---:" : ":---")).join(" | ")} |`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

/** The report as GitHub-flavoured Markdown: headings, GFM tables and sparklines for series. */
export function renderMarkdown(report: Report, options: MarkdownRenderOptions): string {
  const { lang } = options;
  const blocks = [`# ${oneLine(textOf(report.title, lang))}`];
  if (report.facts && report.facts.length > 0) {
    blocks.push(
      report.facts
        .map((f) => `- **${oneLine(textOf(f.label, lang))}:** ${oneLine(textOf(f.value, lang))}`)
        .join("\n"),
    );
  }
  for (const section of report.sections) {
    blocks.push(`## ${oneLine(textOf(section.title, lang))}`);
    if (section.type === "table") blocks.push(tableSection(section, lang));
    else if (section.type === "heatmap") blocks.push(heatmapSection(section, lang));
    else blocks.push(barsSection(section, lang));
    const notes = noteList(section.notes, lang);
    if (notes) blocks.push(notes);
  }
  const notes = noteList(report.notes, lang);
  if (notes) blocks.push(notes);
  return `${blocks.join("\n\n")}\n`;
}

function noteList(notes: Label[] | undefined, lang: Lang): string | undefined {
  if (!notes || notes.length === 0) return undefined;
  return notes.map((n) => `- ${oneLine(textOf(n, lang))}`).join("\n");
}

function tableSection(section: TableSection, lang: Lang): string {
  const withTrend = section.rows.some((r) => r.series !== undefined);
  const head = section.columns.map((c) => textOf(c.label, lang));
  const numeric = section.columns.map((c) => isNumericKind(c.kind));
  if (withTrend) {
    head.push(UI.trend[lang]);
    numeric.push(false);
  }
  const rows = section.rows.map((row) => {
    const cells = section.columns.map((c) => formatCell(c, row.cells[c.key], lang).text);
    if (withTrend) cells.push(row.series ? sparkline(row.series.values) : "");
    return cells;
  });
  return gfmTable(head, numeric, rows);
}

function heatmapSection(section: HeatmapSection, lang: Lang): string {
  const kind = section.kind ?? "integer";
  const corner = `${textOf(section.rowAxis, lang)} \\ ${textOf(section.columnAxis, lang)}`;
  const rows = section.rowKeys.map((key, i) => [
    key,
    ...section.columnKeys.map((_, j) => formatScalar(section.values[i]?.[j] ?? null, kind)),
  ]);
  return gfmTable([corner, ...section.columnKeys], [false, ...section.columnKeys.map(() => true)], rows);
}

function barsSection(section: BarsSection, lang: Lang): string {
  let max = 0;
  for (const b of section.bars) if (b.value !== null && b.value > max) max = b.value;
  const rows = section.bars.map((b) => {
    const length = b.value !== null && max > 0 ? Math.round((Math.max(0, b.value) / max) * BAR_WIDTH) : 0;
    return [textOf(b.label, lang), formatScalar(b.value, section.kind ?? "number"), "█".repeat(length)];
  });
  return gfmTable([UI.item[lang], UI.value[lang], ""], [false, true, false], rows);
}
