import type { DistributionSummary } from "../stats/summary.js";
import type { RateSummary } from "../stats/wilson.js";
import type { DurationFigure, KpiFigures } from "./figures.js";

/** A label in both report languages (the report model's Label shape). */
export interface MetricLabel {
  en: string;
  ja: string;
}

export type MetricKind = "duration" | "rate" | "nps" | "mean" | "count";

export interface MetricDefinition {
  id: MetricId;
  label: MetricLabel;
  kind: MetricKind;
  /** Which way is an improvement; null where neither is (volume). */
  good: "up" | "down" | null;
}

/**
 * Every scalar metric, in the default column order: volume for context, then the field's reading
 * priority — response speed, first-contact resolution, re-contact, satisfaction — then the rest.
 */
export const METRICS = [
  { id: "volume", label: { en: "Volume", ja: "問い合わせ件数" }, kind: "count", good: null },
  { id: "frt", label: { en: "First response time", ja: "初回応答時間" }, kind: "duration", good: "down" },
  {
    id: "sla.first_response",
    label: { en: "SLA compliance (first response)", ja: "SLA遵守率（初回応答）" },
    kind: "rate",
    good: "up",
  },
  {
    id: "first_resolution",
    label: { en: "First resolution time", ja: "初回解決時間" },
    kind: "duration",
    good: "down",
  },
  {
    id: "full_resolution",
    label: { en: "Full resolution time", ja: "完全解決時間" },
    kind: "duration",
    good: "down",
  },
  { id: "fcr", label: { en: "First-contact resolution", ja: "一次解決率" }, kind: "rate", good: "up" },
  {
    id: "one_touch",
    label: { en: "One-touch resolution", ja: "ワンタッチ解決率" },
    kind: "rate",
    good: "up",
  },
  { id: "recontact", label: { en: "Re-contact rate", ja: "再接触率" }, kind: "rate", good: "down" },
  { id: "reopen", label: { en: "Reopen rate", ja: "再オープン率" }, kind: "rate", good: "down" },
  {
    id: "csat",
    label: { en: "Customer satisfaction (CSAT)", ja: "顧客満足度 (CSAT)" },
    kind: "rate",
    good: "up",
  },
  { id: "nps", label: { en: "NPS", ja: "NPS" }, kind: "nps", good: "up" },
  {
    id: "ces",
    label: { en: "Customer effort score (CES)", ja: "顧客努力指標 (CES)" },
    kind: "mean",
    good: "up",
  },
  { id: "ces.easy", label: { en: "CES share ≥ 5", ja: "CES 5以上の割合" }, kind: "rate", good: "up" },
  {
    id: "sla.resolution",
    label: { en: "SLA compliance (resolution)", ja: "SLA遵守率（解決）" },
    kind: "rate",
    good: "up",
  },
  { id: "handle", label: { en: "Average handle time", ja: "平均処理時間" }, kind: "duration", good: "down" },
  {
    id: "escalation",
    label: { en: "Escalation rate", ja: "エスカレーション率" },
    kind: "rate",
    good: "down",
  },
  { id: "self_service", label: { en: "Self-service rate", ja: "自己解決率" }, kind: "rate", good: "up" },
  { id: "knowledge", label: { en: "Knowledge usage rate", ja: "ナレッジ活用率" }, kind: "rate", good: "up" },
  { id: "backlog", label: { en: "Backlog", ja: "バックログ" }, kind: "count", good: "down" },
] as const satisfies ReadonlyArray<{
  id: string;
  label: MetricLabel;
  kind: MetricKind;
  good: "up" | "down" | null;
}>;

export type MetricId = (typeof METRICS)[number]["id"];
export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

/** Labels of the non-scalar sections and the statistics, for renderers. */
export const SECTION_LABELS = {
  channelMix: { en: "Channel mix", ja: "チャネル別構成比" },
  topReasons: { en: "Top contact reasons", ja: "問い合わせ理由（上位）" },
  n: { en: "n", ja: "件数" },
  mean: { en: "mean", ja: "平均" },
  median: { en: "median", ja: "中央値" },
  calendar: { en: "calendar", ja: "暦時間" },
  business: { en: "business hours", ja: "営業時間" },
  interval: { en: "95% interval", ja: "95%信頼区間" },
  marginOfError: { en: "margin of error", ja: "誤差幅" },
} as const satisfies Record<string, MetricLabel>;

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));

export function metricDefinition(id: MetricId): MetricDefinition {
  return BY_ID.get(id) as MetricDefinition;
}

export function isMetricId(name: string): name is MetricId {
  return BY_ID.has(name);
}

/** Which number of a metric: a duration statistic and basis; ignored for other kinds. */
export interface MetricStat {
  /** "median", "mean", "n" or a percentile "p90"; default median. */
  stat?: DurationStat | undefined;
  basis?: "calendar" | "business" | undefined;
}

export type DurationStat = "median" | "mean" | "n" | `p${number}`;

function durationOf(f: KpiFigures, id: MetricId): DurationFigure | undefined {
  switch (id) {
    case "frt":
      return f.firstResponse;
    case "first_resolution":
      return f.firstResolution;
    case "full_resolution":
      return f.fullResolution;
    case "handle":
      return f.handle;
    default:
      return undefined;
  }
}

function rateOf(f: KpiFigures, id: MetricId): RateSummary | undefined {
  switch (id) {
    case "sla.first_response":
      return f.slaFirstResponse;
    case "sla.resolution":
      return f.slaResolution;
    case "fcr":
      return f.fcr;
    case "one_touch":
      return f.oneTouch;
    case "recontact":
      return f.recontact;
    case "reopen":
      return f.reopen;
    case "csat":
      return f.csat;
    case "ces.easy":
      return f.ces.easy;
    case "escalation":
      return f.escalation;
    case "self_service":
      return f.selfService;
    case "knowledge":
      return f.knowledge;
    default:
      return undefined;
  }
}

/** A duration statistic; null when there is no data or the percentile was not computed. */
export function durationStat(summary: DistributionSummary, stat: DurationStat): number | null {
  if (stat === "n") return summary.n;
  if (stat === "mean") return summary.mean;
  if (stat === "median") return summary.median;
  const p = Number(stat.slice(1));
  if (p === 50) return summary.median;
  return summary.percentiles.find((e) => e.p === p)?.value ?? null;
}

/**
 * The scalar a target or a comparison reads: durations in seconds (median by default), rates as
 * fractions, NPS in points, CES as its mean, counts as counts. null when there is no data.
 */
export function metricValue(f: KpiFigures, id: MetricId, stat: MetricStat = {}): number | null {
  const duration = durationOf(f, id);
  if (duration) return durationStat(duration[stat.basis ?? "calendar"], stat.stat ?? "median");
  const rate = rateOf(f, id);
  if (rate) return rate.rate;
  switch (id) {
    case "nps":
      return f.nps.nps;
    case "ces":
      return f.ces.mean;
    case "backlog":
      return f.backlog;
    case "volume":
      return f.volume;
    default:
      return null;
  }
}
