import type { BusinessClock } from "./business-clock.js";
import { firstResolutionInstant, isMerged, isResolvedNow, resolutionInstant } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

/** Why a ticket has no value for a duration metric (docs/metrics.md, "Durations"). */
export const Exclusion = {
  none: 0,
  /** A timestamp or value the metric needs is missing. */
  missing: 1,
  /** Still waiting: no reply yet, or not resolved yet. */
  open: 2,
  /** End before start: bad data, counted as invalid. */
  negative: 3,
  /** Longer than the absurd limit (default 365 days): bad data, counted. */
  absurd: 4,
  merged: 5,
} as const;
export type Exclusion = (typeof Exclusion)[keyof typeof Exclusion];

export const DEFAULT_ABSURD_SECONDS = 365 * 86400;

/** One duration metric for every ticket, in seconds. */
export interface DurationMeasure {
  /** Calendar seconds; NaN where excluded. */
  readonly calendar: Float64Array;
  /** Business seconds; NaN where excluded or not computable (no clock, no vendor figure). */
  readonly business: Float64Array;
  readonly exclusion: Uint8Array;
  /** 1 where the value is the export's precomputed figure (no usable timestamps). */
  readonly fromExport: Uint8Array;
}

export interface DurationMeasures {
  firstResponse: DurationMeasure;
  firstResolution: DurationMeasure;
  fullResolution: DurationMeasure;
  handle: DurationMeasure;
}

export interface DurationOptions {
  clock?: BusinessClock | undefined;
  absurdSeconds?: number | undefined;
}

function emptyMeasure(n: number): DurationMeasure {
  return {
    calendar: new Float64Array(n).fill(Number.NaN),
    business: new Float64Array(n).fill(Number.NaN),
    exclusion: new Uint8Array(n),
    fromExport: new Uint8Array(n),
  };
}

/**
 * Timestamps win over the export's precomputed minutes: from timestamps we get calendar time and
 * business time under our own calendar (the vendor's business minutes follow the vendor's
 * schedule and holidays, which may differ). Precomputed minutes are the fallback when a
 * timestamp is missing — Zendesk exports carry no first-reply timestamp at all.
 */
function record(
  m: DurationMeasure,
  i: number,
  start: number,
  end: number,
  exportMinutes: number,
  exportBusinessMinutes: number,
  clock: BusinessClock | undefined,
  absurd: number,
): void {
  let calendar: number;
  let business = Number.NaN;
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    calendar = end - start;
    if (calendar >= 0 && calendar <= absurd && clock) business = clock.businessSeconds(start, end);
  } else if (!Number.isNaN(exportMinutes)) {
    calendar = exportMinutes * 60;
    business = exportBusinessMinutes * 60;
    m.fromExport[i] = 1;
  } else {
    m.exclusion[i] = Exclusion.missing;
    return;
  }
  if (calendar < 0 || business < 0) {
    m.exclusion[i] = Exclusion.negative;
    return;
  }
  if (calendar > absurd) {
    m.exclusion[i] = Exclusion.absurd;
    return;
  }
  m.calendar[i] = calendar;
  m.business[i] = business;
}

/** First response, first and full resolution, and handle time for every ticket. */
export function measureDurations(t: TicketTable, options: DurationOptions = {}): DurationMeasures {
  const n = t.length;
  const absurd = options.absurdSeconds ?? DEFAULT_ABSURD_SECONDS;
  const clock = options.clock;
  const frt = emptyMeasure(n);
  const first = emptyMeasure(n);
  const full = emptyMeasure(n);
  const handle = emptyMeasure(n);
  for (let i = 0; i < n; i++) {
    if (isMerged(t, i)) {
      frt.exclusion[i] = first.exclusion[i] = full.exclusion[i] = handle.exclusion[i] = Exclusion.merged;
      continue;
    }
    const created = t.createdAt[i] as number;
    const resolved = isResolvedNow(t, i);

    const responded = t.firstResponseAt[i] as number;
    if (Number.isNaN(responded) && Number.isNaN(t.firstResponseMinutes[i] as number) && !resolved) {
      frt.exclusion[i] = Exclusion.open; // no reply yet
    } else {
      const fr = t.firstResponseMinutes[i] as number;
      const frb = t.firstResponseBusinessMinutes[i] as number;
      record(frt, i, created, responded, fr, frb, clock, absurd);
    }

    const lastSolve = resolutionInstant(t, i);
    if (!resolved) {
      // A reopened ticket that is open again: the export's full-resolution figure is stale.
      full.exclusion[i] = Exclusion.open;
    } else {
      const fm = t.fullResolutionMinutes[i] as number;
      const fmb = t.fullResolutionBusinessMinutes[i] as number;
      record(full, i, created, lastSolve, fm, fmb, clock, absurd);
    }

    const firstSolve = firstResolutionInstant(t, i);
    if (Number.isNaN(firstSolve) && !resolved && (t.reopenCount[i] as number) <= 0) {
      first.exclusion[i] = Exclusion.open;
    } else if (firstSolve === lastSolve && !Number.isNaN(created)) {
      // Never reopened: the same span as the full resolution, so no second business-time call.
      first.exclusion[i] = full.exclusion[i] as number;
      first.calendar[i] = full.calendar[i] as number;
      first.business[i] = full.business[i] as number;
    } else {
      const fm = t.firstResolutionMinutes[i] as number;
      record(first, i, created, firstSolve, fm, Number.NaN, clock, absurd);
    }

    const h = t.handleSeconds[i] as number;
    if (Number.isNaN(h)) handle.exclusion[i] = Exclusion.missing;
    else if (h < 0) handle.exclusion[i] = Exclusion.negative;
    else if (h > absurd) handle.exclusion[i] = Exclusion.absurd;
    else handle.calendar[i] = h; // handle time is worked time: it has no business-hours variant
  }
  return { firstResponse: frt, firstResolution: first, fullResolution: full, handle };
}
