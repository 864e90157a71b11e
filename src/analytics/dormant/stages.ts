/**
 * The stage ladder: named stages ordered by severity, each with the days since the last order
 * at which the fixed rule reaches it. The cadence and BG/NBD rules map onto the same ladder, so
 * every method speaks the same stage names and the alert state can compare them.
 */

export interface StageDefinition {
  name: string;
  /** Days since the last order at which the fixed rule reaches this stage. */
  days: number;
}

export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { name: "watch", days: 30 },
  { name: "intervene", days: 45 },
  { name: "dormant_risk", days: 60 },
  { name: "dormant", days: 90 },
];

export const DEFAULT_CADENCE_K = 1.5;

/** A dormancy setting that cannot be used; `key` is its dotted path in the configuration. */
export class DormantConfigError extends Error {
  readonly key: string;
  constructor(key: string, expectation: string) {
    super(`${key}: ${expectation}`);
    this.name = "DormantConfigError";
    this.key = key;
  }
}

/** A checked ladder: ascending days, distinct names. Index = severity (0 = mildest). */
export interface StageLadder {
  readonly stages: readonly StageDefinition[];
  severityOf(name: string): number;
}

export function stageLadder(stages: readonly StageDefinition[] = DEFAULT_STAGES): StageLadder {
  if (stages.length === 0) throw new DormantConfigError("dormant.stages", "at least one stage is needed");
  const sorted = [...stages].sort((p, q) => p.days - q.days);
  const severity = new Map<string, number>();
  sorted.forEach((stage, i) => {
    if (!(Number.isInteger(stage.days) && stage.days > 0)) {
      throw new DormantConfigError(
        `dormant.stages.${stage.name}`,
        `days must be a positive whole number, not ${stage.days}`,
      );
    }
    if (severity.has(stage.name))
      throw new DormantConfigError("dormant.stages", `stage "${stage.name}" appears twice`);
    const previous = sorted[i - 1];
    if (previous && previous.days === stage.days) {
      throw new DormantConfigError(
        "dormant.stages",
        `"${previous.name}" and "${stage.name}" share ${stage.days} days`,
      );
    }
    severity.set(stage.name, i);
  });
  return { stages: sorted, severityOf: (name) => severity.get(name) ?? -1 };
}

/** Fixed rule: the most severe stage whose day mark has been reached (days ≥ mark); −1 for none. */
export function fixedStage(ladder: StageLadder, daysSince: number): number {
  let reached = -1;
  for (let i = 0; i < ladder.stages.length; i++) {
    if (daysSince >= (ladder.stages[i] as StageDefinition).days) reached = i;
  }
  return reached;
}

/**
 * Cadence rule: the gap ratio (days since ÷ usual gap) must exceed k for the first stage; later
 * stages scale k as the fixed marks do (defaults 30/45/60/90 → k, 1.5k, 2k, 3k), so a customer
 * whose usual gap × k equals the first mark gets exactly the fixed ladder.
 */
export function cadenceThreshold(ladder: StageLadder, k: number, severity: number): number {
  const first = (ladder.stages[0] as StageDefinition).days;
  return (k * (ladder.stages[severity] as StageDefinition).days) / first;
}

/** The most severe stage whose cadence threshold the ratio exceeds (strictly); −1 for none. */
export function cadenceStage(ladder: StageLadder, k: number, gapRatio: number): number {
  let reached = -1;
  for (let i = 0; i < ladder.stages.length; i++) {
    if (gapRatio > cadenceThreshold(ladder, k, i)) reached = i;
  }
  return reached;
}

export interface PAliveThreshold {
  stage: string;
  /** The stage is reached when P(alive) < this. */
  pAliveBelow: number;
}

export const DEFAULT_PALIVE_THRESHOLDS: readonly PAliveThreshold[] = [
  { stage: "dormant_risk", pAliveBelow: 0.5 },
  { stage: "dormant", pAliveBelow: 0.2 },
];

export function checkPAliveThresholds(ladder: StageLadder, thresholds: readonly PAliveThreshold[]): void {
  thresholds.forEach((t, i) => {
    if (ladder.severityOf(t.stage) < 0) {
      throw new DormantConfigError(
        `dormant.bgnbd.thresholds[${i}].stage`,
        `"${t.stage}" is not one of the stages`,
      );
    }
    if (!(t.pAliveBelow > 0 && t.pAliveBelow <= 1)) {
      throw new DormantConfigError(`dormant.bgnbd.thresholds[${i}].p_alive_below`, "must be in (0, 1]");
    }
  });
}

/** BG/NBD rule: the most severe stage whose threshold P(alive) is below; −1 for none. */
export function pAliveStage(
  ladder: StageLadder,
  thresholds: readonly PAliveThreshold[],
  pAlive: number,
): number {
  let reached = -1;
  for (const t of thresholds) {
    if (pAlive < t.pAliveBelow) reached = Math.max(reached, ladder.severityOf(t.stage));
  }
  return reached;
}
