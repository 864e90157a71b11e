/**
 * `supportops kpi` settings: flags and configuration turned into validated values. Errors the
 * analytics raise on bad input become UsageError (flags) or ConfigError (config keys), exit 2.
 */
import { readFileSync } from "node:fs";
import {
  BusinessTimeline,
  CalendarConfigError,
  calendarFromConfig,
  IcsParseError,
  PERIODS,
  type Period,
  parseBusinessHoursConfig,
  parseWeekStart,
} from "../../analytics/calendar/index.js";
import {
  type BusinessClock,
  DRILL_METRICS,
  type DrillMetric,
  FCR_VARIANTS,
  type FcrVariant,
  isMetricId,
  METRIC_IDS,
  type MetricId,
  parseTarget,
  percentilesNeeded,
  type SlaPolicy,
  type SlaTarget,
  type Target,
  TargetSyntaxError,
  TICKET_DIMENSIONS,
  type TicketDimension,
} from "../../analytics/kpi/index.js";
import type { EffectiveConfig } from "../../config/defaults.js";
import { ConfigError, UsageError } from "../errors.js";

/** Command-line flags of `supportops kpi`, as commander hands them over. */
export interface KpiFlags {
  tickets?: string[];
  surveys?: string[];
  by?: string[];
  period?: string;
  since?: string;
  until?: string;
  compare?: string;
  percentiles?: string;
  metrics?: string;
  drill?: string;
  limit?: string;
  check?: boolean;
  format?: string;
  out?: string;
  encoding?: string;
  asOf?: string;
  tz?: string;
  top?: string;
}

/** What --by can group on: a ticket field, or the RFM segment of the ticket's customer. */
export type KpiDimension = TicketDimension | "segment";
const KPI_DIMENSIONS: readonly KpiDimension[] = [...TICKET_DIMENSIONS, "segment"];

/** `--by channel,priority` or `--by channel --by priority`: at most two dimensions. */
export function parseDimensions(values: readonly string[] | undefined): KpiDimension[] {
  const names = (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim().toLowerCase());
  const out: KpiDimension[] = [];
  for (const name of names) {
    if (name === "") continue;
    const dim = KPI_DIMENSIONS.find((d) => d === name);
    if (dim === undefined) {
      throw new UsageError(
        `unknown dimension "${name}" for --by`,
        `use one or two of: ${KPI_DIMENSIONS.join(", ")}`,
      );
    }
    if (!out.includes(dim)) out.push(dim);
  }
  if (out.length > 2) throw new UsageError(`--by takes at most two dimensions, got ${out.join(", ")}`);
  return out;
}

export function parsePeriod(value: string | undefined): Period | undefined {
  if (value === undefined) return undefined;
  const period = PERIODS.find((p) => p === value.toLowerCase());
  if (period === undefined)
    throw new UsageError(`unknown period "${value}" for --period`, `use one of: ${PERIODS.join(", ")}`);
  return period;
}

/** `--percentiles 50,90,95`; each 1–99. The median is always reported besides. */
export function parsePercentiles(value: string | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  const out: number[] = [];
  for (const part of value.split(",")) {
    const text = part.trim().replace(/^p/i, "");
    const p = Number(text);
    if (text === "" || !Number.isFinite(p) || p <= 0 || p >= 100) {
      throw new UsageError(
        `"${part.trim()}" is not a percentile for --percentiles`,
        "give numbers between 0 and 100, e.g. 50,90,95",
      );
    }
    if (!out.includes(p)) out.push(p);
  }
  return out.sort((a, b) => a - b);
}

/** `--metrics frt,fcr,csat`: which metric sections to show (default: all, in the default order). */
export function parseMetrics(value: string | undefined): MetricId[] {
  if (value === undefined) return [...METRIC_IDS];
  const wanted = new Set<MetricId>();
  for (const part of value.split(",")) {
    const name = part.trim().toLowerCase();
    if (name === "") continue;
    if (!isMetricId(name))
      throw new UsageError(`unknown metric "${name}" for --metrics`, `use any of: ${METRIC_IDS.join(", ")}`);
    wanted.add(name);
  }
  // The default order is kept whatever order they were written in.
  return METRIC_IDS.filter((id) => wanted.has(id));
}

