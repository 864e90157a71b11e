import { type CompiledRule, compileTerm, type TermDefinition } from "./rule.js";
import type { Severity } from "./types.js";
import { widthRules } from "./width-rules.js";

/**
 * The built-in support-operations glossary (docs/lint.md lists it; `supportops glossary list`
 * prints it). The field's common choices; every entry can be overridden by a glossary file
 * (same preferred form) or switched off per path in the config.
 */
const DOTTED_COMPOUNDS: [string, string, string][] = [
  ["コールセンター", "コール", "センター"],
  ["ヘルプデスク", "ヘルプ", "デスク"],
  ["ヘルプセンター", "ヘルプ", "センター"],
  ["ナレッジベース", "ナレッジ", "ベース"],
  ["チャットボット", "チャット", "ボット"],
  ["インサイドセールス", "インサイド", "セールス"],
  ["アップセル", "アップ", "セル"],
  ["クロスセル", "クロス", "セル"],
  ["チャーンレート", "チャーン", "レート"],
  ["コールリーズン", "コール", "リーズン"],
  ["セルフサービス", "セルフ", "サービス"],
];

const CUSTOMER_COMPOUNDS = ["サポート", "サービス", "サクセス", "ジャーニー", "ハラスメント", "センター"];

export const BUILTIN_TERMS: TermDefinition[] = [
  {
    preferred: "チャネル",
    variants: ["チャンネル"],
    note: "Contact channel: the call-center industry writes チャネル.",
  },
  ...CUSTOMER_COMPOUNDS.map((tail) => ({
    preferred: `カスタマー${tail}`,
    // カスハラ: the abbreviation is fine in chat, not in documents.
    variants: [
      `カスタマ${tail}`,
      `カスタマー・${tail}`,
      `カスタマ・${tail}`,
      ...(tail === "ハラスメント" ? ["カスハラ"] : []),
    ],
    note: "Customer compounds keep the long vowel and no middle dot.",
  })),
  {
    preferred: "カスタマー",
    variants: ["カスタマ"],
    note: "Long vowel kept; never fires inside カスタマイズ.",
  },
  {
    preferred: "ユーザー",
    variants: ["ユーザ"],
    note: "Long vowel kept; never fires inside ユーザビリティ.",
  },
  { preferred: "オペレーター", variants: ["オペレータ"], note: "Long vowel kept." },
  {
    preferred: "お問い合わせ",
    variants: ["お問合せ", "お問合わせ", "お問い合せ"],
    note: "Okurigana: お問い合わせ.",
  },
  { preferred: "問い合わせ", variants: ["問合せ", "問合わせ", "問い合せ"], note: "Okurigana: 問い合わせ." },
  {
    preferred: "一次解決率",
    variants: ["初回解決率", "GCR"],
    note: "First-contact resolution (FCR); GCR is a non-standard abbreviation.",
  },
  {
    preferred: "エスカレーション",
    variants: ["エスカレ"],
    note: "エスカレ is jargon; write it out in customer-facing text.",
  },
  ...DOTTED_COMPOUNDS.map(([preferred, head, tail]) => ({
    preferred,
    variants: [`${head}・${tail}`],
    note: "Established compound: no middle dot.",
  })),
  { preferred: "メール", variants: ["Eメール", "E-メール"], note: "Japanese text writes メール." },
  { preferred: "email", variants: ["e-mail"], note: "English text writes email." },
  { preferred: "VOC", variants: ["VoC", "voc"], note: "Voice of the customer: one spelling per house." },
  { preferred: "ナレッジ", variants: ["ナリッジ"], note: "Knowledge: the field writes ナレッジ." },
  { preferred: "FAQ", variants: ["ＦＡＱ", "Faq"], note: "Upper case, half-width." },
];

export function builtinRules(severity: Severity = "warning"): CompiledRule[] {
  const origin = { file: "builtin" };
  return [...BUILTIN_TERMS.map((t) => compileTerm(t, origin, severity)), ...widthRules(severity, origin)];
}
