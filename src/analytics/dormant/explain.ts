/**
 * Reason sentences and recommended actions for scored candidates, built only for the rows that
 * are output: a nightly run explains its few new alerts, `--all` explains everything.
 */
import { type Bilingual, bgnbdReason, cadenceReason, fixedReason, recommendedAction } from "./messages.js";
import type { DormancyCandidate } from "./score.js";
import type { StageDefinition, StageLadder } from "./stages.js";

export interface ExplainedCandidate extends DormancyCandidate {
  reason: Bilingual;
  action: Bilingual;
}

export function explainCandidate(candidate: DormancyCandidate, ladder: StageLadder): ExplainedCandidate {
  const stage = ladder.stages[candidate.severity] as StageDefinition;
  return {
    ...candidate,
    reason: reasonFor(candidate, stage),
    action: recommendedAction(stage, ladder.stages[candidate.severity + 1]),
  };
}

export function explainCandidates(
  candidates: readonly DormancyCandidate[],
  ladder: StageLadder,
): ExplainedCandidate[] {
  return candidates.map((c) => explainCandidate(c, ladder));
}

function reasonFor(c: DormancyCandidate, stage: StageDefinition): Bilingual {
  switch (c.method) {
    case "fixed":
      return fixedReason(stage, c.daysSince, c.lastOrderDay);
    case "cadence":
      return cadenceReason(stage, {
        daysSince: c.daysSince,
        gap: c.cadenceGapDays ?? Number.NaN,
        oneTimeBuyer: c.orders === 1,
        threshold: c.threshold,
      });
    case "bgnbd":
      return bgnbdReason(stage, c.pAlive ?? Number.NaN, c.threshold, c.expected90 ?? Number.NaN);
  }
}
