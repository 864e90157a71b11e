import { isRecord, parseRule, type SegmentRule } from "./rules.js";
import { type Localized, RfmConfigError } from "./types.js";

/** An ordered rule list: the first rule a customer matches names the segment; the rest are "other". */
export interface Scheme {
  name: string;
  /**
   * Score scale the rules are written for. Built-in score schemes use 5; with other bin counts a
   * score s is read on that scale as ceil((s − 0.5) × 5 ÷ bins) (see docs/rfm.md). null: the
   * analysis's own bins (custom schemes).
   */
  scoreScale: number | null;
  rules: SegmentRule[];
}

export const BUILTIN_SCHEMES = ["standard", "rfm-r", "ja"] as const;

export const OTHER_SEGMENT: Pick<SegmentRule, "id" | "names"> = {
  id: "other",
  names: { en: "Other", ja: "その他" },
};

interface BuiltinRule {
  id: string;
  rule: Record<string, unknown>;
}

const ACTIONS = {
  champions: {
    en: "Reward them; offer early access and ask for reviews",
    ja: "特典で報い、新商品の先行案内やレビューを依頼する",
  },
  loyal: { en: "Upsell higher-value products; ask for reviews", ja: "上位商品を提案し、レビューを依頼する" },
  potential: {
    en: "Offer membership or a loyalty programme; recommend related products",
    ja: "会員プログラムへ誘導し、関連商品を薦める",
  },
  recent: { en: "Onboard them: support the first use early", ja: "初回利用を支援し、早期に関係をつくる" },
  promising: { en: "Build awareness: trials and samples", ja: "お試しやサンプルで認知を高める" },
  attention: { en: "Limited-time offers based on past purchases", ja: "購入履歴に基づく期間限定オファー" },
  sleep: {
    en: "Reconnect before they lapse: popular products and reminders",
    ja: "人気商品の紹介とリマインドで離脱前に再接触する",
  },
  cantLose: {
    en: "Win them back in person: ask what changed",
    ja: "個別に連絡して理由を聞き、呼び戻す",
  },
  atRisk: {
    en: "Personal messages to reconnect; renewals and helpful resources",
    ja: "個別メッセージで再接触し、更新案内や役立つ情報を送る",
  },
  hibernating: {
    en: "Show other relevant products and a special discount",
    ja: "関連商品と特別割引で価値を再提示する",
  },
  lost: {
    en: "One reach-out campaign to revive interest; otherwise stop spending on them",
    ja: "再来訪キャンペーンを一度行い、反応がなければ対象外にする",
  },
} satisfies Record<string, Localized>;

function withAction(rule: Record<string, unknown>, action: Localized): Record<string, unknown> {
  return { ...rule, action: action.en, action_ja: action.ja };
}

/**
 * The widely published 11-segment table on R and FM = mean(F, M) (docs/rfm.md cites it). Its ranges
 * ("R 4–5, FM 4–5", …) describe rectangles on a 0–5 plane where score s covers (s − 1, s]; read
 * that way "4–5" is score 5 and "1–3" is FM 1.5 to 3. Can't Lose Them lies inside At Risk, so it
 * is checked first. Every segment is reachable and every (R, FM) pair has exactly one segment.
 */
