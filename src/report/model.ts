/**
 * The report model: plain, JSON-serialisable data that every renderer (table, json, csv, markdown,
 * html) reads. Commands build one of these from their analytics results; renderers never compute.
 *
 * Units are fixed so that renderers and JSON consumers agree:
 * - percent and rate values are fractions (0.852 means 85.2%);
 * - durations are minutes;
 * - `null` means "no value" (no data, not applicable).
 */
import type { Lang } from "../i18n.js";

export type { Lang };

/** A label in both report languages; renderers pick one by `lang`. */
export interface Label {
  en: string;
  ja: string;
}

/** Text as shown: a bilingual label, or data that needs no translation (an agent name, a period key). */
export type Text = Label | string;

export type ColumnKind = "text" | "integer" | "number" | "percent" | "duration" | "rate" | "delta" | "target";

/** Which way of moving is an improvement; decides green or red for deltas. */
export type GoodDirection = "up" | "down";

/** The unit of the compared figure a delta belongs to (percent deltas are shown in points). */
export type DeltaOf = "integer" | "number" | "percent" | "duration";

export interface Column {
  /** Key into each row's `cells`; also the JSON and CSV identity of the column. */
  key: string;
  label: Label;
  kind: ColumnKind;
  /** Decimal places for number, percent, rate and delta columns (default 1; integers always 0). */
  decimals?: number;
  /** delta columns: the unit of the compared figure (default "number"). */
  deltaOf?: DeltaOf;
  /** delta columns: which direction is good (default "up"). */
  good?: GoodDirection;
}

/** A proportion with its 95% interval (Wilson), all as fractions. */
export interface RateValue {
  value: number;
  low: number;
  high: number;
  n?: number;
}

export type TargetStatus = "met" | "missed";

/** Whether a figure met its configured target, with the target as written (e.g. "<= 60m"). */
export interface TargetValue {
  status: TargetStatus;
  target: string;
}

export type CellValue = Text | number | RateValue | TargetValue | null;

/** Per-row values over periods; drawn as a sparkline (terminal, markdown) or a line chart (html). */
export interface Series {
  /** Period labels, e.g. "2025-W03" or "2025-01". Same length as `values`. */
  periods: string[];
  values: Array<number | null>;
  /** How the values are formatted (default "number"). */
  kind?: "integer" | "number" | "percent" | "duration";
}

export interface Row {
  cells: Record<string, CellValue>;
  series?: Series;
}

export interface TableSection {
  type: "table";
  /** Stable identifier (e.g. "kpi", "by_period"), used by JSON consumers and CSV section selection. */
  id: string;
  title: Label;
  columns: Column[];
  rows: Row[];
  /** Footnotes, printed under the table. */
  notes?: Label[];
}

/** A grid of values, e.g. customers per RFM recency (rows) × frequency (columns) score. */
export interface HeatmapSection {
  type: "heatmap";
  id: string;
  title: Label;
  /** Axis titles. */
  rowAxis: Label;
  columnAxis: Label;
  rowKeys: string[];
  columnKeys: string[];
  /** values[rowIndex][columnIndex]. */
  values: Array<Array<number | null>>;
  kind?: "integer" | "number" | "percent" | "duration";
  notes?: Label[];
}

/** Labelled magnitudes, e.g. channel mix or segment sizes. */
export interface BarsSection {
  type: "bars";
  id: string;
  title: Label;
  bars: Array<{ label: Text; value: number | null }>;
  kind?: "integer" | "number" | "percent" | "duration";
  notes?: Label[];
}

export type Section = TableSection | HeatmapSection | BarsSection;

/** A fact about the run shown under the title, e.g. period, "as of", data source. */
export interface Fact {
  label: Label;
  value: Text;
}

export interface Report {
  title: Label;
  facts?: Fact[];
  sections: Section[];
  /** Notes about the whole report, printed at the end. */
  notes?: Label[];
}

/** The label text in the chosen language. */
export function textOf(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}

export function isLabel(value: unknown): value is Label {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Label).en === "string" &&
    typeof (value as Label).ja === "string"
  );
}

export function isRateValue(value: unknown): value is RateValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as RateValue).value === "number" &&
    typeof (value as RateValue).low === "number" &&
    typeof (value as RateValue).high === "number"
  );
}

export function isTargetValue(value: unknown): value is TargetValue {
  return (
    typeof value === "object" &&
    value !== null &&
    ((value as TargetValue).status === "met" || (value as TargetValue).status === "missed") &&
    typeof (value as TargetValue).target === "string"
  );
}
