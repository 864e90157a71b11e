import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "./csv-safety.js";
import { TARGET_STATUS, UI } from "./labels.js";
import {
  type CellValue,
  type Column,
  isLabel,
  isRateValue,
  isTargetValue,
  type Lang,
  type Report,
  type Section,
  type TableSection,
  textOf,
} from "./model.js";

export interface CsvRenderOptions {
  lang: Lang;
}

type CsvCell = string | number | null;

/**
 * The report as CSV for spreadsheets: raw figures in the unit named in each header (percent as
 * 0–100, durations in minutes, percent deltas in points), rates split into value/low/high columns,
 * targets into status/target columns; series are left out (they are in JSON and HTML).
 * One section prints as a plain table; several are separated by an empty line, each after a line
 * holding its title. Lines end in CRLF (RFC 4180, what Excel writes).
 */
export function renderCsv(report: Report, options: CsvRenderOptions): string {
  const blocks = report.sections.map((s) => {
    const records = sectionRecords(s, options.lang).map((r) => r.map(safeCell));
    if (report.sections.length > 1) records.unshift([safeCell(textOf(s.title, options.lang))]);
    return stringify(records, { record_delimiter: "windows" });
  });
  return blocks.join("\r\n");
}

function safeCell(value: CsvCell): CsvCell {
  return typeof value === "string" ? neutraliseFormula(value) : value;
}

/** Rounds to a column's shown precision, so 0.1 + 0.2 does not print as 0.30000000000000004. */
function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function sectionRecords(section: Section, lang: Lang): CsvCell[][] {
  switch (section.type) {
    case "table":
      return tableRecords(section, lang);
    case "heatmap": {
      const corner = `${textOf(section.rowAxis, lang)} \\ ${textOf(section.columnAxis, lang)}`;
      const kind = section.kind ?? "integer";
      return [
        [corner, ...section.columnKeys],
        ...section.rowKeys.map((key, i) => [
          key,
          ...section.columnKeys.map((_, j) => scalar(section.values[i]?.[j] ?? null, kind)),
        ]),
      ];
    }
    case "bars": {
      const kind = section.kind ?? "number";
      return [
        [UI.item[lang], `${UI.value[lang]}${unitSuffix(kind)}`],
        ...section.bars.map((b) => [textOf(b.label, lang), scalar(b.value, kind)]),
      ];
    }
  }
}

type ScalarKind = "integer" | "number" | "percent" | "duration";

function unitSuffix(kind: ScalarKind): string {
  if (kind === "percent") return " (%)";
  if (kind === "duration") return " (min)";
  return "";
}

function scalar(value: number | null, kind: ScalarKind, decimals = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (kind === "integer") return Math.round(value);
  if (kind === "percent") return rounded(value * 100, decimals);
  if (kind === "duration") return rounded(value, 1);
  return rounded(value, decimals);
}

function tableRecords(section: TableSection, lang: Lang): CsvCell[][] {
  const header = section.columns.flatMap((c) => headerCells(c, lang));
  const body = section.rows.map((row) =>
    section.columns.flatMap((c) => valueCells(c, row.cells[c.key], lang)),
  );
  return [header, ...body];
}

function headerCells(column: Column, lang: Lang): string[] {
  const name = textOf(column.label, lang);
  switch (column.kind) {
    case "percent":
      return [`${name} (%)`];
    case "duration":
      return [`${name} (min)`];
    case "rate":
      return [
        `${name} (%)`,
        `${name} ${UI.interval[lang]} ${UI.low[lang]} (%)`,
        `${name} ${UI.interval[lang]} ${UI.high[lang]} (%)`,
      ];
    case "delta": {
      const of = column.deltaOf ?? "number";
      return [`${name}${of === "percent" ? " (pt)" : unitSuffix(of)}`];
    }
    case "target":
      return [name, `${name} (${lang === "ja" ? "条件" : "rule"})`];
    default:
      return [name];
  }
}

/** A value of the wrong shape for its column is a programming error, as in the text renderers. */
function expectNumber(column: Column, value: CellValue | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") {
    throw new TypeError(`column "${column.key}" (${column.kind}) cannot show ${JSON.stringify(value)}`);
  }
  return value;
}

function valueCells(column: Column, value: CellValue | undefined, lang: Lang): CsvCell[] {
  const decimals = column.decimals ?? 1;
  const missing = value === undefined || value === null;
  switch (column.kind) {
    case "text":
      if (missing) return [null];
      if (typeof value === "string") return [value];
      if (isLabel(value)) return [value[lang]];
      return [typeof value === "number" ? finite(value) : null];
    case "integer":
    case "number":
    case "percent":
    case "duration":
      return [scalar(expectNumber(column, value), column.kind, decimals)];
    case "rate":
      if (!isRateValue(value)) return [null, null, null];
      return [
        scalar(value.value, "percent", decimals),
        scalar(value.low, "percent", decimals),
        scalar(value.high, "percent", decimals),
      ];
    case "delta":
      return [scalar(expectNumber(column, value), column.deltaOf ?? "number", decimals)];
    case "target":
      if (!isTargetValue(value)) return [null, null];
      return [TARGET_STATUS[value.status][lang], value.target];
  }
}
