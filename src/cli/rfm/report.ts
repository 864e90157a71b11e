/** The RFM result as a report model: segment summary, thresholds, heatmaps, lifecycle and churn. */
import type { ChurnRate, RfmResult, ScoreThresholds } from "../../analytics/rfm/index.js";
import type {
  Column,
  Fact,
  HeatmapSection,
  Label,
  Report,
  Row,
  Section,
  TableSection,
} from "../../report/index.js";
import { zonedDateKey } from "../../util/time-zone.js";
import type { RfmRun } from "./analysis.js";
import { L, STAGES, same } from "./labels.js";
import { supportBySegment } from "./support.js";

export interface RfmReportOptions {
  heatmap: boolean;
  lifecycle: boolean;
}

export function buildRfmReport(run: RfmRun, options: RfmReportOptions): Report {
  const { result } = run;
  const sections: Section[] = [segmentSection(run), thresholdSection(result)];
  if (options.heatmap) sections.push(...heatmapSections(result));
  if (options.lifecycle) sections.push(lifecycleSection(result));
  if (run.churn) sections.push(churnSection(run.churn, result.timeZone));
  return { title: L.title, facts: facts(run), sections, notes: result.notes.map(same) };
}

function facts(run: RfmRun): Fact[] {
  const r = run.result;
  const asOf: Label = run.asOfDefaulted
    ? { en: `${r.asOfDate} (${L.asOfDefault.en})`, ja: `${r.asOfDate}（${L.asOfDefault.ja}）` }
    : same(r.asOfDate);
  return [
    { label: L.asOf, value: asOf },
    { label: L.timeZone, value: r.timeZone },
    { label: L.customers, value: String(r.customers.measures.customerIds.length) },
    {
      label: L.scoring,
      value: {
        en: `${r.bins} bins, ${r.tieMode}, monetary ${r.monetary}`,
        ja: `${r.bins}段階・${r.tieMode}・金額 ${r.monetary}`,
      },
    },
    { label: L.scheme, value: r.scheme },
  ];
}

function monetaryLabel(result: RfmResult): Label {
  return result.monetary === "sum" ? L.meanSpend : L.meanAov;
}

function segmentSection(run: RfmRun): TableSection {
  const { result } = run;
  const columns: Column[] = [
    { key: "segment", label: L.segment, kind: "text" },
    { key: "customers", label: L.customers, kind: "integer" },
    { key: "share", label: L.share, kind: "percent" },
    { key: "revenue", label: L.revenue, kind: "number", decimals: 0 },
    { key: "revenue_share", label: L.revenueShare, kind: "percent" },
    { key: "mean_recency_days", label: L.meanRecency, kind: "number" },
    { key: "mean_frequency", label: L.meanFrequency, kind: "number", decimals: 2 },
    { key: "mean_monetary", label: monetaryLabel(result), kind: "number", decimals: 0 },
    { key: "average_order_value", label: L.aov, kind: "number", decimals: 0 },
  ];
  const support = run.support ? supportBySegment(result, run.support) : null;
  if (support) {
    columns.push(
      { key: "tickets_per_customer", label: L.ticketsPerCustomer, kind: "number", decimals: 2 },
      { key: "recontact_rate", label: L.recontactRate, kind: "percent" },
      { key: "csat", label: L.csat, kind: "percent" },
    );
  }
  columns.push(
    { key: "action", label: L.action, kind: "text" },
    { key: "timing", label: L.timing, kind: "text" },
  );
  const rows: Row[] = result.segments.map((s, g) => {
    const cells: Row["cells"] = {
      segment: s.names,
      customers: s.customers,
      share: s.share,
      revenue: s.revenue,
      revenue_share: s.revenueShare,
      mean_recency_days: s.meanRecencyDays,
      mean_frequency: s.meanFrequency,
      mean_monetary: s.meanMonetary,
      average_order_value: s.averageOrderValue,
      action: s.action,
      timing: s.timing,
    };
    const f = support?.[g];
    if (f) {
      cells.tickets_per_customer = f.ticketsPerCustomer;
      cells.recontact_rate = f.recontactRate;
      cells.csat = f.csat;
    }
    return { cells };
  });
  const notes: Label[] = [];
  if (support) {
    notes.push({
      en: "Re-contact: resolved tickets followed by a ticket of the same customer and reason within the window (kpi.recontact_window_days) ÷ resolved tickets whose window has closed. CSAT: positive ÷ rated answers.",
      ja: "再接触率: 同じ顧客・同じ問い合わせ種別の次の問い合わせが解決から規定日数内にあった解決済みチケット ÷ 判定期間が終わった解決済みチケット。CSAT: 肯定的な回答 ÷ 回答数。",
    });
  }
  return { type: "table", id: "segments", title: L.segments, columns, rows, notes };
}

