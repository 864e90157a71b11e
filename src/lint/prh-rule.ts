import { foldTerm } from "./fold.js";
import type { CompiledRule } from "./rule.js";
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
const NON_ASCII_CASED = /[^\u0000-\u007F\uFF01-\uFF5E\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

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
 * Literal anchors of a prh regex: for plain literals the literal itself; for `/…/` patterns the
 * longest literal run of a regex without top-level alternation or lookbehind tricks; null otherwise.
 */
function literalAnchor(source: string): string | null {
  let best = "";
  let run = "";
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? "";
    const next = source[i + 1];
    if (ch === "\\") {
      // An escaped punctuation character is a literal; a class escape (\d, \s, \b…) ends the run.
      if (next !== undefined && /[^A-Za-z0-9]/.test(next)) {
        if (depth === 0) run += next;
        i++;
        continue;
      }
      if (depth === 0 && run.length > best.length) best = run;
      run = "";
      i = skipEscape(source, i);
      continue;
    }
    if (ch === "[") {
      if (depth === 0 && run.length > best.length) best = run;
      run = "";
      const close = findClassEnd(source, i);
      if (close < 0) return null;
      i = close;
      continue;
    }
    if (ch === "(") {
      if (depth === 0 && run.length > best.length) best = run;
      run = "";
      depth++;
      continue;
    }
    if (ch === ")") {
      depth--;
      continue;
    }
    if (ch === "|") {
      if (depth === 0) return null;
      continue;
    }
    if (ch === "*" || ch === "?" || ch === "{") {
      // The previous character is optional or repeated: it cannot anchor.
      if (depth === 0) run = dropLastChar(run);
      if (depth === 0 && run.length > best.length) best = run;
      run = "";
      if (ch === "{") {
        const close = source.indexOf("}", i);
        if (close < 0) return null;
        i = close;
      }
      continue;
    }
    if (ch === "+" || ch === "." || ch === "^" || ch === "$") {
      if (depth === 0 && run.length > best.length) best = run;
      run = "";
      continue;
    }
    if (depth === 0) run += ch;
  }
  if (run.length > best.length) best = run;
  return best.length > 0 ? best : null;
}

/** Index of the last character of the escape starting at `at` (a backslash followed by a letter or digit). */
function skipEscape(source: string, at: number): number {
  const kind = source[at + 1] ?? "";
  const braced = (open: string, close: string) => {
    if (source[at + 2] !== open) return at + 1;
    const end = source.indexOf(close, at + 3);
    return end < 0 ? source.length : end;
  };
  if (kind === "u") return source[at + 2] === "{" ? braced("{", "}") : at + 5;
  if (kind === "x") return at + 3;
  if (kind === "c") return at + 2;
  if (kind === "p" || kind === "P") return braced("{", "}");
  if (kind === "k") return braced("<", ">");
  if (/[0-9]/.test(kind)) {
    let i = at + 1;
    while (/[0-9]/.test(source[i + 1] ?? "")) i++;
    return i;
  }
  return at + 1;
}

/** Drops the last character (a whole surrogate pair under the u flag). */
function dropLastChar(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xdc00 && last <= 0xdfff && s.length >= 2 ? s.slice(0, -2) : s.slice(0, -1);
}

function findClassEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return -1;
}

function anchorsOf(src: PrhRuleSource): { anchors: string[] | null; folded: boolean } {
  if (src.pattern === undefined) {
    // Case- and width-insensitive literal: compare on folded text.
    return { anchors: [src.expected], folded: true };
  }
  const list = typeof src.pattern === "string" ? [src.pattern] : src.pattern;
  const anchors: string[] = [];
  let folded = false;
  for (const p of list) {
    const m = REGEXP_STRING.exec(p);
    if (!m) {
      anchors.push(p);
      continue;
    }
    const anchor = literalAnchor(m[1] ?? "");
    if (anchor === null) return { anchors: null, folded: false };
    if ((m[2] ?? "").includes("i")) {
      // Unicode case folding of the regex goes beyond our ASCII folding: no anchor then.
      if (NON_ASCII_CASED.test(anchor)) return { anchors: null, folded: false };
      folded = true;
    }
    anchors.push(anchor);
  }
  return { anchors, folded };
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
  const { anchors, folded } = anchorsOf(src);
  return {
    id: expected,
    kind: "prh",
    severity,
    flagged: regex.toString(),
    preferred: expected,
    note: src.note,
    origin,
    anchors: anchors === null ? null : anchors.map((a) => (folded ? foldTerm(a, false) : a)),
    anchorsFolded: folded,
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
