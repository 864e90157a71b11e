import type { DistributionSummary } from "../stats/summary.js";
import type { CesSummary, NpsSummary } from "../stats/survey-scores.js";
import type { RateSummary } from "../stats/wilson.js";
import type { GroupKey } from "./grouping.js";

/** Tickets left out of a duration metric, by reason (docs/metrics.md). */
export interface DurationExclusions {
  missing: number;
  /** No reply yet / not resolved yet. */
  open: number;
  /** Negative durations (end before start). */
  invalid: number;
  /** Longer than the absurd limit. */
  absurd: number;
}

/** A duration metric in seconds, calendar and business time side by side. */
export interface DurationFigure {
  calendar: DistributionSummary;
  business: DistributionSummary;
  excluded: DurationExclusions;
  /** Values taken from the export's precomputed minutes (no usable timestamps). */
  fromExport: number;
}

export interface ShareEntry {
  key: string;
  count: number;
  /** Fraction of the volume. */
  share: number;
}

/** Every KPI for one group of tickets (or all of them). Durations in seconds, rates as fractions. */
export interface KpiFigures {
  /** Tickets created in scope, merged ones not counted. */
  volume: number;
  merged: number;
  firstResponse: DurationFigure;
  firstResolution: DurationFigure;
  fullResolution: DurationFigure;
  handle: DurationFigure;
  fcr: RateSummary;
  oneTouch: RateSummary;
  recontact: RateSummary;
  reopen: RateSummary;
  slaFirstResponse: RateSummary;
  slaResolution: RateSummary;
  escalation: RateSummary;
  selfService: RateSummary;
  knowledge: RateSummary;
  /** Open tickets at the period end (or at "as of" without periods). */
  backlog: number;
  channelMix: ShareEntry[];
  /** Most frequent contact reasons, largest first (ties by name). */
  topReasons: ShareEntry[];
  csat: RateSummary;
  nps: NpsSummary;
  ces: CesSummary;
  /** Survey answers off their scale, left out. */
  invalidSurveyAnswers: number;
}

export interface GroupFigures {
  key: GroupKey;
  figures: KpiFigures;
}

export interface KpiResult {
  overall: KpiFigures;
  /** Non-empty groups in code order (period, then dimension values); empty without grouping. */
  groups: GroupFigures[];
  /** The percentiles reported for every duration. */
  percentiles: number[];
}