/** Plain number text for rules: integers as they are, others with up to two decimals. */
function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** The range of values a quantile score covers, read from the cut points. */
function quantileRule(t: ScoreThresholds, score: number, bins: number): Label {
  const lowerCut = score > 1 ? t.cuts[score - 2] : undefined;
  const upperCut = score < bins ? t.cuts[score - 1] : undefined;
  if (lowerCut !== undefined && upperCut !== undefined && lowerCut === upperCut) return L.empty;
  const parts: string[] = [];
  if (t.direction === "higher_is_better") {
    if (lowerCut !== undefined) parts.push(`> ${num(lowerCut)}`);
    if (upperCut !== undefined) parts.push(`≤ ${num(upperCut)}`);
  } else {
    if (lowerCut !== undefined) parts.push(`< ${num(lowerCut)}`);
    if (upperCut !== undefined) parts.push(`≥ ${num(upperCut)}`);
  }
  return same(parts.join(", "));
}

function rankRule(score: number, bins: number): Label {
  return { en: `equal-count bin ${score} of ${bins}`, ja: `${bins}等分の${score}番目` };
}

function thresholdSection(result: RfmResult): TableSection {
  const measures: Array<[string, Label, ScoreThresholds]> = [
    ["recency", L.recency, result.thresholds.recency],
    ["frequency", L.frequency, result.thresholds.frequency],
    ["monetary", result.monetary === "sum" ? L.monetarySum : L.monetaryMean, result.thresholds.monetary],
  ];
  let allWhole = true;
  const rows: Row[] = [];
  for (const [id, label, t] of measures) {
    for (const band of t.bands) {
      if (band.min !== null && !Number.isInteger(band.min)) allWhole = false;
      if (band.max !== null && !Number.isInteger(band.max)) allWhole = false;
      rows.push({
        cells: {
          measure: label,
          measure_id: id,
          score: band.score,
          customers: band.customers,
          min: band.min,
          max: band.max,
          rule:
            result.tieMode === "quantile"
              ? quantileRule(t, band.score, result.bins)
              : rankRule(band.score, result.bins),
        },
      });
    }
  }
  const decimals = allWhole ? 0 : 2;
  const columns: Column[] = [
    { key: "measure", label: L.measure, kind: "text" },
    { key: "measure_id", label: same("id"), kind: "text" },
    { key: "score", label: L.score, kind: "integer" },
    { key: "customers", label: L.customers, kind: "integer" },
    { key: "min", label: L.min, kind: "number", decimals },
    { key: "max", label: L.max, kind: "number", decimals },
    { key: "rule", label: L.rule, kind: "text" },
  ];
  const cuts = measures
    .filter(([, , t]) => t.cuts.length > 0)
    .map(([id, , t]) => `${id} ${t.cuts.map(num).join(" / ")}`);
  const notes: Label[] =
    result.tieMode === "quantile"
      ? [
          {
            en: `Quantile cut points (ties kept together): ${cuts.join("; ")}. Recency scores the other way: fewer days is better.`,
            ja: `分位点（同値は同じスコア）: ${cuts.join("; ")}。R は日数が少ないほど高スコア。`,
          },
        ]
      : [
          {
            en: "Rank mode: equal-count bins like NTILE, ties broken by customer id.",
            ja: "順位モード: NTILE と同じ等分割。同値は顧客IDの順。",
          },
        ];
  return { type: "table", id: "thresholds", title: L.thresholds, columns, rows, notes };
}

