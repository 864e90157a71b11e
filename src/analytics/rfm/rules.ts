import { type Localized, RfmConfigError } from "./types.js";

/**
 * The segment rule language. A rule names a segment and lists conditions on per-customer fields;
 * all must hold. A condition is a number (equals), a comparison (">=4", "<2", "=3") or an inclusive
 * range ("2..3"; "2-3" is accepted too). Nothing is evaluated: conditions compile to intervals.
 */
export const RULE_FIELDS = [
  "r",
  "f",
  "m",
  "fm",
  "recency_days",
  "orders",
  "revenue",
  "aov",
  "coupon_share",
  "revenue_top_pct",
  "orders_top_pct",
  "aov_top_pct",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** Score fields: r, f, m are 1..bins; fm (the mean of f and m) moves in steps of 0.5. */
export const SCORE_FIELDS: ReadonlySet<RuleField> = new Set<RuleField>(["r", "f", "m", "fm"]);

const RULE_FIELD_SET: ReadonlySet<string> = new Set(RULE_FIELDS);
const TEXT_KEYS = ["name", "segment", "name_ja", "action", "action_ja", "timing", "timing_ja"] as const;
const RULE_KEYS: ReadonlySet<string> = new Set<string>([...TEXT_KEYS, "when", ...RULE_FIELDS]);

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const COMPARISON = new RegExp(`^(>=|<=|>|<|==?)?\\s*(${NUMBER})$`);
const RANGE = new RegExp(`^(${NUMBER})\\s*(?:\\.\\.|-)\\s*(${NUMBER})$`);
const EXPECTED_CONDITION = 'expected a number, a comparison such as ">=4" or "<2", or a range such as "2..3"';

/** A compiled condition: the field's value must lie in the interval. */
export interface Condition {
  field: RuleField;
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** As written, for display. */
  text: string;
}

export interface SegmentRule {
  /** Stable key for JSON and CSV (the English name for custom rules). */
  id: string;
  names: Localized;
  conditions: Condition[];
  action: Localized | null;
  timing: Localized | null;
}

export function conditionHolds(c: Condition, value: number): boolean {
  // NaN (an unknown coupon share) fails every comparison, so the rule does not match.
  return (
    (c.lowInclusive ? value >= c.low : value > c.low) && (c.highInclusive ? value <= c.high : value < c.high)
  );
}

export function parseCondition(field: RuleField, raw: unknown, key: string): Condition {
  if (typeof raw === "number" && Number.isFinite(raw)) {
    return { field, low: raw, high: raw, lowInclusive: true, highInclusive: true, text: String(raw) };
  }
  if (typeof raw !== "string") throw new RfmConfigError(key, EXPECTED_CONDITION);
  const text = raw.trim();
  const range = RANGE.exec(text);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (low > high)
      throw new RfmConfigError(key, `range "${text}" runs backwards; write the smaller bound first`);
    return { field, low, high, lowInclusive: true, highInclusive: true, text };
  }
  const comparison = COMPARISON.exec(text);
  if (!comparison) throw new RfmConfigError(key, `${EXPECTED_CONDITION}, got "${raw}"`);
  const value = Number(comparison[2]);
  switch (comparison[1]) {
    case ">=":
      return { field, low: value, high: Infinity, lowInclusive: true, highInclusive: false, text };
    case ">":
      return { field, low: value, high: Infinity, lowInclusive: false, highInclusive: false, text };
    case "<=":
      return { field, low: -Infinity, high: value, lowInclusive: false, highInclusive: true, text };
    case "<":
      return { field, low: -Infinity, high: value, lowInclusive: false, highInclusive: false, text };
    default:
      return { field, low: value, high: value, lowInclusive: true, highInclusive: true, text };
  }
}

/**
 * Reads one rule of a scheme. Conditions go under `when`, or (the flat form the config schema
 * also allows) directly on the rule; `segment` is accepted as another word for `name`.
 * `scoreRange` is the score scale the rule's score conditions are written for.
 */
export function parseRule(raw: unknown, key: string, scoreRange: number): SegmentRule {
  if (!isRecord(raw)) throw new RfmConfigError(key, "expected a rule object such as { name, when, action }");
  for (const k of Object.keys(raw)) {
    if (!RULE_KEYS.has(k)) {
      throw new RfmConfigError(
        `${key}.${k}`,
        `unknown key; a rule takes ${TEXT_KEYS.join(", ")}, when, and conditions on ${RULE_FIELDS.join(", ")}`,
      );
    }
  }
  const name = optionalText(raw, "name", key) ?? optionalText(raw, "segment", key);
  if (name === undefined) throw new RfmConfigError(`${key}.name`, "expected the segment's name");
  if (name.toLowerCase() === "other") {
    throw new RfmConfigError(
      `${key}.name`,
      '"other" is the name of the customers no rule matches; pick another',
    );
  }
  const conditions: Condition[] = [];
  const seen = new Set<string>();
  const add = (source: Record<string, unknown>, prefix: string) => {
    for (const [field, value] of Object.entries(source)) {
      const conditionKey = `${prefix}.${field}`;
      if (!RULE_FIELD_SET.has(field)) {
        throw new RfmConfigError(conditionKey, `unknown field; expected one of ${RULE_FIELDS.join(", ")}`);
      }
      if (seen.has(field)) throw new RfmConfigError(conditionKey, "the field has a condition already");
      seen.add(field);
      const condition = parseCondition(field as RuleField, value, conditionKey);
      if (SCORE_FIELDS.has(condition.field) && !satisfiableOnScores(condition, scoreRange)) {
        throw new RfmConfigError(conditionKey, `never true for scores 1..${scoreRange} (rfm.bins)`);
      }
      conditions.push(condition);
    }
  };
  if (raw.when !== undefined) {
    if (!isRecord(raw.when))
      throw new RfmConfigError(`${key}.when`, "expected an object of field: condition");
    add(raw.when, `${key}.when`);
  }
  const flat: Record<string, unknown> = {};
  for (const field of RULE_FIELDS) if (raw[field] !== undefined) flat[field] = raw[field];
  add(flat, key);
  if (conditions.length === 0) {
    throw new RfmConfigError(`${key}.when`, 'expected at least one condition, e.g. { r: ">=4" }');
  }
  return {
    id: name,
    names: { en: name, ja: optionalText(raw, "name_ja", key) ?? name },
    conditions,
    action: localizedPair(raw, "action", key),
    timing: localizedPair(raw, "timing", key),
  };
}

function satisfiableOnScores(c: Condition, scoreRange: number): boolean {
  for (let v = 1; v <= scoreRange; v += 0.5) if (conditionHolds(c, v)) return true;
  return false;
}

function localizedPair(
  raw: Record<string, unknown>,
  base: "action" | "timing",
  key: string,
): Localized | null {
  const en = optionalText(raw, base, key);
  const ja = optionalText(raw, `${base}_ja`, key);
  if (en === undefined && ja === undefined) return null;
  return { en: en ?? (ja as string), ja: ja ?? (en as string) };
}

function optionalText(raw: Record<string, unknown>, k: string, key: string): string | undefined {
  const value = raw[k];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new RfmConfigError(`${key}.${k}`, "expected non-empty text");
  }
  return value.trim();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
