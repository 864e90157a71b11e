import {
  type CellValue,
  type Column,
  type Fact,
  isLabel,
  isRateValue,
  isTargetValue,
  type Label,
  type Report,
  type Row,
  type Section,
  type Series,
  type Text,
} from "./model.js";

/** Bumped only on a breaking change to the shape documented in docs/output-formats.md. */
export const REPORT_JSON_VERSION = 1;

/**
 * The report as JSON. Objects are rebuilt field by field in a fixed order (cells in column order),
 * optional fields are always present (null or []), defaults are resolved, and non-finite numbers
 * become null: the output depends only on the report's content, never on how it was built.
 */
export function renderJson(report: Report): string {
  const document = {
    version: REPORT_JSON_VERSION,
    title: label(report.title),
    facts: (report.facts ?? []).map(fact),
    sections: report.sections.map(section),
    notes: labels(report.notes),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function label(l: Label): Label {
  return { en: l.en, ja: l.ja };
}

function labels(list: Label[] | undefined): Label[] {
  return (list ?? []).map(label);
}

function text(t: Text): Text {
  return typeof t === "string" ? t : label(t);
}

function num(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

function fact(f: Fact) {
  return { label: label(f.label), value: text(f.value) };
}

function section(s: Section) {
  switch (s.type) {
    case "table":
      return {
        type: s.type,
        id: s.id,
        title: label(s.title),
        columns: s.columns.map(column),
        rows: s.rows.map((r) => row(r, s.columns)),
        notes: labels(s.notes),
      };
    case "heatmap":
      return {
        type: s.type,
        id: s.id,
        title: label(s.title),
        rowAxis: label(s.rowAxis),
        columnAxis: label(s.columnAxis),
        rowKeys: [...s.rowKeys],
        columnKeys: [...s.columnKeys],
        values: s.values.map((r) => r.map(num)),
        kind: s.kind ?? "integer",
        notes: labels(s.notes),
      };
    case "bars":
      return {
        type: s.type,
        id: s.id,
        title: label(s.title),
        kind: s.kind ?? "number",
        bars: s.bars.map((b) => ({ label: text(b.label), value: num(b.value) })),
        notes: labels(s.notes),
      };
  }
}

function column(c: Column) {
  const hasDecimals = c.kind === "number" || c.kind === "percent" || c.kind === "rate" || c.kind === "delta";
  const isDelta = c.kind === "delta";
  return {
    key: c.key,
    label: label(c.label),
    kind: c.kind,
    decimals: hasDecimals ? (c.decimals ?? 1) : null,
    deltaOf: isDelta ? (c.deltaOf ?? "number") : null,
    good: isDelta ? (c.good ?? "up") : null,
  };
}

function row(r: Row, columns: Column[]) {
  const cells: Record<string, unknown> = {};
  for (const c of columns) cells[c.key] = cell(r.cells[c.key]);
  return { cells, series: r.series ? series(r.series) : null };
}

function cell(v: CellValue | undefined) {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return num(v);
  if (typeof v === "string") return v;
  if (isRateValue(v)) return { value: num(v.value), low: num(v.low), high: num(v.high), n: num(v.n) };
  if (isTargetValue(v)) return { status: v.status, target: v.target };
  if (isLabel(v)) return label(v);
  return null;
}

function series(s: Series) {
  return { periods: [...s.periods], values: s.values.map(num), kind: s.kind ?? "number" };
}
