import type { KpiFigures } from "./figures.js";
import {
  type DurationStat,
  isMetricId,
  METRIC_IDS,
  type MetricId,
  metricDefinition,
  metricValue,
} from "./metrics.js";

/** A target expression that cannot be read; the CLI turns it into a configuration error. */
export class TargetSyntaxError extends Error {
  constructor(
    readonly expression: string,
    message: string,
  ) {
    super(`target "${expression}": ${message}`);
    this.name = "TargetSyntaxError";
  }
}

export type TargetOperator = "<=" | ">=" | "<" | ">" | "=";

export interface Target {
  /** The expression as written, e.g. "frt.p90 <= 60m". */
  expression: string;
  metric: MetricId;
  /** Durations only. */
  stat?: DurationStat | undefined;
  basis?: "calendar" | "business" | undefined;
  op: TargetOperator;
  /** In the unit metricValue returns: seconds, fractions, NPS points, CES points, counts. */
  threshold: number;
}

const EXPRESSION = /^\s*([A-Za-z_][\w.]*)\s*(<=|>=|=>|=<|==|=|<|>|≤|≥)\s*(\S.*?)\s*$/;
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(sec|s|min|m|hr|h|day|d)s?/gy;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;
const PERCENTILE_STAT = /^p(\d{1,2}(?:\.\d+)?|100)$/;
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  h: 3600,
  hr: 3600,
  d: 86400,
  day: 86400,
};
const ALIASES: Record<string, MetricId> = {
  first_response: "frt",
  resolution: "full_resolution",
  aht: "handle",
  sla_first_response: "sla.first_response",
  sla_resolution: "sla.resolution",
};

/**
 * Parses `<metric>[.<basis>][.<stat>] <op> <value>`: `frt.p90 <= 60m`, `frt.business.median <= 2h`,
 * `csat >= 85` (a bare number on a rate is percent), `sla.first_response >= 95%`, `nps >= 30`,
 * `ces >= 5.5`, `backlog <= 200`. Durations need a unit (s, m, h, d; combinable: 1h30m) and
 * default to the median on calendar time.
 */
export function parseTarget(expression: string): Target {
  const match = EXPRESSION.exec(expression);
  if (!match) throw new TargetSyntaxError(expression, "expected <metric> <op> <value>, e.g. frt.p90 <= 60m");
  const [, name = "", rawOp = "", rawValue = ""] = match;
  const { metric, stat, basis } = resolveName(expression, name.toLowerCase());
  const op = normalizeOperator(rawOp);
  const kind = metricDefinition(metric).kind;
  const threshold =
    kind === "duration"
      ? parseDuration(expression, rawValue)
      : kind === "rate"
        ? parsePercent(expression, rawValue)
        : parsePlainNumber(expression, rawValue);
  return { expression: expression.trim(), metric, stat, basis, op, threshold };
}

function resolveName(
  expression: string,
  name: string,
): { metric: MetricId; stat?: DurationStat; basis?: "calendar" | "business" } {
  const direct = ALIASES[name] ?? name;
  if (isMetricId(direct)) return { metric: direct };
  const parts = name.split(".");
  // Peel a statistic and a basis off the end: frt.business.p90, frt.p90, frt.business.
  let stat: DurationStat | undefined;
  let basis: "calendar" | "business" | undefined;
  const last = parts[parts.length - 1] ?? "";
  if (last === "median" || last === "mean" || last === "n" || PERCENTILE_STAT.test(last)) {
    stat = last as DurationStat;
    parts.pop();
  }
  const maybeBasis = parts[parts.length - 1];
  if (maybeBasis === "business" || maybeBasis === "calendar") {
    basis = maybeBasis;
    parts.pop();
  }
  const base = parts.join(".");
  const metric = ALIASES[base] ?? base;
  if (!isMetricId(metric) || (metricDefinition(metric).kind !== "duration" && (stat || basis))) {
    throw new TargetSyntaxError(
      expression,
      `unknown metric "${name}"; valid metrics: ${METRIC_IDS.join(", ")} ` +
        "(durations take .median, .mean, .n or .pNN, optionally after .business or .calendar)",
    );
  }
  return { metric, ...(stat ? { stat } : {}), ...(basis ? { basis } : {}) };
}

