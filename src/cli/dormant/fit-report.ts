/**
 * `dormant --fit-report` as a report model: the BG/NBD parameters, the fit's log-likelihood and,
 * with a holdout period, predicted against actual repeat purchases per calibration frequency
 * bucket, as a table and as paired bars (the HTML chart).
 */
import type { BgNbdFit, HoldoutCheck } from "../../analytics/dormant/index.js";
import type { BarsSection, Fact, Label, Report, Section } from "../../report/index.js";

export interface FitReportInput {
  fit: BgNbdFit;
  /** Customers with a repeat purchase in the calibration period. */
  repeatCustomers: number;
  holdout: HoldoutCheck | null;
  facts: Fact[];
}

const PARAMETERS: Array<{ key: "r" | "alpha" | "a" | "b"; label: Label }> = [
  { key: "r", label: { en: "r (purchase-rate shape)", ja: "r（購買率の形状）" } },
  { key: "alpha", label: { en: "α (purchase-rate scale)", ja: "α（購買率の尺度）" } },
  { key: "a", label: { en: "a (dropout beta)", ja: "a（離脱確率のベータ分布）" } },
  { key: "b", label: { en: "b (dropout beta)", ja: "b（離脱確率のベータ分布）" } },
];

export function fitReport(input: FitReportInput): Report {
  const { fit, holdout } = input;
  const sections: Section[] = [
    {
      type: "table",
      id: "parameters",
      title: { en: "BG/NBD parameters", ja: "BG/NBDパラメーター" },
      columns: [
        { key: "parameter", label: { en: "Parameter", ja: "パラメーター" }, kind: "text" },
        { key: "meaning", label: { en: "Meaning", ja: "意味" }, kind: "text" },
        { key: "value", label: { en: "Value", ja: "値" }, kind: "number", decimals: 4 },
      ],
      rows: PARAMETERS.map((p) => ({
        cells: { parameter: p.key, meaning: p.label, value: fit.params[p.key] },
      })),
    },
    {
      type: "table",
      id: "fit",
      title: { en: "Fit", ja: "当てはまり" },
      columns: [
        { key: "customers", label: { en: "Customers", ja: "顧客数" }, kind: "integer" },
        { key: "repeat_customers", label: { en: "Repeat customers", ja: "リピート顧客数" }, kind: "integer" },
        {
          key: "log_likelihood",
          label: { en: "Log-likelihood", ja: "対数尤度" },
          kind: "number",
          decimals: 2,
        },
        { key: "evaluations", label: { en: "Likelihood evaluations", ja: "尤度評価回数" }, kind: "integer" },
      ],
      rows: [
        {
          cells: {
            customers: fit.customers,
            repeat_customers: input.repeatCustomers,
            log_likelihood: fit.logLikelihood,
            evaluations: fit.evaluations,
          },
        },
      ],
    },
  ];
  if (holdout) sections.push(holdoutTable(holdout), holdoutBars(holdout));
  return {
    title: { en: "BG/NBD fit report", ja: "BG/NBD 適合レポート" },
    facts: input.facts,
    sections,
    notes: holdout
      ? [
          {
            en: "Predicted = conditional expected repeat purchases in the holdout period (FHL 2005 eq. 10), averaged per calibration frequency; actual = distinct order days in the holdout period.",
            ja: "予測はホールドアウト期間の条件付き期待リピート購買数（FHL 2005 式10）、実績はホールドアウト期間の注文日数。いずれも調整期間の購買回数ごとの平均。",
          },
        ]
      : [],
  };
}

function holdoutTable(h: HoldoutCheck): Section {
  const rows = h.buckets.map((b) => ({
    cells: {
      bucket: b.label,
      customers: b.customers,
      actual: b.actual,
      predicted: b.predicted,
      difference: b.predicted - b.actual,
    },
  }));
  rows.push({
    cells: {
      bucket: "all",
      customers: h.customers,
      actual: h.customers > 0 ? h.actualTotal / h.customers : 0,
      predicted: h.customers > 0 ? h.predictedTotal / h.customers : 0,
      difference: h.customers > 0 ? (h.predictedTotal - h.actualTotal) / h.customers : 0,
    },
  });
  return {
    type: "table",
    id: "holdout",
    title: {
      en: "Holdout check: repeat purchases per customer by calibration frequency",
      ja: "ホールドアウト検証：調整期間の購買回数別、顧客あたりリピート購買数",
    },
    columns: [
      {
        key: "bucket",
        label: { en: "Repeat purchases (calibration)", ja: "調整期間のリピート購買数" },
        kind: "text",
      },
      { key: "customers", label: { en: "Customers", ja: "顧客数" }, kind: "integer" },
      { key: "actual", label: { en: "Actual", ja: "実績" }, kind: "number", decimals: 3 },
      { key: "predicted", label: { en: "Predicted", ja: "予測" }, kind: "number", decimals: 3 },
      {
        key: "difference",
        label: { en: "Predicted − actual", ja: "予測 − 実績" },
        kind: "number",
        decimals: 3,
      },
    ],
    rows,
    notes: [
      {
        en: `Holdout length ${round(h.holdoutLength)} periods; totals: actual ${round(h.actualTotal)}, predicted ${round(h.predictedTotal)}.`,
        ja: `ホールドアウト期間 ${round(h.holdoutLength)} 期間。合計：実績 ${round(h.actualTotal)}、予測 ${round(h.predictedTotal)}。`,
      },
    ],
  };
}

/** Actual and predicted side by side per bucket: the HTML chart of the holdout check. */
function holdoutBars(h: HoldoutCheck): BarsSection {
  return {
    type: "bars",
    id: "holdout_chart",
    title: { en: "Holdout: actual vs predicted", ja: "ホールドアウト：実績と予測" },
    kind: "number",
    bars: h.buckets.flatMap((b) => [
      { label: { en: `x = ${b.label}: actual`, ja: `x = ${b.label}：実績` }, value: b.actual },
      { label: { en: `x = ${b.label}: predicted`, ja: `x = ${b.label}：予測` }, value: b.predicted },
    ]),
  };
}

function round(v: number): string {
  return (Math.round(v * 10) / 10).toFixed(1);
}
