import { DEFAULT_PERCENTILES, normalizePercentiles } from "../stats/quantile.js";
import { type DistributionSummary, summarizeSegment } from "../stats/summary.js";
import { cesSummary, npsSummary } from "../stats/survey-scores.js";
import { rateSummary } from "../stats/wilson.js";
import { type DurationMeasure, Exclusion } from "./durations.js";
import type { DurationFigure, GroupFigures, KpiFigures, KpiResult, ShareEntry } from "./figures.js";
import { boundaryCounter, type GroupCodes, type Grouping, groupCodes, NONE_LABEL } from "./grouping.js";
import { type MeasureOptions, measureTickets, type TicketMeasures } from "./measures.js";
import { INVALID_ANSWER, NPS_DETRACTOR, NPS_PROMOTER, type SurveyTable } from "./surveys.js";
import { closingInstant, isMerged } from "./ticket-state.js";
import type { EncodedColumn, TicketTable } from "./ticket-table.js";

export interface KpiOptions extends MeasureOptions {
  /** Tickets created in [from, to) are reported; tickets outside still feed re-contact and backlog. */
  scope?: { from: number; to: number } | undefined;
  grouping?: Grouping | undefined;
  /** Percentiles for durations (default 50 and 90). */
  percentiles?: readonly number[] | undefined;
  /** How many contact reasons to list (default 10). */
  topReasons?: number | undefined;
}

/** Measures every ticket, then aggregates overall and per group. */
export function computeKpis(
  tickets: TicketTable,
  surveys: SurveyTable | undefined,
  options: KpiOptions,
): KpiResult {
  return aggregateKpis(tickets, surveys, measureTickets(tickets, options), options);
}

export const RATE_KEYS = [
  "fcr",
  "oneTouch",
  "recontact",
  "reopen",
  "slaFirstResponse",
  "slaResolution",
  "escalation",
  "selfService",
  "knowledge",
] as const;
export const DURATION_KEYS = ["firstResponse", "firstResolution", "fullResolution", "handle"] as const;

/** Per-ticket outcomes (1 success, 0 failure, −1 left out) in RATE_KEYS order. */
export function rateOutcomesOf(m: TicketMeasures): Int8Array[] {
  return [
    m.rates.fcr,
    m.rates.oneTouch,
    m.recontact.outcome,
    m.rates.reopen,
    m.sla.firstResponse.outcome,
    m.sla.resolution.outcome,
    m.rates.escalation,
    m.rates.selfService,
    m.rates.knowledge,
  ];
}

