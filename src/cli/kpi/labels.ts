/** Report labels of the KPI command in both report languages (metric names live in analytics/kpi). */
import type { Label } from "../../report/index.js";

export const L = {
  title: { en: "KPI report", ja: "KPIレポート" },
  drillTitle: { en: "Tickets behind the figure", ja: "内訳チケット" },
  checkTitle: { en: "KPI targets", ja: "KPI目標" },
  asOf: { en: "As of", ja: "基準日時" },
  timeZone: { en: "Time zone", ja: "タイムゾーン" },
  range: { en: "Range", ja: "集計期間" },
  allTime: { en: "all tickets created before as of", ja: "基準日時までの全チケット" },
  compareTo: { en: "Compared with", ja: "比較期間" },
  period: { en: "Trend by", ja: "推移の単位" },
  groupedBy: { en: "Grouped by", ja: "グループ" },
  slaBasis: { en: "SLA basis", ja: "SLA計測基準" },
  all: { en: "All", ja: "全体" },
  group: { en: "Group", ja: "グループ" },
  value: { en: "Value", ja: "値" },
  rate: { en: "Rate (95% interval)", ja: "率（95%信頼区間）" },
  marginOfError: { en: "± margin", ja: "誤差幅" },
  delta: { en: "Δ vs comparison", ja: "比較差" },
  target: { en: "Target", ja: "目標" },
  ticket: { en: "Ticket", ja: "チケット" },
  detail: { en: "Detail", ja: "詳細" },
  expression: { en: "Target", ja: "目標" },
  actual: { en: "Actual", ja: "実績" },
  status: { en: "Status", ja: "判定" },
  met: { en: "met", ja: "達成" },
  missed: { en: "missed", ja: "未達" },
  noData: { en: "no data", ja: "データなし" },
  business: { en: "business", ja: "営業時間" },
  calendar: { en: "calendar", ja: "暦時間" },
  mean: { en: "mean", ja: "平均" },
  median: { en: "median", ja: "中央値" },
  n: { en: "n", ja: "件数" },
} as const satisfies Record<string, Label>;

export const DIMENSION_LABELS: Record<string, Label> = {
  channel: { en: "Channel", ja: "チャネル" },
  agent: { en: "Agent", ja: "担当者" },
  group: { en: "Group", ja: "グループ" },
  priority: { en: "Priority", ja: "優先度" },
  reason: { en: "Contact reason", ja: "問い合わせ理由" },
  segment: { en: "Customer segment", ja: "顧客セグメント" },
};

export const PERIOD_LABELS: Record<string, Label> = {
  day: { en: "day", ja: "日" },
  week: { en: "week", ja: "週" },
  month: { en: "month", ja: "月" },
  quarter: { en: "quarter", ja: "四半期" },
};

/** "median" / "p90" as a column label, with the basis: "median (business)". */
export function statLabel(stat: string, basis: "calendar" | "business"): Label {
  const base: Label = stat === "median" ? L.median : stat === "mean" ? L.mean : { en: stat, ja: stat };
  const b = basis === "business" ? L.business : L.calendar;
  return { en: `${base.en} (${b.en})`, ja: `${base.ja}（${b.ja}）` };
}
