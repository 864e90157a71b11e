/**
 * Survey answers → `{ score, scale_min, scale_max }` per kind (docs/normalize.md has the tables):
 * CSAT 1–5 (labels mapped onto 1–5; Zendesk Good/Bad binary 1/0), NPS 0–10, CES 1–7.
 * Out-of-range numbers and unknown labels fail. Results are shared frozen objects.
 */

import type { SurveyKind } from "../../domain/records.js";
import { fail, type Invalid } from "./invalid.js";
import { BoundedMemo, foldWidth, isMissing, trimCell, vocabularyKey } from "./text.js";
import { buildVocabulary } from "./vocabulary.js";

export interface SurveyScore {
  readonly score: number;
  readonly scale_min: number;
  readonly scale_max: number;
}

interface Scale {
  min: number;
  max: number;
  expected: string;
}

const SCALES: Record<SurveyKind, Scale> = {
  csat: {
    min: 1,
    max: 5,
    expected: "a CSAT answer: 1–5, Good/Bad, a satisfaction label (Satisfied, Happy, 満足, やや不満 …)",
  },
  nps: { min: 0, max: 10, expected: "an NPS answer: a whole number 0–10" },
  ces: {
    min: 1,
    max: 7,
    expected: "a CES answer: 1–7 or an agreement label (Strongly agree … 非常にそう思う …)",
  },
};

export function expectedSurveyScore(kind: SurveyKind): string {
  return SCALES[kind].expected;
}

const shared = new Map<string, SurveyScore>();

/** One frozen object per (score, scale): callers may keep it, nobody can change it. */
function scoreOf(score: number, min: number, max: number): SurveyScore {
  const key = `${score}/${min}/${max}`;
  let s = shared.get(key);
  if (!s) {
    s = Object.freeze({ score, scale_min: min, scale_max: max });
    shared.set(key, s);
  }
  return s;
}

/** Zendesk's binary rating: Good = 1, Bad = 0 on a 0–1 scale. */
const BINARY_GOOD = scoreOf(1, 0, 1);
const BINARY_BAD = scoreOf(0, 0, 1);
/** Zendesk's "a survey was (not) sent" states: no answer, so missing rather than a score. */
const NOT_AN_ANSWER = new Set(["offered", "notoffered", "unoffered", "未回答", "回答なし"]);

const CSAT_LABELS = buildVocabulary<SurveyScore>([
  [BINARY_GOOD, ["good", "good, I'm satisfied"]],
  [BINARY_BAD, ["bad", "bad, I'm unsatisfied"]],
  [
    scoreOf(5, 1, 5),
    [
      "extremely satisfied",
      "very satisfied",
      "happy",
      "満足",
      "とても満足",
      "非常に満足",
      "大変満足",
      "大変満足している",
    ],
  ],
  [scoreOf(4, 1, 5), ["satisfied", "somewhat satisfied", "やや満足", "まあ満足", "どちらかといえば満足"]],
  [
    scoreOf(3, 1, 5),
    [
      "neutral",
      "neither satisfied nor dissatisfied",
      "普通",
      "ふつう",
      "どちらでもない",
      "どちらともいえない",
    ],
  ],
  [
    scoreOf(2, 1, 5),
    ["dissatisfied", "unsatisfied", "somewhat dissatisfied", "やや不満", "どちらかといえば不満"],
  ],
  [
    scoreOf(1, 1, 5),
    [
      "extremely dissatisfied",
      "very dissatisfied",
      "unhappy",
      "不満",
      "とても不満",
      "非常に不満",
      "大変不満",
      "不満足",
    ],
  ],
]);

const CES_LABELS = buildVocabulary<SurveyScore>([
  [scoreOf(7, 1, 7), ["strongly agree", "非常にそう思う", "強くそう思う", "とてもそう思う"]],
  [scoreOf(6, 1, 7), ["agree", "そう思う"]],
  [scoreOf(5, 1, 7), ["somewhat agree", "ややそう思う"]],
  [scoreOf(4, 1, 7), ["neither agree nor disagree", "neutral", "どちらともいえない", "どちらでもない"]],
  [scoreOf(3, 1, 7), ["somewhat disagree", "あまりそう思わない"]],
  [scoreOf(2, 1, 7), ["disagree", "そう思わない"]],
  [scoreOf(1, 1, 7), ["strongly disagree", "全くそう思わない", "まったくそう思わない"]],
]);

const LABELS: Record<SurveyKind, ReadonlyMap<string, SurveyScore>> = {
  csat: CSAT_LABELS,
  nps: new Map(),
  ces: CES_LABELS,
};

/** A number, optionally followed by its label: "10", "10 - Extremely likely", "4 (Satisfied)". */
const LEADING_NUMBER = /^([-+]?\d+(?:\.\d+)?)(?:\s*[-–—:(（].*|\s+\S.*)?$/s;

const memos: Record<SurveyKind, BoundedMemo<SurveyScore | null>> = {
  csat: new BoundedMemo(),
  nps: new BoundedMemo(),
  ces: new BoundedMemo(),
};

/** The answer on its scale, `null` for no answer, or `INVALID` (reason in `lastInvalidReason()`). */
export function normalizeSurveyScore(kind: SurveyKind, raw: string): SurveyScore | null | Invalid {
  const s = trimCell(raw);
  const memo = memos[kind];
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  if (isMissing(s)) return null;
  const result = readScore(kind, s);
  return result === null || typeof result === "object" ? memo.set(s, result) : result;
}

function readScore(kind: SurveyKind, s: string): SurveyScore | null | Invalid {
  const key = vocabularyKey(s);
  const label = LABELS[kind].get(key);
  if (label) return label;
  if (kind === "csat" && NOT_AN_ANSWER.has(key)) return null;
  const scale = SCALES[kind];
  const m = LEADING_NUMBER.exec(foldWidth(s));
  if (!m) return fail(`"${s}" is not ${scale.expected}`);
  const score = Number(m[1]);
  if (!Number.isInteger(score)) return fail(`${kind.toUpperCase()} score ${m[1]} is not a whole number`);
  if (score < scale.min || score > scale.max) {
    return fail(`${kind.toUpperCase()} score ${score} is outside ${scale.min}–${scale.max}`);
  }
  return scoreOf(score, scale.min, scale.max);
}
