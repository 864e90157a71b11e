/**
 * Stage labels, recommended actions and reason sentences in English and Japanese. Stages named
 * in the configuration but not known here keep their own name as the label.
 */
import { formatDateKey } from "../calendar/dates.js";
import type { StageDefinition } from "./stages.js";

export interface Bilingual {
  en: string;
  ja: string;
}

const LABELS: Record<string, Bilingual> = {
  watch: { en: "watch", ja: "要観察" },
  intervene: { en: "intervene", ja: "要フォロー" },
  dormant_risk: { en: "dormant risk", ja: "休眠予備軍" },
  dormant: { en: "dormant", ja: "休眠" },
};

export function stageLabel(name: string): Bilingual {
  return LABELS[name] ?? { en: name, ja: name };
}

/** What to do at a stage; `next` is the following stage, whose mark the intervention should beat. */
export function recommendedAction(stage: StageDefinition, next: StageDefinition | undefined): Bilingual {
  switch (stage.name) {
    case "watch":
      return {
        en: "Keep in regular communications; no special offer yet.",
        ja: "通常の連絡を続ける（特別なオファーはまだ不要）。",
      };
    case "intervene":
      return next
        ? {
            en: `Send a reminder and a comeback offer before day ${next.days}.`,
            ja: `${next.days}日を迎える前にリマインドと復帰特典を送る。`,
          }
        : { en: "Send a reminder and a comeback offer.", ja: "リマインドと復帰特典を送る。" };
    case "dormant_risk":
      return {
        en: "Send a comeback discount and a personal follow-up.",
        ja: "復帰クーポンと個別のフォローを送る。",
      };
    case "dormant":
      return {
        en: "Run a reactivation campaign and ask why they stopped ordering.",
        ja: "休眠掘り起こし施策を行い、注文が止まった理由を確認する。",
      };
    default:
      return {
        en: `Follow the plan for stage "${stage.name}".`,
        ja: `ステージ「${stage.name}」の施策を実施する。`,
      };
  }
}

export function fixedReason(stage: StageDefinition, daysSince: number, lastOrderDay: number): Bilingual {
  const label = stageLabel(stage.name);
  const date = formatDateKey(lastOrderDay);
  return {
    en: `Last order ${daysSince} days ago (${date}), past the ${stage.days}-day ${label.en} mark.`,
    ja: `最終注文（${date}）から${daysSince}日が経過し、${stage.days}日の「${label.ja}」基準に達しました。`,
  };
}

export interface CadenceFacts {
  daysSince: number;
  /** The customer's median gap, or the cohort's median time to a second order for one-time buyers. */
  gap: number;
  oneTimeBuyer: boolean;
  /** The ratio the stage needs to exceed (k × stage days ÷ first stage days). */
  threshold: number;
}

export function cadenceReason(stage: StageDefinition, facts: CadenceFacts): Bilingual {
  const label = stageLabel(stage.name);
  const ratio = (facts.daysSince / facts.gap).toFixed(2);
  const gap = formatDays(facts.gap);
  const threshold = formatRatio(facts.threshold);
  if (facts.oneTimeBuyer) {
    return {
      en:
        `One order only, ${facts.daysSince} days ago: ${ratio} times the cohort's median time to a second ` +
        `order (${gap} days); ${label.en} starts above ${threshold} times.`,
      ja:
        `注文は1回のみで${facts.daysSince}日が経過し、全体の2回目注文までの中央値（${gap}日）の${ratio}倍です` +
        `（「${label.ja}」は${threshold}倍超）。`,
    };
  }
  return {
    en:
      `No order for ${facts.daysSince} days: ${ratio} times this customer's median gap of ${gap} days; ` +
      `${label.en} starts above ${threshold} times.`,
    ja:
      `${facts.daysSince}日間注文がなく、この顧客の注文間隔の中央値（${gap}日）の${ratio}倍です` +
      `（「${label.ja}」は${threshold}倍超）。`,
  };
}

export function bgnbdReason(
  stage: StageDefinition,
  pAlive: number,
  threshold: number,
  expected90: number,
): Bilingual {
  const label = stageLabel(stage.name);
  const p = pAlive.toFixed(3);
  const e = expected90.toFixed(2);
  return {
    en: `BG/NBD puts the chance this customer is still active at ${p}, below the ${label.en} threshold of ${threshold}; ${e} orders expected in the next 90 days.`,
    ja: `BG/NBDによる稼働確率は${p}で、「${label.ja}」の基準${threshold}を下回っています。今後90日の予測注文数は${e}件です。`,
  };
}

function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

function formatRatio(ratio: number): string {
  return Number.isInteger(ratio) ? ratio.toFixed(1) : String(Math.round(ratio * 100) / 100);
}