function normalizeOperator(op: string): TargetOperator {
  if (op === "=>" || op === "≥") return ">=";
  if (op === "=<" || op === "≤") return "<=";
  if (op === "==") return "=";
  return op as TargetOperator;
}

function parseDuration(expression: string, raw: string): number {
  const text = raw.replace(/\s+/g, "");
  DURATION_PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let m = DURATION_PART.exec(text); m; m = DURATION_PART.exec(text)) {
    total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? ""] ?? Number.NaN);
    consumed = DURATION_PART.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length || !Number.isFinite(total)) {
    throw new TargetSyntaxError(
      expression,
      `"${raw}" is not a duration; write it with a unit: 90s, 60m, 4h, 3d, 1h30m`,
    );
  }
  return total;
}

function parsePercent(expression: string, raw: string): number {
  const percent = PERCENT.exec(raw);
  const value = percent ? Number(percent[1]) : NUMBER.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new TargetSyntaxError(
      expression,
      `"${raw}" is not a percentage between 0 and 100 (e.g. 95% or 95)`,
    );
  }
  return value / 100;
}

function parsePlainNumber(expression: string, raw: string): number {
  if (!NUMBER.test(raw)) throw new TargetSyntaxError(expression, `"${raw}" is not a number`);
  return Number(raw);
}

/** Percentiles the targets read, to add to the computed set. */
export function percentilesNeeded(targets: readonly Target[]): number[] {
  const out = new Set<number>();
  for (const t of targets) {
    if (t.stat?.startsWith("p")) out.add(Number(t.stat.slice(1)));
  }
  return [...out];
}

export type TargetStatus = "met" | "missed" | "no_data";

export interface TargetResult {
  target: Target;
  actual: number | null;
  status: TargetStatus;
  /** E.g. "First response time p90 is 1h 12m; target <= 60m: missed". */
  sentence: string;
}

function compare(actual: number, op: TargetOperator, threshold: number): boolean {
  // A small tolerance so that 0.95 read from "95%" equals a computed 19/20.
  const eps = 1e-9 * Math.max(1, Math.abs(threshold));
  switch (op) {
    case "<=":
      return actual <= threshold + eps;
    case ">=":
      return actual >= threshold - eps;
    case "<":
      return actual < threshold - eps;
    case ">":
      return actual > threshold + eps;
    case "=":
      return Math.abs(actual - threshold) <= eps;
  }
}

/**
 * Checks each target against the overall figures. A metric with no data is "no_data", not
 * "missed": a quiet week should not page anyone (the CLI reports it on stderr).
 */
export function evaluateTargets(targets: readonly Target[], figures: KpiFigures): TargetResult[] {
  return targets.map((target) => {
    const actual = metricValue(figures, target.metric, { stat: target.stat, basis: target.basis });
    const status: TargetStatus =
      actual === null ? "no_data" : compare(actual, target.op, target.threshold) ? "met" : "missed";
    return { target, actual, status, sentence: describe(target, actual, status) };
  });
}

function describe(target: Target, actual: number | null, status: TargetStatus): string {
  const def = metricDefinition(target.metric);
  const statText =
    def.kind === "duration"
      ? ` ${target.basis === "business" ? "business " : ""}${target.stat ?? "median"}`
      : "";
  const shown = actual === null ? "no data" : formatValue(def.kind, actual);
  const verdict = status === "no_data" ? "not checked" : status;
  return `${def.label.en}${statText} is ${shown}; target ${target.op} ${formatValue(def.kind, target.threshold)}: ${verdict}`;
}

/** Human-readable figure for sentences: 1h 12m, 85.0%, 32.5. */
export function formatValue(kind: string, value: number): string {
  if (kind === "rate") return `${(value * 100).toFixed(1)}%`;
  if (kind === "duration") return formatDuration(value);
  if (kind === "count") return String(Math.round(value));
  return value.toFixed(1);
}

function formatDuration(seconds: number): string {
  const totalMinutes = Math.round(seconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : "", hours ? `${hours}h` : "", minutes ? `${minutes}m` : ""];
  return parts.filter((p) => p !== "").join(" ");
}
