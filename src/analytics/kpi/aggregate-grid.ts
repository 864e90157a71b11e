/**
 * The three aggregations a report by period needs — the range by the dimensions, by period ×
 * dimensions, and by period alone — from one set of passes over the measures. Counts are taken
 * once per cell of the finest grid ((period or none) × dimension values) and summed into each
 * grouping's slots, since counts add up; only the durations' percentiles need a selection per
 * group. Every figure equals what `aggregateKpis` gives for each grouping, except that the two
 * period groupings share the range's overall figures (the same tickets: only a mean's last bit
 * could differ, as the old per-grouping sum ran in a different order).
 */
import { DEFAULT_PERCENTILES, normalizePercentiles } from "../stats/quantile.js";
import { type DistributionSummary, summarizeSegment } from "../stats/summary.js";
import {
  aggregateKpis,
  aggregateSurveys,
  backlogInstant,
  countColumn,
  countOutcomes,
  countValues,
  DURATION_KEYS,
  durationFigure,
  foldOverall,
  type KpiOptions,
  RATE_KEYS,
  rateOutcomesOf,
  type SlotTables,
  slotFigures,
  tallyBacklog,
} from "./aggregate.js";
import { type DurationMeasure, Exclusion } from "./durations.js";
import type { DurationFigure, GroupFigures, KpiResult } from "./figures.js";
import { type GroupCodes, type Grouping, groupCodes, type PeriodAssignment } from "./grouping.js";
import type { TicketMeasures } from "./measures.js";
import type { SurveyTable } from "./surveys.js";
import { isMerged } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

export interface KpiGrid {
  /** The scope by the dimensions, with the overall figures. */
  byDimensions: KpiResult;
  /** By period × dimensions; `overall` is byDimensions'. */
  byPeriod: KpiResult;
  /** By period alone; `overall` is byDimensions'. The same object as byPeriod without dimensions. */
  byPeriodOnly: KpiResult;
}

/** Options of a report by period: `grouping` gives the dimensions and the periods. */
type GridOptions = KpiOptions & { grouping: Grouping & { periods: PeriodAssignment } };

export function aggregateKpiGrid(
  t: TicketTable,
  surveys: SurveyTable | undefined,
  m: TicketMeasures,
  options: GridOptions,
): KpiGrid {
  const { dimensions, periods } = options.grouping;
  if (!periods.ends) return separately(t, surveys, m, options);
  const n = t.length;
  const fine = groupCodes(options.grouping, n);
  const grouped = dimensions.length > 0;
  const cells = gridCells(t, fine, grouped, options.scope);
  const views = gridViews(cells, fine);
  const counts = cellCounts(t, m, cells);
  const percentiles = normalizePercentiles(options.percentiles ?? DEFAULT_PERCENTILES);
  const buffers: SeriesBuffers = {
    byDimensions: new Float64Array(n),
    byCell: new Float64Array(n),
    scratch: new Float64Array(percentiles.length + 1),
  };
  const durations = DURATION_KEYS.map((key) =>
    durationSummaries(m.durations[key], cells, fine, percentiles, buffers),
  );
  const backlog = tallyBacklog(
    t,
    fine.dimensionCodes,
    fine.dimensionCount,
    backlogInstant(options),
    periods.ends,
    fine.periodCount,
  );
  const topN = options.topReasons ?? 10;

  // Without dimensions, "by period alone" is "by period × dimensions": two views suffice.
  const results = views.slice(0, grouped ? 3 : 2).map((view, v) => {
    const G = view.G;
    const W = G + 2;
    const fold = (c: Int32Array, width: number) => foldCells(c, width, view.slotOfCell, G);
    const successes = new Int32Array(RATE_KEYS.length * W);
    const totals = new Int32Array(RATE_KEYS.length * W);
    for (let k = 0; k < RATE_KEYS.length; k++) {
      const C = cells.count;
      successes.set(fold(counts.successes.subarray(k * C, (k + 1) * C), 1), k * W);
      totals.set(fold(counts.totals.subarray(k * C, (k + 1) * C), 1), k * W);
    }
    const tables: SlotTables = {
      volume: fold(counts.volume, 1),
      merged: fold(counts.merged, 1),
      successes,
      totals,
      channelCounts: fold(counts.channelCounts, countColumn(t.channel)),
      reasonCounts: fold(counts.reasonCounts, countColumn(t.reason)),
      backlog: view.backlog(backlog),
      durations: durations.map((d) => {
        const excluded = fold(d.excluded, 4);
        const fromExport = fold(d.fromExport, 1);
        const [calendar, business] = [d.calendar[v], d.business[v]] as [
          DistributionSummary[],
          DistributionSummary[],
        ];
        const out: DurationFigure[] = new Array(G + 1);
        for (let s = 0; s <= G; s++) out[s] = durationFigure(calendar, business, excluded, fromExport, s);
        return out;
      }),
      survey: aggregateSurveys(surveys, cells.inScope, view.surveySlots(surveys), G, options.scope),
      W,
      topN,
    };
    const keyOf = groupCodes(
      v === 0 ? { dimensions } : v === 1 ? options.grouping : { dimensions: [], periods },
      0,
    ).keyOf;
    const groups: GroupFigures[] = [];
    for (let g = 0; g < G; g++) {
      if ((tables.volume[g] as number) === 0 && (tables.merged[g] as number) === 0) continue;
      groups.push({ key: keyOf(g), figures: slotFigures(t, tables, g) });
    }
    return { groups, overall: () => slotFigures(t, tables, G) };
  });
  const overall = (results[0] as (typeof results)[0]).overall();
  const [byDimensions, byPeriod, byPeriodOnly = byPeriod] = results.map(
    (r): KpiResult => ({ overall, groups: r.groups, percentiles }),
  ) as [KpiResult, KpiResult, KpiResult?];
  return { byDimensions, byPeriod, byPeriodOnly };
}

