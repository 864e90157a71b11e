/**
 * One KPI run: read the tickets and surveys the ranges need, measure every ticket once, then
 * aggregate the same measures for the reported range, its periods and the comparison range.
 */
import { enumeratePeriods, type Period, type PeriodBucket } from "../../analytics/calendar/index.js";
import {
  aggregateKpiGrid,
  aggregateKpis,
  assignPeriodsByBoundaries,
  type BusinessClock,
  type Dimension,
  type FcrVariant,
  type Grouping,
  joinSurveys,
  type KpiOptions,
  type KpiResult,
  measureAllButRecontact,
  measureTicketRecontact,
  type PeriodAssignment,
  recontactWindowDays,
  type SlaPolicy,
  type SurveyTable,
  type TicketMeasures,
  type TicketTable,
  ticketDimension,
  withMergedReasons,
} from "../../analytics/kpi/index.js";
import type { Db } from "../../store/db.js";
import { readSurveyRecords, readTicketTable } from "../../store/queries/tickets.js";
import { maxRowid } from "../../store/ticket-columns.js";
import type { Span } from "./ranges.js";
import { RecontactThread, THREAD_MIN_TICKETS } from "./recontact-thread.js";
import type { KpiDimension } from "./settings.js";

export interface KpiRunSettings {
  asOf: number;
  timeZone: string;
  weekStart: number;
  dimensions: readonly KpiDimension[];
  /** For --by segment: RFM segments of the tickets' customers, from the store's orders. */
  segmentOf?: ((table: TicketTable) => Dimension) | undefined;
  period: Period | undefined;
  scope: Span | undefined;
  baseline: (Span & { spec: string }) | undefined;
  percentiles: readonly number[];
  clock: BusinessClock;
  sla: SlaPolicy;
  fcrVariant: FcrVariant;
  recontactWindowDays: number;
  topReasons: number;
}

export interface KpiRun {
  settings: KpiRunSettings;
  table: TicketTable;
  /** undefined when there are no survey answers (the join's per-customer index is not built). */
  surveys: SurveyTable | undefined;
  measures: TicketMeasures;
  /** The reported range by the --by dimensions (overall plus one group per value combination). */
  current: KpiResult;
  /** With --period: the same by period × dimensions; `periods` are the buckets in order. */
  byPeriod: KpiResult | undefined;
  /** With --period: by period alone, for the "All" row's trend. */
  trendAll: KpiResult | undefined;
  periods: PeriodBucket[];
  /** With --compare: the comparison range by the same dimensions. */
  baseline: KpiResult | undefined;
}

/** The earliest instant any figure reads: tickets still open then count in backlog. */
function earliestNeeded(settings: KpiRunSettings): number | undefined {
  const starts = [settings.scope?.from, settings.baseline?.from].filter(
    (x): x is number => x !== undefined && Number.isFinite(x),
  );
  if (starts.length === 0 || settings.scope === undefined) return undefined;
  return Math.min(...starts);
}

/** First creation instant in the table, for periods over an open-ended range. */
function firstCreated(t: TicketTable): number | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < t.length; i++) {
    const c = t.createdAt[i] as number;
    if (c < min) min = c;
  }
  return Number.isFinite(min) ? min : undefined;
}

/** Re-contact on the thread, if there is one and the table is large, while the rest is measured here. */
async function measureTickets(
  table: TicketTable,
  options: KpiOptions,
  thread: RecontactThread | undefined,
): Promise<TicketMeasures> {
  if (!thread || table.length < THREAD_MIN_TICKETS) {
    thread?.close();
    return { ...measureAllButRecontact(table, options), recontact: measureTicketRecontact(table, options) };
  }
  // A thread that fails (out of memory, say) costs time, not the report: re-contact is then
  // measured here. Caught at once, so a failure while the rest is measured is never unhandled.
  const pending = thread.measure(table, options.asOf, recontactWindowDays(options)).catch(() => undefined);
  const rest = measureAllButRecontact(table, options);
  const recontact = (await pending) ?? measureTicketRecontact(table, options);
  return { ...rest, recontact };
}

function periodGrouping(
  t: TicketTable,
  dimensions: Dimension[],
  settings: KpiRunSettings,
): { grouping: Grouping & { periods: PeriodAssignment }; periods: PeriodBucket[] } | undefined {
  if (!settings.period) return undefined;
  const from = settings.scope && Number.isFinite(settings.scope.from) ? settings.scope.from : firstCreated(t);
  const to = settings.scope?.to ?? settings.asOf;
  if (from === undefined) return undefined;
  const periods = enumeratePeriods(from, to, settings.period, settings.timeZone, settings.weekStart);
  if (periods.length === 0) return undefined;
  const boundaries = new Float64Array(periods.length + 1);
  periods.forEach((p, k) => {
    boundaries[k] = p.start;
  });
  boundaries[periods.length] = (periods[periods.length - 1] as PeriodBucket).end;
  const assignment = assignPeriodsByBoundaries(
    t.createdAt,
    boundaries,
    periods.map((p) => p.label),
  );
  return { grouping: { dimensions, periods: assignment }, periods };
}

export async function runKpis(db: Db, settings: KpiRunSettings): Promise<KpiRun> {
  // Started before the read, so that the thread's start-up overlaps it (see recontact-thread.ts);
  // not at all for a store too small to use it (max(rowid) is one step down the table's B-tree).
  const thread = maxRowid(db) >= THREAD_MIN_TICKETS ? RecontactThread.start() : undefined;
  let table: TicketTable;
  let surveys: SurveyTable | undefined;
  try {
    table = withMergedReasons(
      readTicketTable(db, { createdBefore: settings.asOf, openAt: earliestNeeded(settings) }),
    );
    const answers = readSurveyRecords(db, settings.asOf);
    surveys = answers.length > 0 ? joinSurveys(answers, table) : undefined;
  } catch (err) {
    thread?.close();
    throw err;
  }
  const base: KpiOptions = {
    asOf: settings.asOf,
    clock: settings.clock,
    sla: settings.sla,
    fcrVariant: settings.fcrVariant,
    recontactWindowDays: settings.recontactWindowDays,
    percentiles: settings.percentiles,
    topReasons: settings.topReasons,
  };
  const measures = await measureTickets(table, base, thread);
  const dimensions = settings.dimensions.map((d) => {
    if (d !== "segment") return ticketDimension(table, d);
    if (!settings.segmentOf) throw new Error("--by segment needs segmentOf");
    return settings.segmentOf(table);
  });
  const grouping: Grouping = { dimensions };
  const byPeriods = periodGrouping(table, dimensions, settings);
  // With periods, the three groupings come from one set of passes (counts add up across cells).
  const grid = byPeriods
    ? aggregateKpiGrid(table, surveys, measures, {
        ...base,
        grouping: byPeriods.grouping,
        scope: settings.scope,
      })
    : undefined;
  const current =
    grid?.byDimensions ??
    aggregateKpis(table, surveys, measures, { ...base, grouping, scope: settings.scope });
  const byPeriod = grid?.byPeriod;
  const trendAll = grid?.byPeriodOnly;
  const baseline = settings.baseline
    ? aggregateKpis(table, surveys, measures, { ...base, grouping, scope: settings.baseline })
    : undefined;
  return {
    settings,
    table,
    surveys,
    measures,
    current,
    byPeriod,
    trendAll,
    periods: byPeriods?.periods ?? [],
    baseline,
  };
}
