/**
 * `--drill <metric>`: the tickets behind a figure, with ids a person can open in their help desk.
 * A table report for the text formats, a small versioned document for JSON.
 */
import { type DrillMetric, type DrillRow, drillDown, metricDefinition } from "../../analytics/kpi/index.js";
import type { Column, Label, Report } from "../../report/index.js";
import type { KpiRun } from "./compute.js";
import { L } from "./labels.js";
import { localStamp } from "./ranges.js";

/** What each drill lists, and what its value column holds. */
const DRILL_INFO: Record<
  DrillMetric,
  { what: Label; value: Label; unit: "duration" | "integer" | "number" }
> = {
  "sla.first_response": {
    what: { en: "first-response SLA breaches", ja: "初回応答SLA違反" },
    value: { en: "Elapsed", ja: "経過時間" },
    unit: "duration",
  },
  "sla.resolution": {
    what: { en: "resolution SLA breaches", ja: "解決SLA違反" },
    value: { en: "Elapsed", ja: "経過時間" },
    unit: "duration",
  },
  csat: {
    what: { en: "CSAT answers of 2 or less (Bad)", ja: "CSAT 2以下（Bad）" },
    value: { en: "Score", ja: "スコア" },
    unit: "number",
  },
  frt: {
    what: { en: "first responses over the p90", ja: "初回応答時間 p90超" },
    value: { en: "Time", ja: "時間" },
    unit: "duration",
  },
  first_resolution: {
    what: { en: "first resolutions over the p90", ja: "初回解決時間 p90超" },
    value: { en: "Time", ja: "時間" },
    unit: "duration",
  },
  full_resolution: {
    what: { en: "full resolutions over the p90", ja: "完全解決時間 p90超" },
    value: { en: "Time", ja: "時間" },
    unit: "duration",
  },
  handle: {
    what: { en: "handle times over the p90", ja: "処理時間 p90超" },
    value: { en: "Time", ja: "時間" },
    unit: "duration",
  },
  reopen: {
    what: { en: "reopened tickets", ja: "再オープンされたチケット" },
    value: { en: "Reopens", ja: "再オープン回数" },
    unit: "integer",
  },
  recontact: {
    what: {
      en: "re-contacted tickets (detail: the follow-up)",
      ja: "再接触されたチケット（詳細: 後続チケット）",
    },
    value: { en: "Resolved → next contact", ja: "解決から再接触まで" },
    unit: "duration",
  },
  fcr: {
    what: {
      en: "resolved tickets that missed first-contact resolution",
      ja: "一次解決にならなかったチケット",
    },
    value: { en: "Agent replies", ja: "エージェント返信数" },
    unit: "integer",
  },
};

export interface Drill {
  metric: DrillMetric;
  rows: DrillRow[];
  /** Rows before --limit cut them. */
  total: number;
}

export function runDrill(run: KpiRun, metric: DrillMetric, limit: number | undefined): Drill {
  const rows = drillDown(metric, run.table, run.measures, run.surveys, { scope: run.settings.scope });
  return { metric, rows: limit === undefined ? rows : rows.slice(0, limit), total: rows.length };
}

/**
 * The ticket's page in the help desk from config `kpi.ticket_url` ("…/tickets/{ticket_id}"), the id
 * percent-encoded; null without a template.
 */
export function ticketLink(template: string | undefined, ticketId: string): string | null {
  return template ? template.replaceAll("{ticket_id}", encodeURIComponent(ticketId)) : null;
}

/** Values in the report model's units: durations in minutes. */
function shown(drill: Drill, value: number | null): number | null {
  if (value === null) return null;
  return DRILL_INFO[drill.metric].unit === "duration" ? value / 60 : value;
}

export function buildDrillReport(run: KpiRun, drill: Drill, ticketUrl?: string): Report {
  const info = DRILL_INFO[drill.metric];
  const def = metricDefinition(drill.metric);
  const columns: Column[] = [
    { key: "ticket_id", label: L.ticket, kind: "text" },
    { key: "value", label: info.value, kind: info.unit, ...(info.unit === "number" ? { decimals: 0 } : {}) },
    { key: "detail", label: L.detail, kind: "text" },
  ];
  if (ticketUrl) columns.push({ key: "link", label: { en: "Link", ja: "リンク" }, kind: "text" });
  const notes: Label[] = [];
  if (drill.total > drill.rows.length) {
    notes.push({
      en: `Showing ${drill.rows.length} of ${drill.total}; raise --limit to see more.`,
      ja: `${drill.total}件中${drill.rows.length}件を表示（--limit で変更）。`,
    });
  }
  return {
    title: { en: `${L.drillTitle.en}: ${def.label.en}`, ja: `${L.drillTitle.ja}: ${def.label.ja}` },
    facts: [
      { label: L.asOf, value: localStamp(run.settings.asOf, run.settings.timeZone) },
      { label: { en: "Listed", ja: "対象" }, value: info.what },
      { label: { en: "Tickets", ja: "件数" }, value: String(drill.total) },
    ],
    sections: [
      {
        type: "table",
        id: `drill.${drill.metric}`,
        title: info.what,
        columns,
        rows: drill.rows.map((r) => ({
          cells: {
            ticket_id: r.ticketId,
            value: shown(drill, r.value),
            detail: r.detail ?? null,
            ...(ticketUrl ? { link: ticketLink(ticketUrl, r.ticketId) } : {}),
          },
        })),
        ...(notes.length ? { notes } : {}),
      },
    ],
  };
}

/** JSON: values in their natural units (seconds for durations); `url` null without `kpi.ticket_url`. */
export function renderDrillJson(run: KpiRun, drill: Drill, ticketUrl?: string): string {
  const document = {
    version: 1,
    kind: "kpi-drill",
    metric: drill.metric,
    as_of: new Date(run.settings.asOf * 1000).toISOString().replace(".000Z", "Z"),
    unit: DRILL_INFO[drill.metric].unit === "duration" ? "seconds" : DRILL_INFO[drill.metric].unit,
    total: drill.total,
    rows: drill.rows.map((r) => ({
      ticket_id: r.ticketId,
      value: r.value,
      detail: r.detail ?? null,
      url: ticketLink(ticketUrl, r.ticketId),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
