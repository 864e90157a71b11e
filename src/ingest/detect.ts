import type { SurveyKind } from "../domain/records.js";
import { DERIVED_FIELDS, FIELDS, REQUIRED } from "./profiles/fields.js";
import { BUILTIN_PROFILES, foldHeader } from "./profiles/index.js";
import type { ColumnTarget, Profile, RecordKind } from "./profiles/types.js";

/** How one source column is used. */
export interface ColumnPlan {
  index: number;
  header: string;
  target: ColumnTarget | null;
  /** Why it is ignored, or a remark on the mapping. */
  note?: string;
}

export interface Detection {
  profile: Profile;
  /** Human-readable: why this profile was chosen. */
  reason: string;
  /** Data starts after this many rows (0 for header-less positional files). */
  headerRows: number;
  columns: ColumnPlan[];
  warnings: string[];
}

const QUESTION_PATTERNS: Array<[SurveyKind | "comment", RegExp]> = [
  ["nps", /おすすめ|お勧め|推奨|勧め|すすめ|薦め|recommend|\bnps\b|likely.*friend/i],
  ["ces", /簡単|容易|手間|楽に|easy|effort|\bces\b/i],
  ["csat", /満足|satisf|\bcsat\b|rating|評価|how (did|would) you rate/i],
  ["comment", /コメント|ご意見|ご感想|理由|自由記述|comment|feedback|why|suggest/i],
];

/** Classifies a survey question by its text. */
export function questionKind(text: string): SurveyKind | "comment" | null {
  for (const [kind, re] of QUESTION_PATTERNS) if (re.test(text)) return kind;
  return null;
}

function targetOf(v: string | ColumnTarget): ColumnTarget {
  return typeof v === "string" ? { field: v } : v;
}

/** Header text per column: rows merged for multi-row layouts (SurveyMonkey's two, Qualtrics' question row). */
function headerTexts(profile: Profile, rows: string[][]): string[] {
  const first = rows[0] ?? [];
  if (profile.headerRows === 3) {
    // Qualtrics: ids in row 1, question text in row 2.
    return first.map((id, i) => {
      const q = rows[1]?.[i] ?? "";
      return profile.headers[foldHeader(id)] !== undefined ? id : q || id;
    });
  }
  if (profile.headerRows === 2) {
    let carried = "";
    return first.map((q, i) => {
      if (q.trim() !== "") carried = q;
      const sub = (rows[1]?.[i] ?? "").trim();
      const text = q.trim() !== "" ? q : carried;
      return sub && !/^(response|open-ended response)$/i.test(sub) ? `${text} - ${sub}` : text;
    });
  }
  return first;
}

/** Maps each column of `headers` for `profile`; the dictionary's earlier entry wins a shared field. */
export function planColumns(profile: Profile, headers: string[]): { columns: ColumnPlan[]; matched: number } {
  const order = Object.keys(profile.headers);
  const chosen = new Map<string, { index: number; rank: number }>();
  // Headers matched only by the canonical-name fallback: they don't make a profile more likely.
  let canonicalOnly = 0;
  const candidates: Array<{ index: number; target: ColumnTarget; rank: number } | null> = headers.map(
    (h, index) => {
      const key = foldHeader(h);
      // A header spelled exactly like a canonical field (created_at) means that field in every profile.
      const own = profile.headers[key];
      const v =
        own ?? (FIELDS[profile.kind][key] !== undefined && !DERIVED_FIELDS.has(key) ? key : undefined);
      if (v === undefined) return null;
      if (own === undefined) canonicalOnly++;
      const target = targetOf(v);
      const rank = order.includes(key) ? order.indexOf(key) : order.length;
      const prev = chosen.get(target.field);
      if (!prev || rank < prev.rank) chosen.set(target.field, { index, rank });
      return { index, target, rank };
    },
  );
  let matched = 0;
  let questionCount = 0;
  const columns: ColumnPlan[] = headers.map((header, index) => {
    const c = candidates[index];
    if (c) {
      matched++;
      const win = chosen.get(c.target.field);
      if (win && win.index !== index) {
        return {
          index,
          header,
          target: null,
          note: `also maps to ${c.target.field}; using "${headers[win.index]}"`,
        };
      }
      return { index, header, target: c.target };
    }
    if (profile.questionColumns) {
      // Qualtrics adds a derived NPS group column (Promoter/Passive/Detractor): the score column is enough.
      if (/nps_group|\s-\sgroup$/i.test(header)) {
        return { index, header, target: null, note: "derived NPS group; the score column is used" };
      }
      const kind = questionKind(header);
      if (kind === "comment") {
        if (!chosen.has("comment")) {
          chosen.set("comment", { index, rank: -1 });
          return { index, header, target: { field: "comment" } };
        }
        return { index, header, target: null, note: "another comment column is used" };
      }
      if (kind) {
        questionCount++;
        return { index, header, target: { field: "score", surveyKind: kind } };
      }
    }
    return { index, header, target: null, note: "not a known column" };
  });
  return { columns, matched: matched - canonicalOnly + questionCount };
}

