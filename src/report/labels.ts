import type { Label, TargetStatus } from "./model.js";

/** Words the renderers themselves print, in both report languages. */
export const UI = {
  trend: { en: "Trend", ja: "推移" },
  notes: { en: "Notes", ja: "注記" },
  legend: { en: "Legend", ja: "凡例" },
  low: { en: "low", ja: "低" },
  high: { en: "high", ja: "高" },
  interval: { en: "95% CI", ja: "95%信頼区間" },
  period: { en: "Period", ja: "期間" },
  value: { en: "Value", ja: "値" },
  item: { en: "Item", ja: "項目" },
} satisfies Record<string, Label>;

export const TARGET_STATUS: Record<TargetStatus, Label> = {
  met: { en: "met", ja: "達成" },
  missed: { en: "missed", ja: "未達" },
};

/** What a missing value looks like in text formats. */
export const MISSING = "–";
