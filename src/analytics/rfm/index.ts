/** RFM scoring, segment schemes, summaries and lifecycle: pure functions over plain records. */
export { aggregateOrders } from "./aggregate.js";
export {
  analyzeRfm,
  analyzeRfmOrders,
  customerRow,
  customerRows,
  type RfmCustomerRow,
  type RfmCustomers,
  type RfmOptions,
  type RfmResult,
} from "./analyze.js";
export { compareCustomerIds } from "./customer-order.js";
export {
  type ChurnRate,
  churnRate,
  countLifecycle,
  type LifecycleCounts,
  type LifecycleStage,
  lifecycleStage,
  resolveLifecycle,
} from "./lifecycle.js";
export { localDayNumber } from "./local-day.js";
export { computeMeasures, type RfmMeasures } from "./measures.js";
export { type Condition, RULE_FIELDS, type RuleField, type SegmentRule } from "./rules.js";
export {
  BUILTIN_SCHEMES,
  OTHER_SEGMENT,
  parseCustomSchemes,
  resolveScheme,
  type Scheme,
  segmentLabel,
} from "./schemes.js";
export { quantileCuts, type ScoreBand, type ScoreThresholds, scoreColumn } from "./scoring.js";
export { assignSegments, rescaleScore, type SegmentAssignment, topPercent } from "./segment.js";
export type { HeatmapCell, RfHeatmap, SegmentSummaryRow } from "./summary.js";
export * from "./types.js";