/** Aggregation over measured tickets; the slot after the last group holds the overall figures. */
export function aggregateKpis(
  t: TicketTable,
  surveys: SurveyTable | undefined,
  m: TicketMeasures,
  options: KpiOptions,
): KpiResult {
  const n = t.length;
  const percentiles = normalizePercentiles(options.percentiles ?? DEFAULT_PERCENTILES);
  const groups = groupCodes(options.grouping ?? { dimensions: [] }, n);
  const grouped = (options.grouping?.dimensions.length ?? 0) > 0 || options.grouping?.periods !== undefined;
  const G = grouped ? groups.count : 0;
  const slotOf = new Int32Array(n);
  const inScope = new Uint8Array(n);
  const scope = options.scope;
  for (let i = 0; i < n; i++) {
    const c = t.createdAt[i] as number;
    inScope[i] = !scope || (c >= scope.from && c < scope.to) ? 1 : 0;
    slotOf[i] = grouped ? (groups.codes[i] as number) : -1;
  }

  // Counting slots: each group, then "in scope but in no group" (G + 1); the overall slot G is
  // their sum, so every ticket is counted once per metric in a tight loop.
  const W = G + 2;
  const countSlot = new Int32Array(n);
  const merged = new Int32Array(W);
  for (let i = 0; i < n; i++) {
    const g = slotOf[i] as number;
    const slot = inScope[i] === 0 ? -1 : g >= 0 ? g : G + 1;
    if (slot >= 0 && isMerged(t, i)) {
      (merged[slot] as number)++;
      countSlot[i] = -1;
    } else countSlot[i] = slot;
  }
  const volume = new Int32Array(W);
  const channels = countColumn(t.channel);
  const reasons = countColumn(t.reason);
  const channelCounts = new Int32Array(W * channels);
  const reasonCounts = new Int32Array(W * reasons);
  countValues(countSlot, t.channel, channelCounts);
  countValues(countSlot, t.reason, reasonCounts);
  for (let i = 0; i < n; i++) {
    const slot = countSlot[i] as number;
    if (slot >= 0) (volume[slot] as number)++;
  }
  const rateOutcomes = rateOutcomesOf(m);
  const successes = new Int32Array(RATE_KEYS.length * W);
  const totals = new Int32Array(RATE_KEYS.length * W);
  rateOutcomes.forEach((outcome, k) => {
    countOutcomes(countSlot, outcome, k * W, successes, totals);
  });
  for (const [counts, width] of [
    [merged, 1],
    [volume, 1],
    [channelCounts, channels],
    [reasonCounts, reasons],
  ] as const) {
    foldOverall(counts, width, G);
  }
  for (let k = 0; k < RATE_KEYS.length; k++) {
    foldOverall(successes.subarray(k * W, (k + 1) * W), 1, G);
    foldOverall(totals.subarray(k * W, (k + 1) * W), 1, G);
  }

  const buffer = new Float64Array(n);
  const durationFigures = DURATION_KEYS.map((key) =>
    aggregateDuration(m.durations[key], inScope, slotOf, G, percentiles, buffer),
  );
  const backlog = countBacklog(t, groups, grouped, options);
  const survey = aggregateSurveys(surveys, inScope, slotOf, G, options.scope);

  const tables: SlotTables = {
    volume,
    merged,
    successes,
    totals,
    channelCounts,
    reasonCounts,
    backlog,
    durations: durationFigures,
    survey,
    W,
    topN: options.topReasons ?? 10,
  };
  const groupFigures: GroupFigures[] = [];
  for (let g = 0; g < G; g++) {
    if ((volume[g] as number) === 0 && (merged[g] as number) === 0) continue;
    groupFigures.push({ key: groups.keyOf(g), figures: slotFigures(t, tables, g) });
  }
  return { overall: slotFigures(t, tables, G), groups: groupFigures, percentiles };
}

/** Per-slot counts and summaries of one grouping, from which each slot's figures are read. */
export interface SlotTables {
  volume: Int32Array;
  merged: Int32Array;
  /** Rate k of slot s at k × W + s (RATE_KEYS order). */
  successes: Int32Array;
  totals: Int32Array;
  channelCounts: Int32Array;
  reasonCounts: Int32Array;
  backlog: Int32Array;
  /** Per DURATION_KEYS, one figure per slot. */
  durations: DurationFigure[][];
  survey: (slot: number) => Pick<KpiFigures, "csat" | "nps" | "ces" | "invalidSurveyAnswers">;
  /** Slot stride of the rate counts. */
  W: number;
  topN: number;
}

export function slotFigures(t: TicketTable, s: SlotTables, slot: number): KpiFigures {
  const W = s.W;
  const rate = (k: number) =>
    rateSummary(s.successes[k * W + slot] as number, s.totals[k * W + slot] as number);
  const vol = s.volume[slot] as number;
  const [frt, first, full, handle] = s.durations.map((d) => d[slot]) as [
    DurationFigure,
    DurationFigure,
    DurationFigure,
    DurationFigure,
  ];
  return {
    volume: vol,
    merged: s.merged[slot] as number,
    firstResponse: frt,
    firstResolution: first,
    fullResolution: full,
    handle,
    fcr: rate(0),
    oneTouch: rate(1),
    recontact: rate(2),
    reopen: rate(3),
    slaFirstResponse: rate(4),
    slaResolution: rate(5),
    escalation: rate(6),
    selfService: rate(7),
    knowledge: rate(8),
    backlog: s.backlog[slot] as number,
    channelMix: shares(s.channelCounts, slot, t.channel, vol, Number.POSITIVE_INFINITY),
    topReasons: shares(s.reasonCounts, slot, t.reason, vol, s.topN),
    ...s.survey(slot),
  };
}

