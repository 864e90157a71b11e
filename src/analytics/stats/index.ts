export {
  DEFAULT_PERCENTILES,
  normalizePercentiles,
  quantileOfSorted,
  selectQuantiles,
} from "./quantile.js";
export { type DistributionSummary, summarizeSegment } from "./summary.js";
export {
  CES_EASY_FROM,
  type CesSummary,
  cesSummary,
  csatPositive,
  type NpsClass,
  type NpsSummary,
  npsClass,
  npsSummary,
} from "./survey-scores.js";
export { type RateSummary, rateSummary, wilsonInterval, Z95 } from "./wilson.js";