/** Without period ends (backlog needs them), the three groupings one by one. */
function separately(
  t: TicketTable,
  surveys: SurveyTable | undefined,
  m: TicketMeasures,
  options: GridOptions,
): KpiGrid {
  const { dimensions, periods } = options.grouping;
  const byDimensions = aggregateKpis(t, surveys, m, { ...options, grouping: { dimensions } });
  const overall = byDimensions.overall;
  const byPeriod = { ...aggregateKpis(t, surveys, m, options), overall };
  const byPeriodOnly =
    dimensions.length > 0
      ? { ...aggregateKpis(t, surveys, m, { ...options, grouping: { dimensions: [], periods } }), overall }
      : byPeriod;
  return { byDimensions, byPeriod, byPeriodOnly };
}

/**
 * Cell of each row: (p + 1) × D + d for period p (−1 outside every period) and dimension code d;
 * −1 out of scope. `countCell` is also −1 for merged rows, which only `merged` counts.
 */
interface GridCells {
  count: number;
  D: number;
  /** Whether there are dimensions; without, the range is not grouped (only overall figures). */
  grouped: boolean;
  /** Group of each row by the dimensions alone (−1 for all when not grouped). */
  dimensionSlot: Int32Array;
  /** Group of each cell by the dimensions alone; without dimensions 0, the "no group" slot. */
  dimensionSlotOfCell: Int32Array;
  inScope: Uint8Array;
  cellOf: Int32Array;
  countCell: Int32Array;
  merged: Int32Array;
}

function gridCells(
  t: TicketTable,
  fine: GroupCodes,
  grouped: boolean,
  scope: KpiOptions["scope"],
): GridCells {
  const n = t.length;
  const D = fine.dimensionCount;
  const count = (fine.periodCount + 1) * D;
  const inScope = new Uint8Array(n);
  const cellOf = new Int32Array(n);
  const countCell = new Int32Array(n);
  const merged = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const c = t.createdAt[i] as number;
    if (scope && !(c >= scope.from && c < scope.to)) {
      cellOf[i] = -1;
      countCell[i] = -1;
      continue;
    }
    inScope[i] = 1;
    const code = fine.codes[i] as number;
    const cell = code >= 0 ? code + D : (fine.dimensionCodes[i] as number);
    cellOf[i] = cell;
    if (isMerged(t, i)) {
      (merged[cell] as number)++;
      countCell[i] = -1;
    } else countCell[i] = cell;
  }
  const dimensionSlot = grouped ? fine.dimensionCodes : new Int32Array(n).fill(-1);
  const dimensionSlotOfCell = new Int32Array(count);
  for (let c = 0; c < count; c++) dimensionSlotOfCell[c] = grouped ? c % D : 0;
  return { count, D, grouped, dimensionSlot, dimensionSlotOfCell, inScope, cellOf, countCell, merged };
}

/** How one grouping reads the grid: its group count G and the slot of each cell (G + 1: no group). */
interface GridView {
  G: number;
  slotOfCell: Int32Array;
  backlog: (tally: ReturnType<typeof tallyBacklog>) => Int32Array;
  /** Group of each ticket row for the survey join (−1: none); only read for joined answers. */
  surveySlots: (surveys: SurveyTable | undefined) => Int32Array;
}