export function countValues(countSlot: Int32Array, column: EncodedColumn, counts: Int32Array): void {
  const width = column.values.length + 1;
  const none = column.values.length;
  const codes = column.codes;
  for (let i = 0; i < countSlot.length; i++) {
    const slot = countSlot[i] as number;
    if (slot < 0) continue;
    const c = codes[i] as number;
    (counts[slot * width + (c < 0 ? none : c)] as number)++;
  }
}

export function countOutcomes(
  countSlot: Int32Array,
  outcome: Int8Array,
  base: number,
  successes: Int32Array,
  totals: Int32Array,
): void {
  for (let i = 0; i < countSlot.length; i++) {
    const slot = countSlot[i] as number;
    const o = outcome[i] as number;
    if (slot < 0 || o < 0) continue;
    (totals[base + slot] as number)++;
    (successes[base + slot] as number) += o;
  }
}

/** Overall slot G = the groups (0 … G − 1) plus the in-scope tickets in no group (G + 1). */
export function foldOverall(counts: Int32Array, width: number, G: number): void {
  for (let c = 0; c < width; c++) {
    let sum = counts[(G + 1) * width + c] as number;
    for (let g = 0; g < G; g++) sum += counts[g * width + c] as number;
    counts[G * width + c] = sum;
  }
}

export function countColumn(column: EncodedColumn): number {
  return column.values.length + 1;
}

function shares(
  counts: Int32Array,
  slot: number,
  column: EncodedColumn,
  volume: number,
  top: number,
): ShareEntry[] {
  const width = column.values.length + 1;
  const out: ShareEntry[] = [];
  for (let c = 0; c < width; c++) {
    const count = counts[slot * width + c] as number;
    if (count === 0) continue;
    const key = c === column.values.length ? NONE_LABEL : (column.values[c] as string);
    out.push({ key, count, share: count / volume });
  }
  out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out.length > top ? out.slice(0, top) : out;
}

/**
 * Places each slot's valid values in one contiguous segment of a shared buffer (counting sort by
 * slot), then selects the percentiles per segment in place; the overall figures use the whole
 * filled part, which holds every in-scope value. Summaries are taken at once so the next series
 * can reuse the buffer.
 */
function aggregateDuration(
  measure: DurationMeasure,
  inScope: Uint8Array,
  slotOf: Int32Array,
  G: number,
  percentiles: readonly number[],
  buffer: Float64Array,
): DurationFigure[] {
  const excluded = new Int32Array((G + 1) * 4);
  const fromExport = new Int32Array(G + 1);
  for (let i = 0; i < inScope.length; i++) {
    if (inScope[i] === 0) continue;
    const e = measure.exclusion[i] as number;
    const g = slotOf[i] as number;
    // Exclusion codes 1–4 map to the four counters; merged tickets are reported as `merged`.
    if (e !== Exclusion.none && e !== Exclusion.merged) {
      (excluded[G * 4 + e - 1] as number)++;
      if (g >= 0) (excluded[g * 4 + e - 1] as number)++;
    } else if (measure.fromExport[i] === 1) {
      (fromExport[G] as number)++;
      if (g >= 0) (fromExport[g] as number)++;
    }
  }
  const scratch = new Float64Array(percentiles.length + 1);
  const calendar = summarizeBySlot(measure.calendar, inScope, slotOf, G, percentiles, buffer, scratch);
  const business = summarizeBySlot(measure.business, inScope, slotOf, G, percentiles, buffer, scratch);
  const out: DurationFigure[] = new Array(G + 1);
  for (let s = 0; s <= G; s++) out[s] = durationFigure(calendar, business, excluded, fromExport, s);
  return out;
}