function heatmapSections(result: RfmResult): HeatmapSection[] {
  const bins = result.heatmap.bins;
  const rScores = Array.from({ length: bins }, (_, i) => bins - i); // best recency on top
  const fScores = Array.from({ length: bins }, (_, i) => i + 1);
  const cell = (r: number, f: number) => result.heatmap.cells[(r - 1) * bins + (f - 1)];
  const base = {
    type: "heatmap" as const,
    rowAxis: L.rAxis,
    columnAxis: L.fAxis,
    rowKeys: rScores.map(String),
    columnKeys: fScores.map(String),
  };
  return [
    {
      ...base,
      id: "rf_heatmap",
      title: L.heatmap,
      values: rScores.map((r) => fScores.map((f) => cell(r, f)?.meanMonetary ?? null)),
      kind: "number",
    },
    {
      ...base,
      id: "rf_customers",
      title: L.heatmapCustomers,
      values: rScores.map((r) => fScores.map((f) => cell(r, f)?.customers ?? 0)),
      kind: "integer",
    },
  ];
}

function lifecycleSection(result: RfmResult): TableSection {
  const t = result.lifecycle.thresholds;
  const counts = result.lifecycle.counts;
  const total = counts.new + counts.active + counts.dormant + counts.churned;
  const rules: Record<keyof typeof STAGES, Label> = {
    new: { en: `first order ≤ ${t.new_days} days ago`, ja: `初回購入から${t.new_days}日以内` },
    active: { en: "everyone else", ja: "上記以外" },
    dormant: { en: `last order > ${t.dormant_days} days ago`, ja: `最終購入から${t.dormant_days}日超` },
    churned: { en: `last order > ${t.churned_days} days ago`, ja: `最終購入から${t.churned_days}日超` },
  };
  const stages = ["new", "active", "dormant", "churned"] as const;
  return {
    type: "table",
    id: "lifecycle",
    title: L.lifecycle,
    columns: [
      { key: "stage", label: L.stage, kind: "text" },
      { key: "customers", label: L.customers, kind: "integer" },
      { key: "share", label: L.share, kind: "percent" },
      { key: "rule", label: L.rule, kind: "text" },
    ],
    rows: stages.map((s) => ({
      cells: {
        stage: STAGES[s],
        customers: counts[s],
        share: total > 0 ? counts[s] / total : null,
        rule: rules[s],
      },
    })),
    notes: [
      {
        en: "Checked in order: churned, dormant, new, active (rfm.lifecycle).",
        ja: "解約・休眠・新規・既存の順に判定（rfm.lifecycle）。",
      },
    ],
  };
}

function churnSection(churn: ChurnRate, timeZone: string): TableSection {
  return {
    type: "table",
    id: "churn",
    title: L.churn,
    columns: [
      { key: "period_start", label: L.periodStart, kind: "text" },
      { key: "period_end", label: L.periodEnd, kind: "text" },
      { key: "customers_at_start", label: L.customersAtStart, kind: "integer" },
      { key: "churned", label: L.churned, kind: "integer" },
      { key: "churn_rate", label: L.churnRate, kind: "percent" },
      { key: "retention", label: L.retention, kind: "percent" },
    ],
    rows: [
      {
        cells: {
          // periodStart is the last second before the period: its next second opens the period.
          period_start: zonedDateKey(churn.periodStart + 1, timeZone),
          period_end: zonedDateKey(churn.periodEnd, timeZone),
          customers_at_start: churn.customersAtStart,
          churned: churn.churned,
          churn_rate: churn.rate,
          retention: churn.retention,
        },
      },
    ],
    notes: [
      {
        en: "Customers at start: ordered by then and not churned; churned: no order within rfm.lifecycle.churned_days of the period end.",
        ja: "期首顧客: 期首までに購入があり解約でない顧客。解約: 期末から rfm.lifecycle.churned_days 日以内に購入がない顧客。",
      },
    ],
  };
}
