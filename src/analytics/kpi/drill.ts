import { quantileOfSorted } from "../stats/quantile.js";
import type { DurationMeasure } from "./durations.js";
import type { TicketMeasures } from "./measures.js";
import type { SurveyTable } from "./surveys.js";
import { resolutionInstant } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

export const DRILL_METRICS = [
  "sla.first_response",
  "sla.resolution",
  "csat",
  "frt",
  "first_resolution",
  "full_resolution",
  "handle",
  "reopen",
  "recontact",
  "fcr",
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];

/** One ticket behind a figure, and the value that put it there. */
export interface DrillRow {
  ticketId: string;
  /**
   * sla.*: elapsed seconds (null when the export's verdict was used); csat: the score;
   * durations: seconds; reopen: the reopen count; recontact: seconds from resolution to the
   * follow-up ticket; fcr: agent replies (or customer messages) of the missed ticket.
   */
  value: number | null;
  /** recontact: the follow-up ticket id; csat: the survey response id. */
  detail?: string;
}

export interface DrillOptions {
  /** Same scope as the figures: tickets created in [from, to). */
  scope?: { from: number; to: number } | undefined;
  /** Durations: the percentile above which tickets are listed (default 90). */
  abovePercentile?: number | undefined;
}

/**
 * The tickets behind a figure, worst first: SLA breaches, CSAT answers of 2 or less (Bad on a
 * binary scale), durations above the p90 (of the same in-scope values), reopened tickets,
 * re-contacted tickets, FCR misses.
 */
export function drillDown(
  metric: DrillMetric,
  t: TicketTable,
  m: TicketMeasures,
  surveys: SurveyTable | undefined,
  options: DrillOptions = {},
): DrillRow[] {
  const scope = options.scope;
  const inScope = (i: number) => {
    const c = t.createdAt[i] as number;
    return !scope || (c >= scope.from && c < scope.to);
  };
  const rows: DrillRow[] = [];
  const id = (i: number) => t.ids[i] as string;
  switch (metric) {
    case "sla.first_response":
    case "sla.resolution": {
      const sla = metric === "sla.first_response" ? m.sla.firstResponse : m.sla.resolution;
      for (let i = 0; i < t.length; i++) {
        if (sla.outcome[i] !== 0 || !inScope(i)) continue;
        const e = sla.elapsed[i] as number;
        rows.push({ ticketId: id(i), value: Number.isNaN(e) ? null : e });
      }
      break;
    }
    case "csat":
      for (let s = 0; surveys && s < surveys.length; s++) {
        if (surveys.kinds[s] !== "csat" || surveys.low[s] !== 1) continue;
        const row = surveys.ticketRow[s] as number;
        if (row < 0 || !inScope(row)) continue;
        rows.push({
          ticketId: id(row),
          value: surveys.scores[s] as number,
          detail: surveys.ids[s] as string,
        });
      }
      rows.sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
      return rows;
    case "frt":
    case "first_resolution":
    case "full_resolution":
    case "handle":
      return aboveQuantile(durationOf(m, metric), t, inScope, options.abovePercentile ?? 90);
    case "reopen":
      for (let i = 0; i < t.length; i++) {
        if (m.rates.reopen[i] === 1 && inScope(i))
          rows.push({ ticketId: id(i), value: t.reopenCount[i] as number });
      }
      break;
    case "recontact":
      for (let i = 0; i < t.length; i++) {
        const next = m.recontact.followUp[i] as number;
        if (m.recontact.outcome[i] !== 1 || next < 0 || !inScope(i)) continue;
        rows.push({
          ticketId: id(i),
          value: (t.createdAt[next] as number) - resolutionInstant(t, i),
          detail: id(next),
        });
      }
      return rows;
    case "fcr":
      for (let i = 0; i < t.length; i++) {
        if (m.rates.fcr[i] !== 0 || !inScope(i)) continue;
        const replies = t.agentReplies[i] as number;
        rows.push({ ticketId: id(i), value: replies < 0 ? null : replies });
      }
      return rows;
  }
  rows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return rows;
}

function durationOf(m: TicketMeasures, metric: "frt" | "first_resolution" | "full_resolution" | "handle") {
  if (metric === "frt") return m.durations.firstResponse;
  if (metric === "first_resolution") return m.durations.firstResolution;
  if (metric === "full_resolution") return m.durations.fullResolution;
  return m.durations.handle;
}

function aboveQuantile(
  measure: DurationMeasure,
  t: TicketTable,
  inScope: (i: number) => boolean,
  percentile: number,
): DrillRow[] {
  const values: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const v = measure.calendar[i] as number;
    if (!Number.isNaN(v) && inScope(i)) values.push(v);
  }
  const sorted = Float64Array.from(values).sort();
  const cut = quantileOfSorted(sorted, percentile);
  const rows: DrillRow[] = [];
  for (let i = 0; i < t.length; i++) {
    const v = measure.calendar[i] as number;
    if (v > cut && inScope(i)) rows.push({ ticketId: t.ids[i] as string, value: v });
  }
  rows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return rows;
}