/** Slot s's figure; `excluded` holds the four exclusion counters per slot (Exclusion codes 1–4). */
export function durationFigure(
  calendar: readonly DistributionSummary[],
  business: readonly DistributionSummary[],
  excluded: Int32Array,
  fromExport: Int32Array,
  s: number,
): DurationFigure {
  return {
    calendar: calendar[s] as DistributionSummary,
    business: business[s] as DistributionSummary,
    excluded: {
      missing: excluded[s * 4] as number,
      open: excluded[s * 4 + 1] as number,
      invalid: excluded[s * 4 + 2] as number,
      absurd: excluded[s * 4 + 3] as number,
    },
    fromExport: fromExport[s] as number,
  };
}

function summarizeBySlot(
  values: Float64Array,
  inScope: Uint8Array,
  slotOf: Int32Array,
  G: number,
  percentiles: readonly number[],
  buffer: Float64Array,
  scratch: Float64Array,
): DistributionSummary[] {
  const offsets = new Int32Array(G + 2);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (inScope[i] === 0 || Number.isNaN(values[i] as number)) continue;
    total++;
    const g = slotOf[i] as number;
    if (g >= 0) (offsets[g + 1] as number)++;
  }
  for (let g = 0; g < G; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const next = offsets.slice(0, G + 1);
  // Values outside every group go after the grouped ones.
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (inScope[i] === 0 || Number.isNaN(v)) continue;
    const g = slotOf[i] as number;
    buffer[(next[g >= 0 ? g : G] as number)++] = v;
  }
  const out: DistributionSummary[] = new Array(G + 1);
  for (let g = 0; g < G; g++) {
    out[g] = summarizeSegment(buffer, percentiles, offsets[g] as number, offsets[g + 1] as number, scratch);
  }
  out[G] = summarizeSegment(buffer, percentiles, 0, total, scratch);
  return out;
}

/**
 * Backlog: tickets created before an instant and not resolved or closed by it, merged ones left
 * out, whatever their creation period. With period ends, each group is counted at its period's
 * end; otherwise at "as of" (or the scope's end when earlier).
 */
export function countBacklog(
  t: TicketTable,
  groups: GroupCodes,
  grouped: boolean,
  options: KpiOptions,
): Int32Array {
  const G = grouped ? groups.count : 0;
  const out = new Int32Array(G + 1);
  const ends = grouped ? options.grouping?.periods?.ends : undefined;
  const at = backlogInstant(options);
  const tally = tallyBacklog(t, groups.dimensionCodes, groups.dimensionCount, at, ends, groups.periodCount);
  out[G] = tally.total;
  if (tally.byPeriod) out.set(tally.byPeriod);
  else if (grouped) out.set(tally.byDimension);
  return out;
}

/** The instant backlog is counted at without periods: "as of", or the scope's end when earlier. */
export function backlogInstant(options: KpiOptions): number {
  return Math.min(options.asOf, options.scope?.to ?? Number.POSITIVE_INFINITY);
}

export interface BacklogTally {
  /** Open at `at`, all tickets. */
  total: number;
  /** Open at `at`, per dimension code. */
  byDimension: Int32Array;
  /** With period ends: open at each of the P periods' ends, per period × dimension code (period-major). */
  byPeriod: Int32Array | undefined;
}

/**
 * One pass over the tickets for every backlog figure. The period counts come from a difference
 * array over the periods a ticket stays open through.
 */
