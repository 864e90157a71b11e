/**
 * The KPI report model: one table section per metric in the default order (response speed,
 * first-contact resolution, re-contact, satisfaction, then the rest). Rows are "All" and each
 * group of `--by`; duration metrics show calendar and business time side by side; rates their
 * Wilson interval; a per-row series (with `--period`) draws the trend; deltas with `--compare`;
 * target status on the "All" row when targets are configured. Then channel mix and top reasons.
 */

import type { DurationFigure } from "../../analytics/kpi/index.js";
import {
  compareFigures,
  type DurationStat,
  type KpiFigures,
  METRICS,
  type MetricDefinition,
  type MetricId,
  type MetricSelector,
  metricDefinition,
  metricValue,
  SECTION_LABELS,
  type TargetResult,
} from "../../analytics/kpi/index.js";
import type {
  BarsSection,
  CellValue,
  Column,
  Fact,
  Label,
  Report,
  Row,
  Section,
  Series,
  TableSection,
} from "../../report/index.js";
import type { KpiRun } from "./compute.js";
import { DIMENSION_LABELS, L, PERIOD_LABELS, statLabel } from "./labels.js";
import { localStamp } from "./ranges.js";

export interface KpiReportOptions {
  metrics: readonly MetricId[];
  targets: readonly TargetResult[];
  /** Where the data came from, for the facts (store path or file names). */
  source: string;
}

const SECONDS_PER_MINUTE = 60;
const toMinutes = (seconds: number | null): number | null =>
  seconds === null ? null : seconds / SECONDS_PER_MINUTE;
const keyOf = (values: readonly string[]): string => values.join("\u0000");

/** The row label cells: one text column per dimension, or a single "group" column. */
function groupColumns(dimensions: readonly string[]): Column[] {
  if (dimensions.length === 0) return [{ key: "group", label: L.group, kind: "text" }];
  return dimensions.map((d) => ({ key: d, label: DIMENSION_LABELS[d] ?? { en: d, ja: d }, kind: "text" }));
}

function groupCells(
  dimensions: readonly string[],
  values: readonly string[] | null,
): Record<string, CellValue> {
  if (dimensions.length === 0) return { group: L.all };
  const cells: Record<string, CellValue> = {};
  dimensions.forEach((d, k) => {
    cells[d] = values === null ? (k === 0 ? L.all : "") : (values[k] ?? "");
  });
  return cells;
}

/** The statistics a duration section shows, each on both bases. */
function durationStats(percentiles: readonly number[]): DurationStat[] {
  const stats: DurationStat[] = ["median"];
  for (const p of percentiles) if (p !== 50) stats.push(`p${p}`);
  stats.push("mean");
  return stats;
}

function metricColumns(
  def: MetricDefinition,
  percentiles: readonly number[],
  compared: boolean,
  targeted: boolean,
): Column[] {
  const cols: Column[] = [];
  const deltaOf =
    def.kind === "duration"
      ? "duration"
      : def.kind === "rate"
        ? "percent"
        : def.kind === "count"
          ? "integer"
          : "number";
  const good = def.good ?? "up";
  switch (def.kind) {
    case "duration": {
      cols.push({ key: "n", label: L.n, kind: "integer" });
      for (const basis of ["calendar", "business"] as const) {
        for (const stat of durationStats(percentiles)) {
          cols.push({ key: `${basis}.${stat}`, label: statLabel(stat, basis), kind: "duration" });
        }
      }
      if (compared) {
        cols.push({
          key: "delta.median",
          label: { en: `${L.delta.en} (median)`, ja: `${L.delta.ja}（中央値）` },
          kind: "delta",
          deltaOf,
          good,
        });
        cols.push({
          key: "delta.p90",
          label: { en: `${L.delta.en} (p90)`, ja: `${L.delta.ja}（p90）` },
          kind: "delta",
          deltaOf,
          good,
        });
      }
      break;
    }
    case "rate":
      cols.push({ key: "n", label: L.n, kind: "integer" }, { key: "rate", label: L.rate, kind: "rate" });
      if (compared) cols.push({ key: "delta", label: L.delta, kind: "delta", deltaOf, good });
      break;
    case "nps":
      cols.push(
        { key: "n", label: L.n, kind: "integer" },
        { key: "value", label: { en: "NPS", ja: "NPS" }, kind: "number" },
        { key: "margin", label: L.marginOfError, kind: "number" },
      );
      if (compared) cols.push({ key: "delta", label: L.delta, kind: "delta", deltaOf, good });
      break;
    case "mean":
      cols.push(
        { key: "n", label: L.n, kind: "integer" },
        { key: "value", label: L.mean, kind: "number", decimals: 2 },
      );
      if (compared) cols.push({ key: "delta", label: L.delta, kind: "delta", deltaOf, good, decimals: 2 });
      break;
    case "count":
      cols.push({ key: "value", label: L.value, kind: "integer" });
      if (compared) cols.push({ key: "delta", label: L.delta, kind: "delta", deltaOf, good });
      break;
  }
  if (targeted) cols.push({ key: "target", label: L.target, kind: "target" });
  return cols;
}

