/**
 * The alert output as a report model: one table, one row per alert, the columns a CRM imports.
 * JSON carries reasons and actions in both languages; CSV, table and HTML pick `--lang`.
 */
import { formatDateKey } from "../../analytics/calendar/dates.js";
import { type ExplainedCandidate, stageLabel } from "../../analytics/dormant/index.js";
import type { Column, Fact, Label, Report, Row } from "../../report/index.js";

const COLUMNS: Column[] = [
  { key: "customer_id", label: { en: "Customer ID", ja: "顧客ID" }, kind: "text" },
  { key: "stage", label: { en: "Stage", ja: "ステージ" }, kind: "text" },
  { key: "stage_label", label: { en: "Stage name", ja: "ステージ名" }, kind: "text" },
  { key: "method", label: { en: "Method", ja: "判定方法" }, kind: "text" },
  { key: "reason", label: { en: "Reason", ja: "理由" }, kind: "text" },
  { key: "last_order_date", label: { en: "Last order", ja: "最終注文日" }, kind: "text" },
  { key: "days_since", label: { en: "Days since", ja: "経過日数" }, kind: "integer" },
  { key: "orders", label: { en: "Orders", ja: "注文日数" }, kind: "integer" },
  {
    key: "median_gap_days",
    label: { en: "Median gap (days)", ja: "注文間隔の中央値（日）" },
    kind: "number",
  },
  { key: "p_alive", label: { en: "P(alive)", ja: "稼働確率" }, kind: "number", decimals: 3 },
  {
    key: "expected_30",
    label: { en: "Expected orders 30d", ja: "予測注文数（30日）" },
    kind: "number",
    decimals: 2,
  },
  {
    key: "expected_90",
    label: { en: "Expected orders 90d", ja: "予測注文数（90日）" },
    kind: "number",
    decimals: 2,
  },
  { key: "rfm_segment", label: { en: "RFM segment", ja: "RFMセグメント" }, kind: "text" },
  { key: "action", label: { en: "Recommended action", ja: "推奨アクション" }, kind: "text" },
];

export interface AlertsReportInput {
  rows: readonly ExplainedCandidate[];
  segments: ReadonlyMap<string, Label>;
  /** True for `--all` (current state), false for new alerts only. */
  all: boolean;
  facts: Fact[];
  notes: Label[];
}

export function alertsReport(input: AlertsReportInput): Report {
  const rows: Row[] = input.rows.map((c) => ({
    cells: {
      customer_id: c.customerId,
      stage: c.stage,
      stage_label: stageLabel(c.stage),
      method: c.method,
      reason: c.reason,
      last_order_date: formatDateKey(c.lastOrderDay),
      days_since: c.daysSince,
      orders: c.orders,
      median_gap_days: c.medianGapDays,
      p_alive: c.pAlive,
      expected_30: c.expected30,
      expected_90: c.expected90,
      rfm_segment: input.segments.get(c.customerId) ?? null,
      action: c.action,
    },
  }));
  return {
    title: input.all
      ? { en: "Dormant customers: current state", ja: "休眠顧客：現在の状態" }
      : { en: "Dormant customers: new alerts", ja: "休眠顧客：新規アラート" },
    facts: input.facts,
    sections: [
      {
        type: "table",
        id: "alerts",
        title: input.all
          ? { en: "Customers at a stage", ja: "ステージ該当顧客" }
          : { en: "New alerts", ja: "新規アラート" },
        columns: COLUMNS,
        rows,
      },
    ],
    notes: input.notes,
  };
}
