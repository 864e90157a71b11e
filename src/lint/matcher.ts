import { type AnchorScan, anchorIndex } from "./anchor-index.js";
import { type FoldedText, foldText } from "./fold.js";
import type { CompiledRule, ProseText } from "./rule.js";
import type { RuleMatch, Span } from "./types.js";

/**
 * Runs rules over the prose ranges of one document; `ruleIndex` indexes `rules`. On each range
 * only the rules with an anchor inside it run (`scan`, computed here when not given). Overlaps
 * are resolved leftmost first, then longest; the prh way when every rule is a prh rule.
 */
export function matchDocument(
  text: string,
  ranges: readonly Span[],
  rules: readonly CompiledRule[],
  scan: AnchorScan = anchorIndex(rules).scan(text),
): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const range of ranges) {
    const picked = scan.rulesIn(range.start, range.end);
    if (picked.length === 0) continue;
    const prose = proseOf(text, range);
    for (const r of picked) {
      const before = out.length;
      rules[r]?.collect(prose, out);
      for (let k = before; k < out.length; k++) {
        const m = out[k];
        if (m) m.ruleIndex = r;
      }
    }
  }
  return anchorIndex(rules).allPrh ? resolveOverlapsLikePrh(out) : resolveOverlaps(out);
}

function proseOf(text: string, range: Span): ProseText {
  const slice = text.slice(range.start, range.end);
  let folded: FoldedText | undefined;
  return {
    text: slice,
    base: range.start,
    folded: () => {
      folded ??= foldText(slice);
      return folded;
    },
  };
}

/** Keeps the leftmost match, and of those starting together the longest; drops what overlaps a kept one. */
export function resolveOverlaps(matches: RuleMatch[]): RuleMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RuleMatch[] = [];
  let keptEnd = -1;
  for (const m of matches) {
    if (m.start < keptEnd) continue;
    kept.push(m);
    keptEnd = m.end;
  }
  return kept;
}

/**
 * prh's own resolution (ChangeSet._prepare), used when every rule is a prh rule so that findings
 * agree with textlint-rule-prh: of matches starting together the longest survives; then a match is
 * dropped when it starts inside the previous one in that list, whether or not that one was kept
 * (so A [0,5), B [3,8), C [6,9) keeps only A).
 */
export function resolveOverlapsLikePrh(matches: RuleMatch[]): RuleMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || a.end - b.end);
  const longest = matches.filter((m, i) => {
    const next = matches[i + 1];
    return !(next && next.start === m.start && m.end < next.end);
  });
  return longest.filter((m, i) => {
    const prev = longest[i - 1];
    return !(prev && m.start < prev.end);
  });
}