function durationOf(f: KpiFigures, id: MetricId): DurationFigure {
  switch (id) {
    case "frt":
      return f.firstResponse;
    case "first_resolution":
      return f.firstResolution;
    case "full_resolution":
      return f.fullResolution;
    default:
      return f.handle;
  }
}

function metricCells(
  def: MetricDefinition,
  f: KpiFigures,
  percentiles: readonly number[],
): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  switch (def.kind) {
    case "duration": {
      const d = durationOf(f, def.id);
      cells.n = d.calendar.n;
      for (const basis of ["calendar", "business"] as const) {
        for (const stat of durationStats(percentiles)) {
          cells[`${basis}.${stat}`] = toMinutes(metricValue(f, def.id, { stat, basis }));
        }
      }
      break;
    }
    case "rate": {
      const r = rateOf(f, def.id);
      cells.n = r?.n ?? 0;
      cells.rate =
        r && r.rate !== null && r.low !== null && r.high !== null
          ? { value: r.rate, low: r.low, high: r.high, n: r.n }
          : null;
      break;
    }
    case "nps":
      cells.n = f.nps.n;
      cells.value = f.nps.nps;
      cells.margin = f.nps.marginOfError;
      break;
    case "mean":
      cells.n = f.ces.n;
      cells.value = f.ces.mean;
      break;
    case "count":
      cells.value = metricValue(f, def.id);
      break;
  }
  return cells;
}

function rateOf(f: KpiFigures, id: MetricId) {
  const byId: Partial<Record<MetricId, KpiFigures["fcr"]>> = {
    "sla.first_response": f.slaFirstResponse,
    "sla.resolution": f.slaResolution,
    fcr: f.fcr,
    one_touch: f.oneTouch,
    recontact: f.recontact,
    reopen: f.reopen,
    csat: f.csat,
    "ces.easy": f.ces.easy,
    escalation: f.escalation,
    self_service: f.selfService,
    knowledge: f.knowledge,
  };
  return byId[id];
}

function deltaCells(
  def: MetricDefinition,
  current: KpiFigures,
  baseline: KpiFigures,
): Record<string, CellValue> {
  if (def.kind === "duration") {
    const selectors: MetricSelector[] = [
      { metric: def.id, stat: "median" },
      { metric: def.id, stat: "p90" },
    ];
    const [median, p90] = compareFigures(current, baseline, selectors);
    return {
      "delta.median": toMinutes(median?.absolute ?? null),
      "delta.p90": toMinutes(p90?.absolute ?? null),
    };
  }
  const [delta] = compareFigures(current, baseline, [{ metric: def.id }]);
  return { delta: delta?.absolute ?? null };
}

/** The headline value of a metric per period (duration median in minutes, rates as fractions). */
function seriesOf(def: MetricDefinition, perPeriod: Array<KpiFigures | undefined>, labels: string[]): Series {
  const values = perPeriod.map((f) => {
    if (!f) return null;
    const v = metricValue(f, def.id);
    return def.kind === "duration" ? toMinutes(v) : v;
  });
  const kind =
    def.kind === "duration"
      ? "duration"
      : def.kind === "rate"
        ? "percent"
        : def.kind === "count"
          ? "integer"
          : "number";
  return { periods: labels, values, kind };
}

/** Period figures per row key ("" = All): figures[period index]. */
function trendIndex(run: KpiRun): Map<string, Array<KpiFigures | undefined>> | undefined {
  if (!run.byPeriod) return undefined;
  const P = run.periods.length;
  const index = new Map<string, Array<KpiFigures | undefined>>();
  const slot = (key: string) => {
    let list = index.get(key);
    if (!list) {
      list = new Array<KpiFigures | undefined>(P).fill(undefined);
      index.set(key, list);
    }
    return list;
  };
  for (const g of run.byPeriod.groups) slot(keyOf(g.key.values))[g.key.periodIndex] = g.figures;
  if (run.trendAll) for (const g of run.trendAll.groups) slot("\u0001all")[g.key.periodIndex] = g.figures;
  return index;
}

function targetCell(id: MetricId, targets: readonly TargetResult[]): CellValue {
  const mine = targets.filter((t) => t.target.metric === id && t.status !== "no_data");
  if (mine.length === 0) return null;
  const missed = mine.some((t) => t.status === "missed");
  return { status: missed ? "missed" : "met", target: mine.map((t) => t.target.expression).join("; ") };
}

