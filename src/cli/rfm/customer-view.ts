/**
 * The single customer view: one customer's orders, RFM scores and segment (scored among all
 * customers as of the date), lifecycle and dormancy stage, tickets and survey answers.
 */
import { customerRow, type RfmCustomerRow, type RfmResult } from "../../analytics/rfm/index.js";
import type { OrderRecord } from "../../domain/records.js";
import type { Lang } from "../../i18n.js";
import type { Fact, Label, Report, TableSection } from "../../report/index.js";
import type { CustomerSurveyAnswer, CustomerTicket, SupportCounts } from "../../store/queries/customers.js";
import { epochToZoned, tzOffsetSeconds } from "../../util/time-zone.js";
import { STAGES, same } from "./labels.js";
import { type SupportFigures, supportFigures } from "./support.js";

export interface CustomerView {
  customerId: string;
  asOfDate: string;
  timeZone: string;
  /** Null when the customer has no order on or before the as-of date. */
  rfm: RfmCustomerRow | null;
  segmentAction: Label | null;
  dormancyStage: string | null;
  support: SupportFigures;
  orders: OrderRecord[];
  tickets: CustomerTicket[];
  surveys: CustomerSurveyAnswer[];
}

/** The customer's row in the result, found by binary search (ids are in code-unit order). */
export function findCustomer(result: RfmResult, customerId: string): number {
  const ids = result.customers.measures.customerIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = ids[mid] as string;
    if (id === customerId) return mid;
    if (id < customerId) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function buildCustomerView(input: {
  customerId: string;
  result: RfmResult;
  dormancyStage: string | null;
  support: SupportCounts;
  orders: OrderRecord[];
  tickets: CustomerTicket[];
  surveys: CustomerSurveyAnswer[];
}): CustomerView {
  const { result } = input;
  const i = findCustomer(result, input.customerId);
  const rfm = i >= 0 ? customerRow(result, i) : null;
  const rule = i >= 0 ? result.segmentRules[result.customers.segment[i] as number] : undefined;
  return {
    customerId: input.customerId,
    asOfDate: result.asOfDate,
    timeZone: result.timeZone,
    rfm,
    segmentAction: rule?.action ?? null,
    dormancyStage: input.dormancyStage,
    support: supportFigures(1, input.support),
    orders: input.orders,
    tickets: input.tickets,
    surveys: input.surveys,
  };
}

/** ISO 8601 local time with the zone's offset, e.g. 2025-06-30T23:30:00+09:00. */
export function isoLocal(epochSec: number | null, timeZone: string): string | null {
  if (epochSec === null) return null;
  const p = epochToZoned(epochSec, timeZone);
  const offset = tzOffsetSeconds(epochSec, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 3600))}:${two(Math.floor((abs % 3600) / 60))}`;
}

/** `YYYY-MM-DD HH:MM` for tables. */
function shortLocal(epochSec: number | null, timeZone: string): string | null {
  const iso = isoLocal(epochSec, timeZone);
  return iso === null ? null : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The stable `--json` document (docs/cli-rfm.md). */
export function customerViewJson(view: CustomerView, lang: Lang) {
  const tz = view.timeZone;
  const r = view.rfm;
  return {
    customer_id: view.customerId,
    as_of: view.asOfDate,
    time_zone: tz,
    rfm: r && {
      recency_days: r.recency_days,
      frequency: r.frequency,
      revenue: r.revenue,
      average_order_value: r.average_order_value,
      coupon_share: r.coupon_share,
      r: r.r,
      f: r.f,
      m: r.m,
      rfm: r.rfm,
      segment: r.segment,
      segment_name: r.segment_name[lang],
      action: view.segmentAction?.[lang] ?? null,
      lifecycle: r.lifecycle,
    },
    dormancy_stage: view.dormancyStage,
    support: {
      tickets: view.support.tickets,
      recontact_base: view.support.recontactBase,
      recontacted: view.support.recontacted,
      recontact_rate: view.support.recontactRate,
      csat_rated: view.support.csatRated,
      csat: view.support.csat,
    },
    orders: view.orders.map((o) => ({
      order_id: o.order_id,
      ordered_at: isoLocal(o.ordered_at, tz),
      amount: o.amount,
      quantity: o.quantity,
      currency: o.currency,
      coupon_used: o.coupon_used,
    })),
    tickets: view.tickets.map((t) => ({
      ticket_id: t.ticket_id,
      created_at: isoLocal(t.created_at, tz),
      resolved_at: isoLocal(t.resolved_at, tz),
      status: t.status,
      channel: t.channel,
      reason: t.reason,
      subject: t.subject,
      agent: t.agent,
    })),
    surveys: view.surveys.map((s) => ({
      response_id: s.response_id,
      ticket_id: s.ticket_id,
      responded_at: isoLocal(s.responded_at, tz),
      kind: s.kind,
      score: s.score,
      scale: [s.scale_min, s.scale_max],
      comment: s.comment,
    })),
  };
}

const V = {
  title: { en: "Customer", ja: "顧客" },
  asOf: { en: "As of", ja: "基準日" },
  scores: { en: "R / F / M scores", ja: "R / F / M スコア" },
  measures: { en: "Recency / orders / revenue", ja: "経過日数 / 購入回数 / 購入金額" },
  segment: { en: "Segment", ja: "セグメント" },
  action: { en: "Recommended action", ja: "推奨アクション" },
  lifecycle: { en: "Lifecycle", ja: "ライフサイクル" },
  dormancy: { en: "Dormancy stage", ja: "休眠ステージ" },
  support: { en: "Tickets / re-contact / CSAT", ja: "問い合わせ数 / 再接触率 / CSAT" },
  orders: { en: "Orders", ja: "注文" },
  tickets: { en: "Tickets", ja: "問い合わせ" },
  surveys: { en: "Survey answers", ja: "アンケート回答" },
  none: { en: "none", ja: "なし" },
  noOrders: { en: "no orders up to the as-of date", ja: "基準日までの注文なし" },
} satisfies Record<string, Label>;

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);

/** The view as a report for the terminal (and markdown/html through the same renderers). */
export function customerViewReport(view: CustomerView): Report {
  const tz = view.timeZone;
  const r = view.rfm;
  const facts: Fact[] = [{ label: V.asOf, value: `${view.asOfDate} (${tz})` }];
  if (r) {
    facts.push(
      { label: V.scores, value: `${r.r} / ${r.f} / ${r.m} (${r.rfm})` },
      {
        label: V.measures,
        value: `${r.recency_days} / ${r.frequency} / ${r.revenue.toLocaleString("en-US", { maximumFractionDigits: 2 })}`,
      },
      { label: V.segment, value: r.segment_name },
      { label: V.lifecycle, value: STAGES[r.lifecycle] },
    );
    if (view.segmentAction) facts.push({ label: V.action, value: view.segmentAction });
  } else {
    facts.push({ label: V.scores, value: V.noOrders });
  }
  facts.push(
    { label: V.dormancy, value: view.dormancyStage ?? V.none },
    {
      label: V.support,
      value: `${view.support.tickets} / ${pct(view.support.recontactRate)} / ${pct(view.support.csat)}`,
    },
  );
  const orders: TableSection = {
    type: "table",
    id: "orders",
    title: V.orders,
    columns: [
      { key: "order_id", label: same("ID"), kind: "text" },
      { key: "ordered_at", label: { en: "Ordered at", ja: "注文日時" }, kind: "text" },
      { key: "amount", label: { en: "Amount", ja: "金額" }, kind: "number", decimals: 2 },
      { key: "coupon_used", label: { en: "Coupon", ja: "クーポン" }, kind: "text" },
    ],
    rows: view.orders.map((o) => ({
      cells: {
        order_id: o.order_id,
        ordered_at: shortLocal(o.ordered_at, tz),
        amount: o.amount,
        coupon_used: o.coupon_used === null ? null : o.coupon_used ? "yes" : "no",
      },
    })),
  };
  const tickets: TableSection = {
    type: "table",
    id: "tickets",
    title: V.tickets,
    columns: [
      { key: "ticket_id", label: same("ID"), kind: "text" },
      { key: "created_at", label: { en: "Created", ja: "作成日時" }, kind: "text" },
      { key: "status", label: { en: "Status", ja: "状況" }, kind: "text" },
      { key: "channel", label: { en: "Channel", ja: "チャネル" }, kind: "text" },
      { key: "reason", label: { en: "Reason", ja: "問い合わせ種別" }, kind: "text" },
      { key: "subject", label: { en: "Subject", ja: "件名" }, kind: "text" },
    ],
    rows: view.tickets.map((t) => ({
      cells: {
        ticket_id: t.ticket_id,
        created_at: shortLocal(t.created_at, tz),
        status: t.status,
        channel: t.channel,
        reason: t.reason,
        subject: t.subject,
      },
    })),
  };
  const surveys: TableSection = {
    type: "table",
    id: "surveys",
    title: V.surveys,
    columns: [
      { key: "response_id", label: same("ID"), kind: "text" },
      { key: "responded_at", label: { en: "Answered", ja: "回答日時" }, kind: "text" },
      { key: "kind", label: { en: "Kind", ja: "種類" }, kind: "text" },
      { key: "score", label: { en: "Score", ja: "スコア" }, kind: "text" },
      { key: "ticket_id", label: { en: "Ticket", ja: "チケット" }, kind: "text" },
      { key: "comment", label: { en: "Comment", ja: "コメント" }, kind: "text" },
    ],
    rows: view.surveys.map((s) => ({
      cells: {
        response_id: s.response_id,
        responded_at: shortLocal(s.responded_at, tz),
        kind: s.kind.toUpperCase(),
        score: `${s.score} (${s.scale_min}–${s.scale_max})`,
        ticket_id: s.ticket_id,
        comment: s.comment,
      },
    })),
  };
  return {
    title: { en: `${V.title.en} ${view.customerId}`, ja: `${V.title.ja} ${view.customerId}` },
    facts,
    sections: [orders, tickets, surveys],
  };
}