function gridViews(cells: GridCells, fine: GroupCodes): GridView[] {
  const grouped = cells.grouped;
  const D = fine.dimensionCount;
  const P = fine.periodCount;
  const C = (P + 1) * D;
  const map = (slot: (p: number, d: number) => number) => {
    const out = new Int32Array(C);
    for (let c = 0; c < C; c++) {
      const p = Math.floor(c / D) - 1;
      out[c] = slot(p, c % D);
    }
    return out;
  };
  const byDimensions: GridView = {
    G: grouped ? D : 0,
    slotOfCell: map((_p, d) => (grouped ? d : 1)),
    backlog: (tally) => {
      const out = new Int32Array((grouped ? D : 0) + 1);
      if (grouped) out.set(tally.byDimension);
      out[out.length - 1] = tally.total;
      return out;
    },
    surveySlots: () => cells.dimensionSlot,
  };
  const byPeriod: GridView = {
    G: P * D,
    slotOfCell: map((p, d) => (p >= 0 ? p * D + d : P * D + 1)),
    backlog: (tally) => {
      const out = new Int32Array(P * D + 1);
      out.set(tally.byPeriod as Int32Array);
      out[P * D] = tally.total;
      return out;
    },
    surveySlots: () => fine.codes,
  };
  const byPeriodOnly: GridView = {
    G: P,
    slotOfCell: map((p) => (p >= 0 ? p : P + 1)),
    backlog: (tally) => {
      const byPeriod = tally.byPeriod as Int32Array;
      const out = new Int32Array(P + 1);
      for (let p = 0; p < P; p++) {
        let sum = 0;
        for (let d = 0; d < D; d++) sum += byPeriod[p * D + d] as number;
        out[p] = sum;
      }
      out[P] = tally.total;
      return out;
    },
    surveySlots: (surveys) => {
      if (!surveys) return new Int32Array(0);
      const out = new Int32Array(fine.codes.length);
      for (let i = 0; i < out.length; i++) {
        const code = fine.codes[i] as number;
        out[i] = code >= 0 ? Math.floor(code / D) : -1;
      }
      return out;
    },
  };
  return [byDimensions, byPeriod, byPeriodOnly];
}

/** Sums per-cell counts (width per cell) into a grouping's slots; slot G gets the overall sum. */
function foldCells(cellCounts: Int32Array, width: number, slotOfCell: Int32Array, G: number): Int32Array {
  const out = new Int32Array((G + 2) * width);
  for (let c = 0; c < slotOfCell.length; c++) {
    const s = slotOfCell[c] as number;
    for (let w = 0; w < width; w++) {
      (out[s * width + w] as number) += cellCounts[c * width + w] as number;
    }
  }
  foldOverall(out, width, G);
  return out;
}

interface CellCounts {
  volume: Int32Array;
  merged: Int32Array;
  channelCounts: Int32Array;
  reasonCounts: Int32Array;
  /** Rate k of cell c at k × cells + c. */
  successes: Int32Array;
  totals: Int32Array;
}

function cellCounts(t: TicketTable, m: TicketMeasures, cells: GridCells): CellCounts {
  const C = cells.count;
  const countCell = cells.countCell;
  const volume = new Int32Array(C);
  for (let i = 0; i < countCell.length; i++) {
    const c = countCell[i] as number;
    if (c >= 0) (volume[c] as number)++;
  }
  const channelCounts = new Int32Array(C * countColumn(t.channel));
  const reasonCounts = new Int32Array(C * countColumn(t.reason));
  countValues(countCell, t.channel, channelCounts);
  countValues(countCell, t.reason, reasonCounts);
  const successes = new Int32Array(RATE_KEYS.length * C);
  const totals = new Int32Array(RATE_KEYS.length * C);
  rateOutcomesOf(m).forEach((outcome, k) => {
    countOutcomes(countCell, outcome, k * C, successes, totals);
  });
  return { volume, merged: cells.merged, channelCounts, reasonCounts, successes, totals };
}

interface DurationSummaries {
  /** Exclusion counters (codes 1–4) per cell. */
  excluded: Int32Array;
  fromExport: Int32Array;
  /** Per view (dimensions, period × dimensions, period), one summary per group plus the overall. */
  calendar: DistributionSummary[][];
  business: DistributionSummary[][];
}

function durationSummaries(
  measure: DurationMeasure,
  cells: GridCells,
  fine: GroupCodes,
  percentiles: readonly number[],
  buffers: SeriesBuffers,
): DurationSummaries {
  const C = cells.count;
  const excluded = new Int32Array(C * 4);
  const fromExport = new Int32Array(C);
  const cellOf = cells.cellOf;
  for (let i = 0; i < cellOf.length; i++) {
    const c = cellOf[i] as number;
    if (c < 0) continue;
    const e = measure.exclusion[i] as number;
    if (e !== Exclusion.none && e !== Exclusion.merged) (excluded[c * 4 + e - 1] as number)++;
    else if (measure.fromExport[i] === 1) (fromExport[c] as number)++;
  }
  const series = (values: Float64Array) => summarizeSeries(values, cells, fine, percentiles, buffers);
  const calendar = series(measure.calendar);
  const business = series(measure.business);
  return { excluded, fromExport, calendar, business };
}

