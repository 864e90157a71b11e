/** KPI analytics: pure functions from ticket and survey tables to figures (docs/metrics.md). */
export { aggregateKpis, computeKpis, type KpiOptions } from "./aggregate.js";
export { aggregateKpiGrid, type KpiGrid } from "./aggregate-grid.js";
export type { BusinessClock } from "./business-clock.js";
export {
  compareFigures,
  DEFAULT_COMPARE_SELECTORS,
  type MetricDelta,
  type MetricSelector,
} from "./compare.js";
export { DRILL_METRICS, type DrillMetric, type DrillOptions, type DrillRow, drillDown } from "./drill.js";
export {
  DEFAULT_ABSURD_SECONDS,
  type DurationMeasure,
  type DurationMeasures,
  Exclusion,
  measureDurations,
} from "./durations.js";
export type {
  DurationExclusions,
  DurationFigure,
  GroupFigures,
  KpiFigures,
  KpiResult,
  ShareEntry,
} from "./figures.js";
export {
  assignPeriods,
  assignPeriodsByBoundaries,
  customDimension,
  type Dimension,
  type GroupCodes,
  type Grouping,
  type GroupKey,
  groupCodes,
  NONE_LABEL,
  type PeriodAssignment,
  TICKET_DIMENSIONS,
  type TicketDimension,
  ticketDimension,
} from "./grouping.js";
export {
  type MeasureOptions,
  measureAllButRecontact,
  measureTicketRecontact,
  measureTickets,
  recontactWindowDays,
  type TicketMeasures,
} from "./measures.js";
export {
  type DurationStat,
  durationStat,
  isMetricId,
  METRIC_IDS,
  METRICS,
  type MetricDefinition,
  type MetricId,
  type MetricKind,
  type MetricLabel,
  type MetricStat,
  metricDefinition,
  metricValue,
  SECTION_LABELS,
} from "./metrics.js";
export { DEFAULT_RECONTACT_WINDOW_DAYS, measureRecontact, type RecontactMeasure } from "./recontact.js";
export { measureSla, type SlaMeasure, type SlaMeasures, type SlaPolicy, type SlaTarget } from "./sla.js";
export { joinSurveys, type SurveyTable } from "./surveys.js";
export {
  evaluateTargets,
  formatValue,
  parseTarget,
  percentilesNeeded,
  type Target,
  type TargetResult,
  TargetSyntaxError,
} from "./targets.js";
export { FCR_VARIANTS, type FcrVariant, measureRates, type RateOutcomes } from "./ticket-rates.js";
export {
  assembleTicketTable,
  BYTE_KEYS,
  ColumnEncoder,
  type Dictionary,
  type EncodedColumn,
  encodeValue,
  FLOAT_KEYS,
  INT_KEYS,
  selectTicketRows,
  TEXT_KEYS,
  type TicketColumns,
  type TicketTable,
  ticketTableFromRecords,
  withMergedReasons,
} from "./ticket-table.js";
