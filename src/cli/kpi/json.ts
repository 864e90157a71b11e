/**
 * `supportops kpi --format json`: the figures themselves in a documented, versioned shape
 * (docs/cli-kpi.md). Durations in seconds, rates as fractions, NPS in points; keys snake_case and
 * always present (null when there is no value). Built field by field so the key order is fixed.
 */
import type {
  DurationFigure,
  GroupKey,
  KpiFigures,
  MetricDelta,
  ShareEntry,
  TargetResult,
} from "../../analytics/kpi/index.js";
import { compareFigures } from "../../analytics/kpi/index.js";
import type { DistributionSummary } from "../../analytics/stats/summary.js";
import type { RateSummary } from "../../analytics/stats/wilson.js";
import type { KpiRun } from "./compute.js";

/** Bumped only on a breaking change to the documented shape. */
export const KPI_JSON_VERSION = 1;

const iso = (sec: number): string | null =>
  Number.isFinite(sec) ? new Date(sec * 1000).toISOString().replace(".000Z", "Z") : null;
const num = (v: number | null | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

function distribution(d: DistributionSummary) {
  const percentiles: Record<string, number | null> = {};
  for (const p of d.percentiles) percentiles[`p${p.p}`] = num(p.value);
  return { n: d.n, mean: num(d.mean), median: num(d.median), percentiles };
}

function duration(d: DurationFigure) {
  return {
    calendar: distribution(d.calendar),
    business: distribution(d.business),
    excluded: {
      missing: d.excluded.missing,
      open: d.excluded.open,
      invalid: d.excluded.invalid,
      absurd: d.excluded.absurd,
    },
    from_export: d.fromExport,
  };
}

function rate(r: RateSummary) {
  return { n: r.n, successes: r.successes, rate: num(r.rate), low: num(r.low), high: num(r.high) };
}

function shares(list: ShareEntry[]) {
  return list.map((e) => ({ key: e.key, count: e.count, share: e.share }));
}

export function figuresJson(f: KpiFigures) {
  return {
    volume: f.volume,
    merged: f.merged,
    backlog: f.backlog,
    first_response: duration(f.firstResponse),
    first_resolution: duration(f.firstResolution),
    full_resolution: duration(f.fullResolution),
    handle: duration(f.handle),
    sla_first_response: rate(f.slaFirstResponse),
    sla_resolution: rate(f.slaResolution),
    fcr: rate(f.fcr),
    one_touch: rate(f.oneTouch),
    recontact: rate(f.recontact),
    reopen: rate(f.reopen),
    escalation: rate(f.escalation),
    self_service: rate(f.selfService),
    knowledge: rate(f.knowledge),
    csat: rate(f.csat),
    nps: {
      n: f.nps.n,
      promoters: f.nps.promoters,
      passives: f.nps.passives,
      detractors: f.nps.detractors,
      nps: num(f.nps.nps),
      margin_of_error: num(f.nps.marginOfError),
    },
    ces: { n: f.ces.n, mean: num(f.ces.mean), easy: rate(f.ces.easy) },
    channel_mix: shares(f.channelMix),
    top_reasons: shares(f.topReasons),
    invalid_survey_answers: f.invalidSurveyAnswers,
  };
}

function keyJson(dimensions: readonly string[], key: GroupKey): Record<string, string> {
  const out: Record<string, string> = {};
  dimensions.forEach((d, k) => {
    out[d] = key.values[k] ?? "";
  });
  return out;
}

function deltaJson(d: MetricDelta) {
  return {
    metric: d.selector.metric,
    stat: d.selector.stat ?? null,
    basis: d.selector.basis ?? null,
    current: num(d.current),
    baseline: num(d.baseline),
    absolute: num(d.absolute),
    relative: num(d.relative),
    verdict: d.verdict,
  };
}

export function targetJson(r: TargetResult) {
  return {
    expression: r.target.expression,
    metric: r.target.metric,
    stat: r.target.stat ?? null,
    basis: r.target.basis ?? null,
    op: r.target.op,
    threshold: r.target.threshold,
    actual: num(r.actual),
    status: r.status,
  };
}

export function renderKpiJson(run: KpiRun, targets: readonly TargetResult[]): string {
  const s = run.settings;
  const dims = s.dimensions;
  const baselineByKey = new Map<string, KpiFigures>();
  for (const g of run.baseline?.groups ?? []) baselineByKey.set(g.key.values.join("\u0000"), g.figures);
  const document = {
    version: KPI_JSON_VERSION,
    kind: "kpi",
    as_of: iso(s.asOf),
    time_zone: s.timeZone,
    range: s.scope ? { from: iso(s.scope.from), to: iso(s.scope.to) } : null,
    by: [...dims],
    period: s.period ?? null,
    percentiles: [...run.current.percentiles],
    sla_basis: s.sla.basis,
    units: { durations: "seconds", rates: "fraction", nps: "points" },
    overall: figuresJson(run.current.overall),
    groups: run.current.groups.map((g) => ({ key: keyJson(dims, g.key), figures: figuresJson(g.figures) })),
    periods: run.periods.map((p) => ({ label: p.label, from: iso(p.start), to: iso(p.end) })),
    by_period: (run.byPeriod?.groups ?? []).map((g) => ({
      period: g.key.period,
      key: keyJson(dims, g.key),
      figures: figuresJson(g.figures),
    })),
    comparison:
      run.baseline && s.baseline
        ? {
            spec: s.baseline.spec,
            range: { from: iso(s.baseline.from), to: iso(s.baseline.to) },
            overall: figuresJson(run.baseline.overall),
            deltas: compareFigures(run.current.overall, run.baseline.overall).map(deltaJson),
            groups: run.current.groups.map((g) => {
              const before = baselineByKey.get(g.key.values.join("\u0000"));
              return {
                key: keyJson(dims, g.key),
                figures: before ? figuresJson(before) : null,
                deltas: before ? compareFigures(g.figures, before).map(deltaJson) : [],
              };
            }),
          }
        : null,
    targets: targets.map(targetJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
