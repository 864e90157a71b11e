import type { ChalkInstance } from "chalk";
import { type FormattedCell, formatCell, formatScalar, isNumericKind, type Tone } from "./format.js";
import { UI } from "./labels.js";
import { type BarsSection, type Label, type Lang, type Report, type TableSection, textOf } from "./model.js";
import { sparkline } from "./sparkline.js";
import { type Align, boxedTable, plainGrid } from "./terminal-grid.js";
import { renderTerminalHeatmap } from "./terminal-heatmap.js";

export interface TableRenderOptions {
  lang: Lang;
  /** Colour comes only from this instance: `new Chalk({ level: 0 })` prints none. */
  chalk: ChalkInstance;
}

const BAR_WIDTH = 30;

/** The report for a terminal: boxed tables, sparklines for series, heatmaps and bars. */
export function renderTable(report: Report, options: TableRenderOptions): string {
  const { lang, chalk } = options;
  const blocks: string[] = [];
  const head = [chalk.bold(textOf(report.title, lang))];
  for (const fact of report.facts ?? [])
    head.push(`${textOf(fact.label, lang)}: ${textOf(fact.value, lang)}`);
  blocks.push(head.join("\n"));
  for (const section of report.sections) {
    let body: string;
    if (section.type === "table") body = renderTableSection(section, options);
    else if (section.type === "heatmap") body = renderTerminalHeatmap(section, lang, chalk);
    else body = renderBars(section, lang);
    blocks.push(
      [chalk.bold(textOf(section.title, lang)), body, ...noteLines(section.notes, lang)].join("\n"),
    );
  }
  const tail = noteLines(report.notes, lang);
  if (tail.length > 0) blocks.push(tail.join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

function noteLines(notes: Label[] | undefined, lang: Lang): string[] {
  return (notes ?? []).map((note) => `* ${textOf(note, lang)}`);
}

function paint(cell: FormattedCell, chalk: ChalkInstance): string {
  const byTone: Record<Tone, (s: string) => string> = {
    good: chalk.green,
    bad: chalk.red,
    neutral: (s) => s,
  };
  return byTone[cell.tone](cell.text);
}

function renderTableSection(section: TableSection, { lang, chalk }: TableRenderOptions): string {
  const withTrend = section.rows.some((row) => row.series !== undefined);
  const head = section.columns.map((c) => chalk.bold(textOf(c.label, lang)));
  const aligns: Align[] = section.columns.map((c) => (isNumericKind(c.kind) ? "right" : "left"));
  if (withTrend) {
    head.push(chalk.bold(UI.trend[lang]));
    aligns.push("left");
  }
  const rows = section.rows.map((row) => {
    const cells = section.columns.map((c) => paint(formatCell(c, row.cells[c.key], lang), chalk));
    if (withTrend) cells.push(row.series ? sparkline(row.series.values) : "");
    return cells;
  });
  return boxedTable(head, rows, aligns);
}

function renderBars(section: BarsSection, lang: Lang): string {
  let max = 0;
  for (const bar of section.bars) if (bar.value !== null && bar.value > max) max = bar.value;
  const rows = section.bars.map((bar) => {
    const length = bar.value !== null && max > 0 ? Math.round((Math.max(0, bar.value) / max) * BAR_WIDTH) : 0;
    return [textOf(bar.label, lang), formatScalar(bar.value, section.kind ?? "number"), "█".repeat(length)];
  });
  return plainGrid(rows, ["left", "right", "left"]);
}
