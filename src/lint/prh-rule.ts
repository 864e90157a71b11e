import { foldedChar } from "./fold.js";
import { regexAnchors } from "./regex-anchors.js";
import type { CompiledRule, RuleAnchors } from "./rule.js";
import type { RuleOrigin, Severity } from "./types.js";

/**
 * One prh rule compiled exactly as prh 5 does (utils/regexp.ts there), so that `specs` and
 * textlint-rule-prh agree with us: `/source/flags` strings are regular expressions, other strings
 * literals; no pattern means the expected text with ASCII letters and digits matching either case
 * and width; `wordBoundary` wraps each pattern in \b; every regex gets the g, m and u flags.
 */
export interface PrhRuleSource {
  expected: string;
  pattern?: string | string[] | undefined;
  regexpMustEmpty?: string | undefined;
  wordBoundary?: boolean | undefined;
  note?: string | undefined;
}

const REGEXP_STRING = /^\/(.*)\/([gimy]*)$/;
const HALF_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const FULL_ALNUM =
  "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９";
const PRH_SPECIAL = /[¥*+.?{}()[\]^$\-|/]/g;
const CAPTURE_REF = /\$([0-9]{1,2})/g;
const MUST_EMPTY_REF = /^\$([0-9]+)$/;

export class PrhRuleError extends Error {}

function spreadAlphaNum(expected: string): string {
  let out = "";
  for (const ch of expected) {
    const upper = HALF_ALNUM.indexOf(ch.toUpperCase());
    const lower = HALF_ALNUM.indexOf(ch.toLowerCase());
    if (upper === -1 && lower === -1) out += ch;
    else if (upper === lower) out += `[${ch}${FULL_ALNUM.charAt(upper)}]`;
    else
      out += `[${ch.toUpperCase()}${ch.toLowerCase()}${FULL_ALNUM.charAt(upper)}${FULL_ALNUM.charAt(lower)}]`;
  }
  return out;
}

interface Piece {
  source: string;
  ignoreCase: boolean;
}

function withDefaults(source: string, ignoreCase: boolean, wordBoundary: boolean): Piece {
  return { source: wordBoundary ? `\\b${source}\\b` : source, ignoreCase };
}

function patternPiece(pattern: string, wordBoundary: boolean): Piece {
  if (pattern === "") throw new PrhRuleError("pattern can't be empty");
  const m = REGEXP_STRING.exec(pattern);
  if (m) return withDefaults(m[1] ?? "", (m[2] ?? "").includes("i"), wordBoundary);
  return withDefaults(pattern.replace(PRH_SPECIAL, "\\$&"), false, wordBoundary);
}

/** The rule's regular expression source and whether it ignores case. */
export function prhRegExp(src: PrhRuleSource): RegExp {
  const wordBoundary = src.wordBoundary === true;
  let piece: Piece;
  if (src.pattern === undefined) {
    piece = withDefaults(spreadAlphaNum(src.expected), false, wordBoundary);
  } else if (typeof src.pattern === "string") {
    piece = patternPiece(src.pattern, wordBoundary);
  } else {
    const pieces = src.pattern.map((p) => patternPiece(p, wordBoundary));
    const first = pieces[0];
    if (first === undefined) throw new PrhRuleError("pattern list can't be empty");
    if (pieces.some((p) => p.ignoreCase !== first.ignoreCase)) {
      throw new PrhRuleError("patterns combine different flags (some with i, some without)");
    }
    piece = { source: `(?:${pieces.map((p) => p.source).join("|")})`, ignoreCase: first.ignoreCase };
  }
  try {
    return new RegExp(piece.source, piece.ignoreCase ? "gmui" : "gmu");
  } catch (err) {
    throw new PrhRuleError(`invalid regular expression: ${(err as Error).message}`);
  }
}

/** `expected` with `$n` replaced by capture n (prh's Diff.newText). */
export function expandExpected(expected: string, match: RegExpExecArray): string {
  if (!expected.includes("$")) return expected;
  return expected.replace(CAPTURE_REF, (whole, digits: string) => {
    const index = Number.parseInt(digits, 10);
    if (index === 0 || match.length - 1 < index) return whole;
    return match[index] ?? "";
  });
}

/**
 * Anchors of a prh rule, from its compiled regex: case-insensitive regexes and the implicit
 * expected-text pattern (letters and digits in either case and width) are looked up in the folded
 * copy of the text, other regexes in the raw text.
 */
function prhAnchors(regex: RegExp, implicit: boolean): RuleAnchors | null {
  const caseless = regex.flags.includes("i");
  const folded = caseless || implicit;
  const strings = regexAnchors(
    regex.source,
    folded ? (cp) => foldedChar(cp, caseless) : (cp) => String.fromCodePoint(cp),
  );
  if (strings === null) return null;
  return { space: folded ? "folded" : "raw", strings, caseless };
}

export function compilePrhRule(src: PrhRuleSource, origin: RuleOrigin, severity: Severity): CompiledRule {
  const regex = prhRegExp(src);
  let mustEmptyGroup = -1;
  if (src.regexpMustEmpty !== undefined) {
    const m = MUST_EMPTY_REF.exec(src.regexpMustEmpty);
    if (!m) throw new PrhRuleError(`regexpMustEmpty must look like $1, got "${src.regexpMustEmpty}"`);
    mustEmptyGroup = Number.parseInt(m[1] ?? "0", 10);
  }
  const expected = src.expected;
  return {
    id: expected,
    kind: "prh",
    severity,
    flagged: regex.toString(),
    preferred: expected,
    note: src.note,
    origin,
    anchors: prhAnchors(regex, src.pattern === undefined),
    collect(prose, out) {
      const text = prose.text;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        const actual = m[0];
        // An empty match would loop forever (prh itself hangs); step over it.
        if (actual.length === 0) {
          regex.lastIndex++;
          continue;
        }
        if (mustEmptyGroup >= 0 && m[mustEmptyGroup]) continue;
        if (expected === actual) continue;
        const replacement = expandExpected(expected, m);
        out.push({
          ruleId: expected,
          start: prose.base + m.index,
          end: prose.base + m.index + actual.length,
          actual,
          suggestions: [replacement],
          noop: replacement === actual,
        });
      }
    },
  };
}