/** Missing required fields for the plan, by name. */
export function missingRequired(kind: RecordKind, columns: ColumnPlan[]): string[] {
  const have = new Set(columns.filter((c) => c.target).map((c) => (c.target as ColumnTarget).field));
  return REQUIRED[kind].filter((f) => !have.has(f));
}

/** Validates that every target names a canonical field of the kind (config mappings are user input). */
export function unknownTargets(kind: RecordKind, columns: ColumnPlan[]): string[] {
  const known = FIELDS[kind];
  return columns
    .filter((c) => c.target && (known[c.target.field] === undefined || DERIVED_FIELDS.has(c.target.field)))
    .map((c) => c.target?.field as string);
}

/**
 * Chooses the profile for a file from its first rows: each candidate of the record kind scores
 * one point per header it knows and two per header only that vendor writes; the best wins, and
 * the reason says which headers decided. `forced` (from --profile) skips the contest.
 */
export function detectProfile(
  kind: RecordKind,
  firstRows: string[][],
  opts: { whitespace: boolean; forced?: Profile | undefined; extra?: readonly Profile[] },
): Detection {
  const pool = [...(opts.extra ?? []), ...BUILTIN_PROFILES].filter((p) => p.kind === kind);
  const warnings: string[] = [];
  if (opts.forced) return build(opts.forced, firstRows, "chosen with --profile", warnings);

  // Header-less positional layouts (CDNOW): the first row is all numbers.
  const first = firstRows[0] ?? [];
  if (opts.whitespace || first.every((f) => /^[\d.]+$/.test(f.trim()))) {
    const positional = pool.find((p) => p.positional?.[first.length]);
    const headerless = first.every((f) => /^[\d.]+$/.test(f.trim()));
    if (positional && headerless) {
      const fields = positional.positional?.[first.length] ?? [];
      return {
        profile: positional,
        reason: `no header; ${first.length} whitespace-separated columns match the ${positional.label}`,
        headerRows: 0,
        columns: fields.map((f, index) => ({
          index,
          header: `column ${index + 1}`,
          target: f ? { field: f } : null,
          ...(f ? {} : { note: "the sample's own index" }),
        })),
        warnings,
      };
    }
  }

  let best: { profile: Profile; score: number; matched: number; distinctive: string[] } | undefined;
  for (const profile of pool) {
    const texts = headerTexts(profile, firstRows);
    const { matched } = planColumns(profile, texts);
    const folded = new Set((firstRows[0] ?? []).map(foldHeader));
    const distinctive = (profile.distinctive ?? []).filter((d) => folded.has(d));
    let score = matched + 2 * distinctive.length;
    // Multi-row layouts must show their marker rows.
    if (profile.headerRows === 3 && !(firstRows[2]?.[0] ?? "").startsWith('{"ImportId"')) score = -1;
    if (
      profile.headerRows === 2 &&
      !(firstRows[1] ?? []).some((c) => /^(response|open-ended response)$/i.test(c.trim()))
    ) {
      score = -1;
    }
    if (score > 0 && (!best || score > best.score)) best = { profile, score, matched, distinctive };
  }
  if (!best) {
    const fallback = pool[pool.length - 1] as Profile;
    return build(fallback, firstRows, "no profile recognised the headers", warnings);
  }
  const total = (firstRows[0] ?? []).length;
  const why =
    `${best.matched} of ${total} headers known` +
    (best.distinctive.length > 0
      ? `; distinctive: ${best.distinctive
          .slice(0, 4)
          .map((d) => `"${d}"`)
          .join(", ")}`
      : "");
  return build(best.profile, firstRows, why, warnings);
}

function build(profile: Profile, firstRows: string[][], reason: string, warnings: string[]): Detection {
  const headerRows = profile.positional && !profile.headers ? 0 : (profile.headerRows ?? 1);
  const texts = headerTexts(profile, firstRows);
  const { columns } = planColumns(profile, texts);
  return { profile, reason, headerRows, columns, warnings };
}