const STANDARD: BuiltinRule[] = [
  {
    id: "champions",
    rule: withAction(
      { name: "Champions", name_ja: "チャンピオン顧客", r: 5, fm: "4.5..5" },
      ACTIONS.champions,
    ),
  },
  {
    id: "loyal_customers",
    rule: withAction(
      { name: "Loyal Customers", name_ja: "ロイヤル顧客", r: "3..5", fm: "3.5..5" },
      ACTIONS.loyal,
    ),
  },
  {
    id: "potential_loyalist",
    rule: withAction(
      { name: "Potential Loyalist", name_ja: "ロイヤル顧客候補", r: "4..5", fm: "1.5..3" },
      ACTIONS.potential,
    ),
  },
  {
    id: "recent_customers",
    rule: withAction({ name: "Recent Customers", name_ja: "新規顧客", r: 5, fm: "<=1" }, ACTIONS.recent),
  },
  {
    id: "promising",
    rule: withAction({ name: "Promising", name_ja: "有望顧客", r: 4, fm: "<=1" }, ACTIONS.promising),
  },
  {
    id: "customers_needing_attention",
    rule: withAction(
      { name: "Customers Needing Attention", name_ja: "要注意顧客", r: 3, fm: "2.5..3" },
      ACTIONS.attention,
    ),
  },
  {
    id: "about_to_sleep",
    rule: withAction({ name: "About To Sleep", name_ja: "休眠間近顧客", r: 3, fm: "<=2" }, ACTIONS.sleep),
  },
  {
    id: "cant_lose_them",
    rule: withAction(
      { name: "Can't Lose Them", name_ja: "失えない顧客", r: 1, fm: "4.5..5" },
      ACTIONS.cantLose,
    ),
  },
  {
    id: "at_risk",
    rule: withAction({ name: "At Risk", name_ja: "離反リスク顧客", r: "1..2", fm: "2.5..5" }, ACTIONS.atRisk),
  },
  {
    id: "hibernating",
    rule: withAction({ name: "Hibernating", name_ja: "休眠顧客", r: 2, fm: "1.5..2" }, ACTIONS.hibernating),
  },
  { id: "lost", rule: withAction({ name: "Lost", name_ja: "離反顧客", r: "1..2", fm: "<=2" }, ACTIONS.lost) },
];

/**
 * The R `rfm` package's segment table (rfm 0.2.x: the `rfm_segment()` example and its test), inclusive
 * score ranges checked in this order exactly as the package does. As in the package, New Customers
 * and Promising can never match: Potential Loyalist (R 3–5, F 1–3, M 1–3) comes first.
 */
const RFM_R: BuiltinRule[] = [
  {
    id: "champions",
    rule: withAction(
      { name: "Champions", name_ja: "チャンピオン顧客", r: "4..5", f: "4..5", m: "4..5" },
      ACTIONS.champions,
    ),
  },
  {
    id: "loyal_customers",
    rule: withAction(
      { name: "Loyal Customers", name_ja: "ロイヤル顧客", r: "2..5", f: "3..5", m: "3..5" },
      ACTIONS.loyal,
    ),
  },
  {
    id: "potential_loyalist",
    rule: withAction(
      { name: "Potential Loyalist", name_ja: "ロイヤル顧客候補", r: "3..5", f: "1..3", m: "1..3" },
      ACTIONS.potential,
    ),
  },
  {
    id: "new_customers",
    rule: withAction({ name: "New Customers", name_ja: "新規顧客", r: "4..5", f: 1, m: 1 }, ACTIONS.recent),
  },
  {
    id: "promising",
    rule: withAction({ name: "Promising", name_ja: "有望顧客", r: "3..4", f: 1, m: 1 }, ACTIONS.promising),
  },
  {
    id: "need_attention",
    rule: withAction(
      { name: "Need Attention", name_ja: "要注意顧客", r: "2..3", f: "2..3", m: "2..3" },
      ACTIONS.attention,
    ),
  },
  {
    id: "about_to_sleep",
    rule: withAction(
      { name: "About To Sleep", name_ja: "休眠間近顧客", r: "2..3", f: "1..2", m: "1..2" },
      ACTIONS.sleep,
    ),
  },
  {
    id: "at_risk",
    rule: withAction(
      { name: "At Risk", name_ja: "離反リスク顧客", r: "1..2", f: "2..5", m: "2..5" },
      ACTIONS.atRisk,
    ),
  },
  {
    id: "cant_lose_them",
    rule: withAction(
      { name: "Can't Lose Them", name_ja: "失えない顧客", r: 1, f: "4..5", m: "4..5" },
      ACTIONS.cantLose,
    ),
  },
  {
    id: "lost",
    rule: withAction({ name: "Lost", name_ja: "離反顧客", r: "1..2", f: "1..2", m: "1..2" }, ACTIONS.lost),
  },
];

/**
 * The Japanese field scheme (shared/domain.md §3) on raw values. The thresholds are the seed
 * material's examples; each business re-measures them on its own purchase cycle.
 */