export function parseDrillMetric(value: string | undefined): DrillMetric | undefined {
  if (value === undefined) return undefined;
  const metric = DRILL_METRICS.find((m) => m === value.toLowerCase());
  if (metric === undefined)
    throw new UsageError(`"${value}" cannot be drilled into`, `use one of: ${DRILL_METRICS.join(", ")}`);
  return metric;
}

export function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} expects a whole number of at least 1, got "${value}"`);
  return n;
}

const WEEKDAY_NUMBER_HINT = "monday, tuesday, …, sunday";

export function weekStartOf(values: EffectiveConfig): number {
  const day = parseWeekStart(String(values.kpi.week_start));
  if (day === undefined)
    throw new ConfigError(
      `kpi.week_start: "${values.kpi.week_start}" is not a weekday`,
      `use one of ${WEEKDAY_NUMBER_HINT}`,
    );
  return day;
}

export function fcrVariantOf(values: EffectiveConfig): FcrVariant {
  const variant = FCR_VARIANTS.find((v) => v === values.kpi.fcr_variant);
  if (variant === undefined) {
    throw new ConfigError(
      `kpi.fcr_variant: "${values.kpi.fcr_variant}" is not a variant`,
      `use one of: ${FCR_VARIANTS.join(", ")}`,
    );
  }
  return variant;
}

/** The business-hours clock from `business_hours` (the ICS file is read here, not in analytics). */
export function businessClockOf(values: EffectiveConfig): BusinessClock {
  try {
    const config = parseBusinessHoursConfig(values.business_hours);
    let icsText: string | undefined;
    if (config.ics !== undefined) {
      try {
        icsText = readFileSync(config.ics, "utf8");
      } catch (err) {
        throw new ConfigError(
          `business_hours.holidays.ics: cannot read ${config.ics}: ${(err as Error).message}`,
          "fix the path (relative to the configuration file) or remove the key",
        );
      }
    }
    const calendar = calendarFromConfig(config, {
      timeZone: values.timezone,
      ...(icsText === undefined ? {} : { icsText }),
    });
    const timeline = new BusinessTimeline(calendar);
    return { businessSeconds: (start, end) => timeline.between(start, end) };
  } catch (err) {
    if (err instanceof CalendarConfigError) throw new ConfigError(err.message, "see docs/business-hours.md");
    if (err instanceof IcsParseError) {
      throw new ConfigError(
        `business_hours.holidays.ics (${values.business_hours.holidays.ics ?? ""}): ${err.message}`,
      );
    }
    throw err;
  }
}

const DURATION =
  /^(?:(\d+(?:\.\d+)?)d)?\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/;

/** "1h", "3d", "1h30m", "90s" → seconds; undefined when not a duration. */
export function parseConfigDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === "") return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

/** `sla:` → the analytics' policy in seconds; a bad duration names its key. */
export function slaPolicyOf(values: EffectiveConfig): SlaPolicy {
  const targets: Record<string, SlaTarget> = {};
  for (const [priority, target] of Object.entries(values.sla.targets ?? {})) {
    const seconds = (field: "first_response" | "resolution"): number | undefined => {
      const raw = target[field];
      if (raw === undefined) return undefined;
      const value = parseConfigDuration(String(raw));
      if (value === undefined) {
        throw new ConfigError(
          `sla.targets.${priority}.${field}: "${raw}" is not a duration`,
          "write it like 30m, 8h, 3d or 1h30m",
        );
      }
      return value;
    };
    targets[priority] = {
      firstResponseSeconds: seconds("first_response"),
      resolutionSeconds: seconds("resolution"),
    };
  }
  const basis = values.sla.basis;
  if (basis !== "business" && basis !== "calendar") {
    throw new ConfigError(`sla.basis: "${String(basis)}" is not a basis`, "use business or calendar");
  }
  return { basis, targets };
}

/** `targets:` parsed; a bad expression names its index in the list. */
export function targetsOf(values: EffectiveConfig): Target[] {
  return (values.targets ?? []).map((expression, index) => {
    try {
      return parseTarget(expression);
    } catch (err) {
      if (err instanceof TargetSyntaxError)
        throw new ConfigError(`targets[${index}]: ${err.message}`, 'see docs/metrics.md, "Targets"');
      throw err;
    }
  });
}

/** The percentiles to compute: the requested ones plus any a target reads. */
export function percentilesFor(requested: readonly number[], targets: readonly Target[]): number[] {
  const all = new Set([...requested, ...percentilesNeeded(targets)]);
  return [...all].sort((a, b) => a - b);
}
