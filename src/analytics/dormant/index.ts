/** Dormant-customer analytics: calibration summaries, BG/NBD, rules, holdout check, alert state. */
export {
  type AlertKey,
  type AlertReconciliation,
  type AlertRecord,
  type ReconcileOptions,
  reconcileAlerts,
} from "./alert-state.js";
export {
  BgNbdLikelihood,
  type BgNbdParams,
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  type RfStatistics,
} from "./btyd/bgnbd.js";
export {
  type BgNbdFit,
  BgNbdFitError,
  type BgNbdFitFailure,
  type BgNbdFitOptions,
  DEFAULT_STARTS,
  fitBgNbd,
} from "./btyd/fit.js";
export { HypergeometricError, hyp2f1 } from "./btyd/hyp2f1.js";
export { cohortMedianTimeToSecondOrder, GapMedians } from "./cadence.js";
export { type ExplainedCandidate, explainCandidate, explainCandidates } from "./explain.js";
export {
  buildOrderHistory,
  type CustomerOrderDays,
  type OrderHistory,
  orderHistoryFromColumns,
  ordersOnOrBefore,
} from "./history.js";
export { type HoldoutBucket, type HoldoutCheck, type HoldoutPeriods, holdoutCheck } from "./holdout.js";
export { type Bilingual, recommendedAction, stageLabel } from "./messages.js";
export {
  type BgNbdScoring,
  type DormancyCandidate,
  type DormancyOptions,
  type DormancyResult,
  type DormantMethod,
  type DormantRule,
  scoreDormancy,
} from "./score.js";
export {
  cadenceStage,
  cadenceThreshold,
  checkPAliveThresholds,
  DEFAULT_CADENCE_K,
  DEFAULT_PALIVE_THRESHOLDS,
  DEFAULT_STAGES,
  DormantConfigError,
  fixedStage,
  type PAliveThreshold,
  pAliveStage,
  type StageDefinition,
  type StageLadder,
  stageLadder,
} from "./stages.js";
export { type CalibrationSummary, summarizeCalibration, type TimeUnit, unitDays } from "./summary.js";