const JA: BuiltinRule[] = [
  {
    id: "top_customers",
    rule: {
      name: "Top customers",
      name_ja: "最重要顧客",
      when: { revenue_top_pct: "<20" },
      action: "Experience value and exclusive perks",
      action_ja: "体験価値の提供と限定特典",
      timing: "7 days after a purchase",
      timing_ja: "購入から7日後",
    },
  },
  {
    id: "growth_potential",
    rule: {
      name: "Growth potential",
      name_ja: "成長余地層",
      when: { orders_top_pct: "<30", aov_top_pct: ">=50" },
      action: "Propose bundles to raise the order value",
      action_ja: "セット商品の提案で客単価を上げる",
      timing: "after 14 days without a purchase",
      timing_ja: "購入のないまま14日経過した時点",
    },
  },
  {
    id: "pre_dormant",
    rule: {
      name: "Pre-dormant",
      name_ja: "休眠予備軍",
      when: { recency_days: "45..75" },
      action: "Reminder and a comeback discount",
      action_ja: "リマインドと復帰割引",
      timing: "45 days after the last order",
      timing_ja: "最終購入から45日",
    },
  },
  {
    id: "price_sensitive",
    rule: {
      name: "Price-sensitive",
      name_ja: "価格敏感層",
      when: { coupon_share: ">=0.5" },
      action: "Early notice of campaigns and capped offers",
      action_ja: "キャンペーンの事前告知と上限付きオファー",
      timing: "before campaigns",
      timing_ja: "キャンペーン前",
    },
  },
];

function builtin(name: string, rules: readonly BuiltinRule[], scoreScale: number | null): Scheme {
  return {
    name,
    scoreScale,
    rules: rules.map(({ id, rule }, i) => ({ ...parseRule(rule, `${name}[${i}]`, 5), id })),
  };
}

/** A built-in scheme by name, or a custom one from `rfm.schemes` (validated here). */
export function resolveScheme(name: string, customSchemes: unknown, bins: number): Scheme {
  switch (name) {
    case "standard":
      return builtin(name, STANDARD, 5);
    case "rfm-r":
      return builtin(name, RFM_R, 5);
    case "ja":
      return builtin(name, JA, null);
  }
  const custom = isRecord(customSchemes) ? customSchemes[name] : undefined;
  if (custom === undefined) {
    const customNames = isRecord(customSchemes) ? Object.keys(customSchemes) : [];
    throw new RfmConfigError(
      "rfm.scheme",
      `unknown scheme "${name}"; expected ${[...BUILTIN_SCHEMES, ...customNames].join(", ")}`,
    );
  }
  return { name, scoreScale: null, rules: parseCustomRules(name, custom, bins) };
}

/** Validates every custom scheme (for `config check`), returning them by name. */
export function parseCustomSchemes(customSchemes: unknown, bins: number): Scheme[] {
  if (customSchemes === undefined) return [];
  if (!isRecord(customSchemes))
    throw new RfmConfigError("rfm.schemes", "expected an object of name: [rules]");
  return Object.entries(customSchemes).map(([name, rules]) => ({
    name,
    scoreScale: null,
    rules: parseCustomRules(name, rules, bins),
  }));
}

function parseCustomRules(name: string, raw: unknown, bins: number): SegmentRule[] {
  const key = `rfm.schemes.${name}`;
  if ((BUILTIN_SCHEMES as readonly string[]).includes(name)) {
    throw new RfmConfigError(key, `"${name}" is a built-in scheme; give the custom scheme another name`);
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new RfmConfigError(key, "expected a non-empty list of rules (first match wins)");
  }
  const ids = new Set<string>();
  return raw.map((item, i) => {
    const rule = parseRule(item, `${key}[${i}]`, bins);
    if (ids.has(rule.id))
      throw new RfmConfigError(`${key}[${i}].name`, `segment "${rule.id}" is named twice`);
    ids.add(rule.id);
    return rule;
  });
}

/** The segment's name in the report language. */
export function segmentLabel(segment: Pick<SegmentRule, "names">, lang: "en" | "ja"): string {
  return segment.names[lang];
}