function metricSection(
  run: KpiRun,
  def: MetricDefinition,
  options: KpiReportOptions,
  trend: ReturnType<typeof trendIndex>,
): TableSection {
  const dims = run.settings.dimensions;
  const percentiles = run.current.percentiles;
  const compared = run.baseline !== undefined;
  const targeted = options.targets.some((t) => t.target.metric === def.id);
  const baselineGroups = new Map<string, KpiFigures>();
  for (const g of run.baseline?.groups ?? []) baselineGroups.set(keyOf(g.key.values), g.figures);
  const labels = run.periods.map((p) => p.label);

  const row = (values: readonly string[] | null, f: KpiFigures, baseline: KpiFigures | undefined): Row => {
    const cells: Record<string, CellValue> = {
      ...groupCells(dims, values),
      ...metricCells(def, f, percentiles),
    };
    if (compared) Object.assign(cells, baseline ? deltaCells(def, f, baseline) : {});
    if (targeted) cells.target = values === null ? targetCell(def.id, options.targets) : null;
    const out: Row = { cells };
    const perPeriod = trend?.get(values === null ? "\u0001all" : keyOf(values));
    if (trend) out.series = seriesOf(def, perPeriod ?? new Array(labels.length).fill(undefined), labels);
    return out;
  };
  const rows: Row[] = [row(null, run.current.overall, run.baseline?.overall)];
  for (const g of run.current.groups) {
    rows.push(row(g.key.values, g.figures, baselineGroups.get(keyOf(g.key.values))));
  }
  const section: TableSection = {
    type: "table",
    id: def.id,
    title: def.label,
    columns: [...groupColumns(dims), ...metricColumns(def, percentiles, compared, targeted)],
    rows,
  };
  const note = exclusionNote(def, run.current.overall);
  if (note) section.notes = [note];
  return section;
}

/** Why tickets are missing from a duration's n (docs/metrics.md). */
function exclusionNote(def: MetricDefinition, f: KpiFigures): Label | undefined {
  if (def.kind !== "duration") return undefined;
  const e = durationOf(f, def.id).excluded;
  const fromExport = durationOf(f, def.id).fromExport;
  const parts = [
    [e.open, "open", "未完了"],
    [e.missing, "missing data", "データ欠損"],
    [e.invalid, "negative", "負の値"],
    [e.absurd, "absurdly long", "異常に長い"],
  ].filter(([count]) => (count as number) > 0) as Array<[number, string, string]>;
  if (parts.length === 0 && fromExport === 0) return undefined;
  const en = parts.map(([c, w]) => `${c} ${w}`).join(", ");
  const ja = parts.map(([c, , w]) => `${w} ${c}件`).join("、");
  const exportEn = fromExport > 0 ? `${en ? "; " : ""}${fromExport} from the export's own minutes` : "";
  const exportJa = fromExport > 0 ? `${ja ? "、" : ""}エクスポートの分数値 ${fromExport}件` : "";
  return {
    en: `${en ? `Left out (All): ${en}` : ""}${exportEn}.`,
    ja: `${ja ? `除外（全体）: ${ja}` : ""}${exportJa}。`,
  };
}

function shareBars(id: string, title: Label, entries: KpiFigures["channelMix"]): BarsSection {
  return {
    type: "bars",
    id,
    title,
    kind: "percent",
    bars: entries.map((e) => ({ label: e.key, value: e.share })),
  };
}

function facts(run: KpiRun, options: KpiReportOptions): Fact[] {
  const s = run.settings;
  const tz = s.timeZone;
  const span = (from: number, to: number) =>
    `${Number.isFinite(from) ? localStamp(from, tz) : "…"} – ${localStamp(to, tz)}`;
  const out: Fact[] = [
    { label: L.asOf, value: localStamp(s.asOf, tz) },
    { label: L.timeZone, value: tz },
    { label: L.range, value: s.scope ? span(s.scope.from, s.scope.to) : L.allTime },
  ];
  if (s.baseline)
    out.push({ label: L.compareTo, value: `${span(s.baseline.from, s.baseline.to)} (${s.baseline.spec})` });
  if (s.dimensions.length > 0) {
    out.push({
      label: L.groupedBy,
      value: {
        en: s.dimensions.map((d) => DIMENSION_LABELS[d]?.en ?? d).join(" × "),
        ja: s.dimensions.map((d) => DIMENSION_LABELS[d]?.ja ?? d).join(" × "),
      },
    });
  }
  if (s.period) out.push({ label: L.period, value: PERIOD_LABELS[s.period] ?? s.period });
  out.push({ label: L.slaBasis, value: s.sla.basis === "business" ? L.business : L.calendar });
  out.push({ label: { en: "Source", ja: "データ" }, value: options.source });
  return out;
}

export function buildKpiReport(run: KpiRun, options: KpiReportOptions): Report {
  const trend = trendIndex(run);
  const sections: Section[] = METRICS.filter((m) => options.metrics.includes(m.id)).map((m) =>
    metricSection(run, metricDefinition(m.id), options, trend),
  );
  sections.push(shareBars("channel_mix", SECTION_LABELS.channelMix, run.current.overall.channelMix));
  sections.push(shareBars("top_reasons", SECTION_LABELS.topReasons, run.current.overall.topReasons));
  return {
    title: L.title,
    facts: facts(run, options),
    sections,
    notes: [
      {
        en: "Durations: calendar and business time side by side. Rates: n and a Wilson 95% interval. Definitions: docs/metrics.md.",
        ja: "時間は暦時間と営業時間を併記。率は件数とWilson 95%信頼区間。定義は docs/metrics.md を参照。",
      },
    ],
  };
}
