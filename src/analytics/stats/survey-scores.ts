import { type RateSummary, rateSummary, Z95 } from "./wilson.js";

/**
 * Survey statistics. NPS on 0–10: promoters 9–10, passives 7–8, detractors 0–6.
 * CSAT: positive ÷ rated; on 1–5 the positive answers are 4–5, on a binary scale (0/1, Good/Bad)
 * the top answer, on any other scale the top quarter (score ≥ min + 0.75 × (max − min), which is
 * 4 on 1–5). CES on 1–7: mean and share of answers ≥ 5.
 */

export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100; null when n = 0. */
  nps: number | null;
  /** 95% margin of error in NPS points; null when n = 0. */
  marginOfError: number | null;
}

/**
 * NPS and its margin of error. With p and d the promoter and detractor shares, the variance of
 * one answer (scored +100, 0, −100) is 100² × ((p + d) − (p − d)²); the margin is
 * 1.96 × sqrt(variance / n).
 */
export function npsSummary(promoters: number, passives: number, detractors: number): NpsSummary {
  const n = promoters + passives + detractors;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, marginOfError: null };
  const p = promoters / n;
  const d = detractors / n;
  const variance = 10000 * (p + d - (p - d) * (p - d));
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: 100 * (p - d),
    marginOfError: Z95 * Math.sqrt(variance / n),
  };
}

export type NpsClass = "promoter" | "passive" | "detractor";

export function npsClass(score: number): NpsClass {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** Whether a CSAT answer is positive on its scale (see the module comment). */
export function csatPositive(score: number, scaleMin: number, scaleMax: number): boolean {
  if (scaleMax - scaleMin === 1) return score === scaleMax;
  return score >= scaleMin + 0.75 * (scaleMax - scaleMin);
}

/** The CES share threshold: "agree" and above on the 1–7 scale. */
export const CES_EASY_FROM = 5;

export interface CesSummary {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Share of answers ≥ 5, with its Wilson interval. */
  easy: RateSummary;
}

export function cesSummary(n: number, sum: number, easyCount: number): CesSummary {
  return { n, mean: n === 0 ? null : sum / n, easy: rateSummary(easyCount, n) };
}
