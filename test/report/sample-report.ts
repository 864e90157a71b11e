import type { Report } from "../../src/report/model.js";

/** A small KPI-shaped report used by several renderer tests; figures chosen to be easy to check. */
export function sampleReport(): Report {
  return {
    title: { en: "KPI report", ja: "KPIレポート" },
    facts: [{ label: { en: "Period", ja: "期間" }, value: "2025-01-06 – 2025-02-02" }],
    sections: [
      {
        type: "table",
        id: "kpi",
        title: { en: "Overview", ja: "概要" },
        columns: [
          { key: "metric", label: { en: "Metric", ja: "指標" }, kind: "text" },
          { key: "n", label: { en: "n", ja: "件数" }, kind: "integer" },
          { key: "median", label: { en: "Median", ja: "中央値" }, kind: "duration" },
          { key: "rate", label: { en: "Rate", ja: "率" }, kind: "rate" },
          {
            key: "delta",
            label: { en: "vs prev", ja: "前期比" },
            kind: "delta",
            deltaOf: "duration",
            good: "down",
          },
          { key: "target", label: { en: "Target", ja: "目標" }, kind: "target" },
        ],
        rows: [
          {
            cells: {
              metric: { en: "First response time", ja: "初回応答時間" },
              n: 1234,
              median: 65,
              rate: null,
              delta: -12,
              target: { status: "met", target: "p90 <= 60m" },
            },
            series: { periods: ["W02", "W03", "W04", "W05"], values: [70, 65, null, 50], kind: "duration" },
          },
          {
            cells: {
              metric: { en: "First-contact resolution", ja: "一次解決率" },
              n: 1000,
              median: null,
              rate: { value: 0.852, low: 0.81, high: 0.889, n: 1000 },
              delta: 5,
              target: { status: "missed", target: ">= 90%" },
            },
            series: {
              periods: ["W02", "W03", "W04", "W05"],
              values: [0.8, 0.82, 0.85, 0.852],
              kind: "percent",
            },
          },
        ],
        notes: [{ en: "Durations in business hours.", ja: "時間は営業時間ベース。" }],
      },
      {
        type: "heatmap",
        id: "rf",
        title: { en: "Customers by R × F", ja: "R × F 別顧客数" },
        rowAxis: { en: "R", ja: "R" },
        columnAxis: { en: "F", ja: "F" },
        rowKeys: ["3", "2", "1"],
        columnKeys: ["1", "2", "3"],
        values: [
          [10, 20, 100],
          [0, null, 40],
          [5, 60, 7],
        ],
      },
      {
        type: "bars",
        id: "channel_mix",
        title: { en: "Channel mix", ja: "チャネル構成" },
        kind: "percent",
        bars: [
          { label: { en: "Email", ja: "メール" }, value: 0.6 },
          { label: "Chat", value: 0.3 },
          { label: { en: "Phone", ja: "電話" }, value: 0.1 },
        ],
      },
    ],
    notes: [{ en: "Generated from the store.", ja: "ストアから集計。" }],
  };
}
