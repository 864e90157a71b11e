/**
 * Number formatting shared by the text renderers. Pure and locale-independent: the same report
 * looks the same on every machine (grouping with "," and "." decimals in both languages).
 */
import { MISSING, TARGET_STATUS } from "./labels.js";
import {
  type CellValue,
  type Column,
  type DeltaOf,
  isLabel,
  isRateValue,
  isTargetValue,
  type Lang,
  type Series,
  textOf,
} from "./model.js";

/** good / bad colour a cell, neutral leaves it plain. */
export type Tone = "good" | "bad" | "neutral";

export interface FormattedCell {
  text: string;
  tone: Tone;
}

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** 1234567 → "1,234,567" (integers are rounded). */
export function formatInteger(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? "-" : "";
  return sign + String(Math.abs(rounded)).replace(GROUPING, ",");
}

/** Fixed decimals with grouping in the integer part: 12345.678, 1 → "12,345.7". */
export function formatNumber(value: number, decimals = 1): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const whole = dot === -1 ? fixed : fixed.slice(0, dot);
  const fraction = dot === -1 ? "" : fixed.slice(dot);
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + whole.replace(GROUPING, ",") + fraction;
}

/** A fraction as a percentage: 0.852 → "85.2%". */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/** A rate with its interval: "85.2% (81.0–88.9)". */
export function formatRate(value: number, low: number, high: number, decimals = 1): string {
  return `${formatPercent(value, decimals)} (${formatNumber(low * 100, decimals)}–${formatNumber(high * 100, decimals)})`;
}

/**
 * Minutes as a short human duration. Under a minute: seconds ("45s"); under an hour: minutes ("45m");
 * under a day: hours and zero-padded minutes ("1h 05m"); from a day: days and hours ("2d 3h").
 * Each form rounds to its smallest unit, so 59.6 minutes reads "1h 00m".
 */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const abs = Math.abs(minutes);
  if (abs < 1) {
    const seconds = Math.round(abs * 60);
    if (seconds < 60) return seconds === 0 ? "0m" : `${sign}${seconds}s`;
  }
  const totalMinutes = Math.round(abs);
  if (totalMinutes < 60) return `${sign}${totalMinutes}m`;
  if (totalMinutes < 24 * 60) {
    const hours = Math.floor(totalMinutes / 60);
    const rest = totalMinutes % 60;
    return `${sign}${hours}h ${String(rest).padStart(2, "0")}m`;
  }
  const totalHours = Math.round(abs / 60);
  return `${sign}${Math.floor(totalHours / 24)}d ${totalHours % 24}h`;
}

/** A change, always signed: percent deltas in percentage points ("+2.1 pt"), durations as durations. */
export function formatDelta(change: number, of: DeltaOf, decimals = 1): string {
  const body = formatDeltaMagnitude(Math.abs(change), of, decimals);
  if (isZeroAsShown(change, of, decimals)) return `±${body}`;
  return (change > 0 ? "+" : "-") + body;
}

function formatDeltaMagnitude(magnitude: number, of: DeltaOf, decimals: number): string {
  switch (of) {
    case "integer":
      return formatInteger(magnitude);
    case "number":
      return formatNumber(magnitude, decimals);
    case "percent":
      return `${formatNumber(magnitude * 100, decimals)} pt`;
    case "duration":
      return formatDuration(magnitude);
  }
}

/** A change that rounds to zero is shown neither as a gain nor a loss (and not coloured). */
function isZeroAsShown(change: number, of: DeltaOf, decimals: number): boolean {
  switch (of) {
    case "integer":
      return Math.round(Math.abs(change)) === 0;
    case "number":
      return Number(Math.abs(change).toFixed(decimals)) === 0;
    case "percent":
      return Number(Math.abs(change * 100).toFixed(decimals)) === 0;
    case "duration":
      return Math.round(Math.abs(change) * 60) === 0;
  }
}

/** Formats one value of a scalar kind (used for series points, heatmap cells and bars). */
export function formatScalar(value: number | null, kind: Series["kind"] = "number", decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  switch (kind) {
    case "integer":
      return formatInteger(value);
    case "percent":
      return formatPercent(value, decimals);
    case "duration":
      return formatDuration(value);
    default:
      return formatNumber(value, decimals);
  }
}

/** Whether a column holds figures (right-aligned) rather than words. */
export function isNumericKind(kind: Column["kind"]): boolean {
  return kind !== "text" && kind !== "target";
}

function mismatch(column: Column, value: CellValue): TypeError {
  return new TypeError(`column "${column.key}" (${column.kind}) cannot show ${JSON.stringify(value)}`);
}

function numberOf(column: Column, value: CellValue): number {
  if (typeof value !== "number") throw mismatch(column, value);
  return value;
}

/** The text and tone of one cell. A value of the wrong shape for its column is a programming error. */
export function formatCell(column: Column, value: CellValue | undefined, lang: Lang): FormattedCell {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
    return { text: MISSING, tone: "neutral" };
  }
  const decimals = column.decimals ?? 1;
  switch (column.kind) {
    case "text":
      if (typeof value === "string" || isLabel(value)) return { text: textOf(value, lang), tone: "neutral" };
      if (typeof value === "number") return { text: String(value), tone: "neutral" };
      throw mismatch(column, value);
    case "integer":
      return { text: formatInteger(numberOf(column, value)), tone: "neutral" };
    case "number":
      return { text: formatNumber(numberOf(column, value), decimals), tone: "neutral" };
    case "percent":
      return { text: formatPercent(numberOf(column, value), decimals), tone: "neutral" };
    case "duration":
      return { text: formatDuration(numberOf(column, value)), tone: "neutral" };
    case "rate":
      if (!isRateValue(value)) throw mismatch(column, value);
      return { text: formatRate(value.value, value.low, value.high, decimals), tone: "neutral" };
    case "delta": {
      const change = numberOf(column, value);
      const of = column.deltaOf ?? "number";
      return { text: formatDelta(change, of, decimals), tone: deltaTone(change, of, column, decimals) };
    }
    case "target":
      if (!isTargetValue(value)) throw mismatch(column, value);
      return {
        text: `${TARGET_STATUS[value.status][lang]} (${value.target})`,
        tone: value.status === "met" ? "good" : "bad",
      };
  }
}

function deltaTone(change: number, of: DeltaOf, column: Column, decimals: number): Tone {
  if (isZeroAsShown(change, of, decimals)) return "neutral";
  const up = change > 0;
  return up === ((column.good ?? "up") === "up") ? "good" : "bad";
}