export function tallyBacklog(
  t: TicketTable,
  dimensionCodes: Int32Array,
  D: number,
  at: number,
  ends: Float64Array | undefined,
  P = ends ? ends.length : 0,
): BacklogTally {
  let total = 0;
  const byDimension = new Int32Array(D);
  const diff = ends ? new Int32Array(D * (P + 1)) : undefined;
  const closings = closingInstants(t);
  // The first period end after the creation = the number of ends at or before it.
  const firstEndAfter = ends ? boundaryCounter(ends) : undefined;
  for (let i = 0; i < t.length; i++) {
    const closing = closings[i] as number;
    // NaN: merged or no creation time.
    if (Number.isNaN(closing)) continue;
    const created = t.createdAt[i] as number;
    const d = dimensionCodes[i] as number;
    if (created < at && closing > at) {
      total++;
      (byDimension[d] as number)++;
    }
    if (diff && ends && firstEndAfter) {
      const first = firstEndAfter(created);
      // The periods a ticket stays open through end before the first end at or after its closing.
      // Tickets close within a few periods, so walking from `first` beats a second binary search
      // (the same index: an end at or after closing ≥ created lies at or after `first`).
      let stop = first;
      if (closing === Number.POSITIVE_INFINITY) stop = ends.length;
      else while (stop < ends.length && (ends[stop] as number) < closing) stop++;
      const last = stop - 1;
      if (first <= last) {
        (diff[d * (P + 1) + first] as number)++;
        (diff[d * (P + 1) + last + 1] as number)--;
      }
    }
  }
  let byPeriod: Int32Array | undefined;
  if (diff) {
    byPeriod = new Int32Array(P * D);
    for (let d = 0; d < D; d++) {
      let running = 0;
      for (let p = 0; p < P; p++) {
        running += diff[d * (P + 1) + p] as number;
        byPeriod[p * D + d] = running;
      }
    }
  }
  return { total, byDimension, byPeriod };
}

/**
 * closingInstant of every ticket in one tight pass (NaN for merged tickets and those without a
 * creation time), so the backlog loop reads one array instead of five columns per ticket.
 */
function closingInstants(t: TicketTable): Float64Array {
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const created = t.createdAt[i] as number;
    out[i] = isMerged(t, i) || Number.isNaN(created) ? Number.NaN : closingInstant(t, i);
  }
  return out;
}

/**
 * Survey answers count in the slot of their joined ticket when that ticket is in scope;
 * unjoined answers count in the overall figures when answered in scope.
 */
export function aggregateSurveys(
  surveys: SurveyTable | undefined,
  ticketInScope: Uint8Array,
  slotOf: Int32Array,
  G: number,
  scope: { from: number; to: number } | undefined,
): (slot: number) => Pick<KpiFigures, "csat" | "nps" | "ces" | "invalidSurveyAnswers"> {
  const S = G + 1;
  const csatPositive = new Int32Array(S);
  const csatRated = new Int32Array(S);
  const npsCounts = new Int32Array(S * 3);
  const cesN = new Int32Array(S);
  const cesSum = new Float64Array(S);
  const cesEasy = new Int32Array(S);
  const invalid = new Int32Array(S);
  const add = (s: number, kind: string, verdict: number, score: number) => {
    if (verdict === INVALID_ANSWER) (invalid[s] as number)++;
    else if (kind === "csat") {
      (csatRated[s] as number)++;
      (csatPositive[s] as number) += verdict;
    } else if (kind === "nps") {
      (npsCounts[s * 3 + (verdict === NPS_PROMOTER ? 0 : verdict === NPS_DETRACTOR ? 2 : 1)] as number)++;
    } else {
      (cesN[s] as number)++;
      (cesSum[s] as number) += score;
      (cesEasy[s] as number) += verdict;
    }
  };
  for (let s = 0; surveys && s < surveys.length; s++) {
    const row = surveys.ticketRow[s] as number;
    const kind = surveys.kinds[s] as string;
    const verdict = surveys.verdict[s] as number;
    const score = surveys.scores[s] as number;
    if (row >= 0) {
      if (ticketInScope[row] === 0) continue;
      add(G, kind, verdict, score);
      const g = slotOf[row] as number;
      if (g >= 0) add(g, kind, verdict, score);
    } else {
      const at = surveys.respondedAt[s] as number;
      if (scope && !(at >= scope.from && at < scope.to)) continue;
      add(G, kind, verdict, score);
    }
  }
  return (s) => ({
    csat: rateSummary(csatPositive[s] as number, csatRated[s] as number),
    nps: npsSummary(
      npsCounts[s * 3] as number,
      npsCounts[s * 3 + 1] as number,
      npsCounts[s * 3 + 2] as number,
    ),
    ces: cesSummary(cesN[s] as number, cesSum[s] as number, cesEasy[s] as number),
    invalidSurveyAnswers: invalid[s] as number,
  });
}
