/**
 * Scores every customer as of a day and returns the alert candidates: customers at a stage of
 * the ladder under the chosen method.
 *
 * - fixed: days since the last order against the stage marks.
 * - cadence: days since ÷ the customer's median gap against k-scaled marks; one-time buyers use
 *   the cohort's median time to a second order.
 * - bgnbd: P(alive) against the thresholds. BG/NBD gives one-time buyers P(alive) = 1, so they
 *   are judged by the cadence rule instead (the candidate then says method "cadence").
 * - auto: all of the above; the most severe stage wins, and on a tie the more individual evidence
 *   does (bgnbd, then cadence, then fixed). Every rule's own stage is kept alongside.
 *
 * Candidates hold numbers and ladder names only; the reason sentences and actions are built by
 * `explainCandidates` for the rows that are output (usually the few new alerts). Scoring a large
 * store then allocates one small object per candidate, which keeps it fast.
 */
import { type BgNbdParams, conditionalExpectedPurchases, probabilityAlive } from "./btyd/bgnbd.js";
import { cohortMedianTimeToSecondOrder, GapMedians } from "./cadence.js";
import type { OrderHistory } from "./history.js";
import { ordersOnOrBefore } from "./history.js";

import {
  cadenceStage,
  cadenceThreshold,
  DEFAULT_CADENCE_K,
  fixedStage,
  type PAliveThreshold,
  pAliveStage,
  type StageDefinition,
  type StageLadder,
} from "./stages.js";

export type DormantMethod = "fixed" | "cadence" | "bgnbd" | "auto";
export type DormantRule = "fixed" | "cadence" | "bgnbd";

export interface BgNbdScoring {
  /** Fitted parameters, in periods of `unitDays` days. */
  params: BgNbdParams;
  unitDays: number;
  thresholds: readonly PAliveThreshold[];
}

export interface DormancyOptions {
  /** Local day number the scores are as of; orders after it are ignored. */
  asOfDay: number;
  method: DormantMethod;
  ladder: StageLadder;
  cadenceK?: number;
  /** Required by `bgnbd`; `auto` uses it when given. P(alive) and expectations need it. */
  bgnbd?: BgNbdScoring;
}

export interface DormancyCandidate {
  customerId: string;
  stage: string;
  /** Position in the ladder, 0 = mildest. */
  severity: number;
  /** The rule whose stage was taken. */
  method: DormantRule;
  /** Each rule's own stage; null when it reached none or did not run. */
  fixedStage: string | null;
  cadenceStage: string | null;
  bgnbdStage: string | null;
  /**
   * The mark the winning rule crossed: days (fixed), gap ratio (cadence, above), or P(alive)
   * (bgnbd, below).
   */
  threshold: number;
  lastOrderDay: number;
  daysSince: number;
  /** Distinct order days up to the as-of day. */
  orders: number;
  /** Median gap between order days; null for one-time buyers. */
  medianGapDays: number | null;
  /** The gap the cadence rule used (own median, or the cohort's for one-time buyers). */
  cadenceGapDays: number | null;
  /** Days since ÷ cadence gap; null without a cadence gap. */
  gapRatio: number | null;
  pAlive: number | null;
  expected30: number | null;
  expected90: number | null;
}

export interface DormancyResult {
  candidates: DormancyCandidate[];
  customersScored: number;
  /** The stand-in cadence for one-time buyers; null when nobody ordered twice. */
  cohortMedianTimeToSecondOrder: number | null;
}

/** Rule precedence on equal severity: higher wins. */
const PRECEDENCE: Record<DormantRule, number> = { fixed: 0, cadence: 1, bgnbd: 2 };

