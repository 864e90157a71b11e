import { type FoldedText, foldTerm, toOriginal } from "./fold.js";
import type { RuleMatch, RuleOrigin, Severity } from "./types.js";

/** A range of prose handed to the rules, with its folded forms computed once and shared. */
export interface ProseText {
  /** The prose itself (a slice of the document). */
  text: string;
  /** Offset of `text` in the document. */
  base: number;
  folded(): FoldedText;
}

/** A rule's anchors and the text they are looked up in. */
export interface RuleAnchors {
  /** "raw": the document as it is; "folded": its width- and case-folded copy (FoldedText.lower). */
  space: "raw" | "folded";
  strings: string[];
  /**
   * The rule is a case-insensitive regex: Unicode case folding also matches K (U+212A) and ſ
   * (U+017F) to k and s, which our folding does not, so a document with those runs it everywhere.
   */
  caseless?: boolean | undefined;
}

/** What every compiled rule offers the matcher. */
export interface CompiledRule {
  id: string;
  kind: "term" | "prh" | "width";
  severity: Severity;
  /** Human description of what is flagged (variants or the pattern). */
  flagged: string;
  /** Preferred form shown in listings. */
  preferred: string;
  note?: string | undefined;
  origin: RuleOrigin;
  /**
   * Strings one of which occurs in every match, within the prose the match is in: the rule is
   * skipped for documents and ranges without any of them. Null when unknown (always run).
   */
  anchors: RuleAnchors | null;
  /** Appends the rule's matches in `prose` (document offsets) to `out`. */
  collect(prose: ProseText, out: RuleMatch[]): void;
}

export interface TermDefinition {
  preferred: string;
  variants: string[];
  /** Strings that contain a variant but are correct (a variant inside one is never flagged). */
  allow?: string[] | undefined;
  note?: string | undefined;
  severity?: Severity | undefined;
  /** Match case exactly (folded width only); implied when a variant differs from the preferred form only by case. */
  caseSensitive?: boolean | undefined;
  id?: string | undefined;
}

const KATAKANA_RE = /[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]/;
const LATIN_WORD_RE = /[A-Za-z0-9_]/;
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

function escapeRegExp(s: string): string {
  return s.replace(REGEX_SPECIAL, "\\$&");
}

function isKatakana(ch: string | undefined): boolean {
  return ch !== undefined && KATAKANA_RE.test(ch);
}

function isLatinWord(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_WORD_RE.test(ch);
}

/**
 * Japanese-aware boundary: a variant that starts (ends) with katakana must not continue a katakana
 * word before (after) it, and one that starts (ends) with a Latin letter or digit must not continue
 * a Latin word. Checked on the folded text so full-width neighbours count too.
 */
function atBoundary(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  const before = text[start - 1];
  const after = text[end];
  if (isKatakana(first) && isKatakana(before)) return false;
  if (isKatakana(last) && isKatakana(after)) return false;
  if (isLatinWord(first) && isLatinWord(before)) return false;
  if (isLatinWord(last) && isLatinWord(after)) return false;
  return true;
}

/** A glossary term: literal variants matched on folded text with boundaries, the preferred form as the fix. */
export function compileTerm(
  def: TermDefinition,
  origin: RuleOrigin,
  fallbackSeverity: Severity,
): CompiledRule {
  const preferredLower = foldTerm(def.preferred, false);
  const caseSensitive =
    def.caseSensitive === true || def.variants.some((v) => foldTerm(v, false) === preferredLower);
  const fold = (s: string) => foldTerm(s, caseSensitive);
  const variants = [...new Set(def.variants.map(fold))].filter((v) => v.length > 0);
  // Longest first so that the alternation prefers the longer of two variants at one position.
  variants.sort((a, b) => b.length - a.length);
  const regex = new RegExp(variants.map(escapeRegExp).join("|"), "g");
  const protectedForms = [...new Set([def.preferred, ...(def.allow ?? [])].map(fold))];
  const preferred = def.preferred;
  const id = def.id ?? def.preferred;

  function insideProtected(text: string, start: number, end: number): boolean {
    for (const p of protectedForms) {
      const from = Math.max(0, end - p.length);
      for (let q = from; q <= start; q++) {
        if (text.startsWith(p, q)) return true;
      }
    }
    return false;
  }

  return {
    id,
    kind: "term",
    severity: def.severity ?? fallbackSeverity,
    flagged: def.variants.join(", "),
    preferred,
    note: def.note,
    origin,
    // Matched on the folded copy; case-sensitive variants are still found in its lower-cased form.
    anchors: { space: "folded", strings: variants.map((v) => foldTerm(v, false)) },
    collect(prose, out) {
      if (variants.length === 0) return;
      const folded = prose.folded();
      const text = caseSensitive ? folded.text : folded.lower;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!atBoundary(text, start, end) || insideProtected(text, start, end)) {
          regex.lastIndex = start + 1;
          continue;
        }
        const origStart = toOriginal(folded, start);
        const origEnd = toOriginal(folded, end);
        const actual = prose.text.slice(origStart, origEnd);
        if (actual === preferred) continue;
        out.push({
          ruleId: id,
          start: prose.base + origStart,
          end: prose.base + origEnd,
          actual,
          suggestions: [preferred],
          noop: false,
        });
      }
    },
  };
}

export { escapeRegExp };