/** Two value buffers of the table's length, reused by every duration series. */
interface SeriesBuffers {
  byDimensions: Float64Array;
  byCell: Float64Array;
  scratch: Float64Array;
}

/**
 * One duration series for the three views, from one counting pass and one placing pass.
 * By the dimensions: the layout and selections of aggregateKpis' summarizeBySlot (each group's
 * values in row order, then those in no group; that layout fixes the order the overall mean is
 * summed in). By period × dimensions and by period: the values laid out by cell, period-major,
 * so each period's cells are contiguous; cells are selected first, then each period's whole run,
 * with the sums taken in row order during the counting pass.
 */
function summarizeSeries(
  values: Float64Array,
  cells: GridCells,
  fine: GroupCodes,
  percentiles: readonly number[],
  buffers: SeriesBuffers,
): DistributionSummary[][] {
  const D = cells.D;
  const P = fine.periodCount;
  const C = cells.count;
  const Gd = cells.grouped ? D : 0;
  // Every in-scope value has a cell (row 0 of the grid: outside every period), so both layouts
  // take it without a branch; slot Gd of the dimension layout holds the values in no group.
  const dimOffsets = new Int32Array(Gd + 2);
  const offsets = new Int32Array(C + 1);
  const cellSum = new Float64Array(C);
  // Per grid row: row p + 1 is period p.
  const rowSum = new Float64Array(P + 1);
  const total = countSeries(values, cells, dimOffsets, offsets, cellSum, rowSum);
  for (let g = 0; g < Gd; g++) dimOffsets[g + 1] = (dimOffsets[g + 1] as number) + (dimOffsets[g] as number);
  for (let c = 0; c < C; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const dimNext = dimOffsets.slice(0, Gd + 1);
  const next = offsets.slice(0, C);
  const { byDimensions: dimBuffer, byCell: cellBuffer, scratch } = buffers;
  placeSeries(values, cells, dimNext, next, dimBuffer, cellBuffer);

  const byDimensions: DistributionSummary[] = new Array(Gd + 1);
  for (let g = 0; g < Gd; g++) {
    byDimensions[g] = summarizeSegment(
      dimBuffer,
      percentiles,
      dimOffsets[g] as number,
      dimOffsets[g + 1] as number,
      scratch,
    );
  }
  // After the groups' selections, as summarizeBySlot does: the same order for the mean's sum.
  const overall = summarizeSegment(dimBuffer, percentiles, 0, total, scratch);
  byDimensions[Gd] = overall;

  const G = P * D;
  const byCell: DistributionSummary[] = new Array(G + 1);
  for (let q = 0; q < G; q++) {
    const c = q + D;
    byCell[q] = summarizeSegment(
      cellBuffer,
      percentiles,
      offsets[c] as number,
      offsets[c + 1] as number,
      scratch,
      cellSum[c],
    );
  }
  byCell[G] = overall;
  const byPeriod: DistributionSummary[] = new Array(P + 1);
  for (let p = 0; p < P; p++) {
    const from = offsets[(p + 1) * D] as number;
    byPeriod[p] = summarizeSegment(
      cellBuffer,
      percentiles,
      from,
      offsets[(p + 2) * D] as number,
      scratch,
      rowSum[p + 1],
    );
  }
  byPeriod[P] = overall;
  return [byDimensions, byCell, byPeriod];
}

// The two passes are functions of their own: a long loop is optimised on its own (on-stack
// replacement) instead of deoptimising on reaching code that has not run yet.

/** Counts each layout's slots (at index slot + 1) and sums each cell and grid row in row order. */
function countSeries(
  values: Float64Array,
  cells: GridCells,
  dimCounts: Int32Array,
  cellCounts: Int32Array,
  cellSum: Float64Array,
  rowSum: Float64Array,
): number {
  const { cellOf, dimensionSlotOfCell, D } = cells;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const c = cellOf[i] as number;
    if (c < 0) continue;
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    total++;
    (dimCounts[(dimensionSlotOfCell[c] as number) + 1] as number)++;
    (cellCounts[c + 1] as number)++;
    (cellSum[c] as number) += v;
    (rowSum[(c / D) | 0] as number) += v;
  }
  return total;
}

/** Places each in-scope value in both layouts, in row order within each slot. */
function placeSeries(
  values: Float64Array,
  cells: GridCells,
  dimNext: Int32Array,
  cellNext: Int32Array,
  dimBuffer: Float64Array,
  cellBuffer: Float64Array,
): void {
  const { cellOf, dimensionSlotOfCell } = cells;
  for (let i = 0; i < values.length; i++) {
    const c = cellOf[i] as number;
    if (c < 0) continue;
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    dimBuffer[(dimNext[dimensionSlotOfCell[c] as number] as number)++] = v;
    cellBuffer[(cellNext[c] as number)++] = v;
  }
}