export function scoreDormancy(history: OrderHistory, options: DormancyOptions): DormancyResult {
  const { asOfDay, method, ladder } = options;
  const k = options.cadenceK ?? DEFAULT_CADENCE_K;
  if (!(k > 0)) throw new RangeError(`cadence k must be positive, not ${k}`);
  const bgnbd = options.bgnbd;
  if (method === "bgnbd" && !bgnbd) throw new RangeError("method bgnbd needs fitted BG/NBD parameters");
  const useFixed = method === "fixed" || method === "auto";
  const useCadence = method === "cadence" || method === "auto" || method === "bgnbd";
  const useBgNbd = (method === "bgnbd" || method === "auto") && bgnbd !== undefined;

  const cohortGap = cohortMedianTimeToSecondOrder(history, asOfDay);
  const gaps = new GapMedians(history);
  const candidates: DormancyCandidate[] = [];
  let customersScored = 0;
  // Per-customer rule outcomes, reused: severity −1 means the rule did not reach a stage.
  const severityOf: Record<DormantRule, number> = { fixed: -1, cadence: -1, bgnbd: -1 };

  for (let i = 0; i < history.customerIds.length; i++) {
    const orders = ordersOnOrBefore(history, i, asOfDay);
    if (orders === 0) continue;
    customersScored++;
    const from = history.start[i] as number;
    const firstDay = history.days[from] as number;
    const lastOrderDay = history.days[from + orders - 1] as number;
    const daysSince = asOfDay - lastOrderDay;
    const medianGap = gaps.medianGap(i, orders);
    const cadenceGap = orders >= 2 ? medianGap : cohortGap;

    severityOf.fixed = useFixed ? fixedStage(ladder, daysSince) : -1;
    // Under bgnbd alone the cadence rule speaks only for one-time buyers.
    const cadenceApplies = useCadence && (method !== "bgnbd" || orders === 1);
    severityOf.cadence =
      cadenceApplies && cadenceGap > 0 ? cadenceStage(ladder, k, daysSince / cadenceGap) : -1;
    let pAlive = Number.NaN;
    if (bgnbd) {
      const unit = bgnbd.unitDays;
      pAlive = probabilityAlive(
        bgnbd.params,
        orders - 1,
        (lastOrderDay - firstDay) / unit,
        (asOfDay - firstDay) / unit,
      );
    }
    severityOf.bgnbd = useBgNbd && bgnbd && orders >= 2 ? pAliveStage(ladder, bgnbd.thresholds, pAlive) : -1;

    const winner = pickRule(severityOf);
    if (winner === undefined) continue;
    const severity = severityOf[winner];
    const stage = ladder.stages[severity] as StageDefinition;

    let expected30: number | null = null;
    let expected90: number | null = null;
    if (bgnbd) {
      const unit = bgnbd.unitDays;
      const x = orders - 1;
      const tx = (lastOrderDay - firstDay) / unit;
      const T = (asOfDay - firstDay) / unit;
      expected30 = conditionalExpectedPurchases(bgnbd.params, 30 / unit, x, tx, T);
      expected90 = conditionalExpectedPurchases(bgnbd.params, 90 / unit, x, tx, T);
    }

    let threshold: number;
    if (winner === "fixed") threshold = stage.days;
    else if (winner === "cadence") threshold = cadenceThreshold(ladder, k, severity);
    else threshold = thresholdFor(stage.name, (bgnbd as BgNbdScoring).thresholds);

    candidates.push({
      customerId: history.customerIds[i] as string,
      stage: stage.name,
      severity,
      method: winner,
      fixedStage: stageName(ladder, severityOf.fixed),
      cadenceStage: stageName(ladder, severityOf.cadence),
      bgnbdStage: stageName(ladder, severityOf.bgnbd),
      threshold,
      lastOrderDay,
      daysSince,
      orders,
      medianGapDays: Number.isNaN(medianGap) ? null : medianGap,
      cadenceGapDays: cadenceGap > 0 ? cadenceGap : null,
      gapRatio: cadenceGap > 0 ? daysSince / cadenceGap : null,
      pAlive: bgnbd ? pAlive : null,
      expected30,
      expected90,
    });
  }
  return {
    candidates,
    customersScored,
    cohortMedianTimeToSecondOrder: Number.isNaN(cohortGap) ? null : cohortGap,
  };
}

function stageName(ladder: StageLadder, severity: number): string | null {
  return severity < 0 ? null : (ladder.stages[severity] as StageDefinition).name;
}

/** The rule with the most severe stage; precedence breaks ties; undefined when none reached one. */
function pickRule(severityOf: Record<DormantRule, number>): DormantRule | undefined {
  let winner: DormantRule | undefined;
  for (const rule of ["fixed", "cadence", "bgnbd"] as const) {
    const s = severityOf[rule];
    if (s < 0) continue;
    if (
      winner === undefined ||
      s > severityOf[winner] ||
      (s === severityOf[winner] && PRECEDENCE[rule] > PRECEDENCE[winner])
    ) {
      winner = rule;
    }
  }
  return winner;
}

/** The threshold that put the customer at this stage (the highest one for that stage). */
function thresholdFor(stage: string, thresholds: readonly PAliveThreshold[]): number {
  let value = Number.NaN;
  for (const t of thresholds) {
    if (t.stage === stage && !(t.pAliveBelow <= value)) value = t.pAliveBelow;
  }
  return value;
}
