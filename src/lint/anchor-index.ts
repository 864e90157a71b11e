import { foldedLowerSameLength } from "./fold.js";
import type { CompiledRule } from "./rule.js";

/**
 * The prefilter: every rule's anchors (strings one of which occurs in any match, see
 * CompiledRule.anchors) in one table, looked up in a single pass over a document. The result says
 * which rules can match at all (a document with none is not even parsed), which Markdown blocks
 * need their inline content parsed, and which rules to run on each prose range. It only ever
 * skips work whose result would be empty, so findings are the same as running every rule
 * everywhere (test/lint/prefilter.test.ts compares the two).
 */

interface Entry {
  text: string;
  rules: number[];
}

/**
 * Anchors of one search space, by their first UTF-16 code unit (then, for longer ones, by the
 * second). Two bitmaps reject most positions before any map is consulted.
 */
class AnchorTable {
  /** Rules of one-unit anchors, by code unit. */
  private readonly singles = new Map<number, number[]>();
  /** Longer anchors, by first code unit, then by second. */
  private readonly pairs = new Map<number, Map<number, Entry[]>>();
  /** 1 for every code unit a one-unit anchor is. */
  readonly single = new Uint8Array(0x10000);
  /** 1 for every hash (pairHash) of the first two units of a longer anchor. */
  readonly pair = new Uint8Array(0x10000);
  size = 0;

  add(anchor: string, rule: number): void {
    if (anchor.length === 0) return;
    const c0 = anchor.charCodeAt(0);
    this.size++;
    if (anchor.length === 1) {
      this.single[c0] = 1;
      const list = this.singles.get(c0) ?? [];
      if (!list.includes(rule)) list.push(rule);
      this.singles.set(c0, list);
      return;
    }
    let byNext = this.pairs.get(c0);
    if (byNext === undefined) this.pairs.set(c0, (byNext = new Map()));
    const c1 = anchor.charCodeAt(1);
    this.pair[pairHash(c0, c1)] = 1;
    let entries = byNext.get(c1);
    if (entries === undefined) byNext.set(c1, (entries = []));
    const entry = entries.find((e) => e.text === anchor);
    if (entry === undefined) entries.push({ text: anchor, rules: [rule] });
    else if (!entry.rules.includes(rule)) entry.rules.push(rule);
  }

  /** Records every anchor occurrence in `text`. */
  scan(text: string, scan: AnchorScan): void {
    const { single, pair } = this;
    const n = text.length;
    let c0 = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (single[c0] === 1 || pair[pairHash(c0, c1)] === 1) this.probe(text, i, c0, c1, scan);
      c0 = c1;
    }
  }

  private probe(text: string, at: number, c0: number, c1: number, scan: AnchorScan): void {
    const singles = this.single[c0] === 1 ? this.singles.get(c0) : undefined;
    if (singles !== undefined) for (const r of singles) scan.add(at, at + 1, r);
    const entries = this.pairs.get(c0)?.get(c1);
    if (entries === undefined) return;
    for (const e of entries) {
      if (e.text.length > 2 && !text.startsWith(e.text, at)) continue;
      for (const r of e.rules) scan.add(at, at + e.text.length, r);
    }
  }
}

/** A 16-bit hash of two code units, without collisions among ASCII pairs. */
function pairHash(c0: number, c1: number): number {
  return (c0 * 257 + c1) & 0xffff;
}

/** Characters whose presence makes anchors unreliable for some rules (see below). */
const SOUND_MARKS = /[\uFF9E\uFF9F]/;
const CASE_FOLDS_TO_ASCII = /[\u017F\u212A]/;

export class AnchorIndex {
  private readonly raw = new AnchorTable();
  private readonly folded = new AnchorTable();
  /** Rules without anchors: run on every range. */
  private readonly unanchored: number[] = [];
  private readonly foldedRules: number[] = [];
  private readonly caselessRules: number[] = [];
  readonly ruleCount: number;
  /** Every rule is a prh rule: overlaps are resolved the prh way. */
  readonly allPrh: boolean;

  constructor(rules: readonly CompiledRule[]) {
    this.ruleCount = rules.length;
    this.allPrh = rules.every((r) => r.kind === "prh");
    rules.forEach((rule, i) => {
      const anchors = rule.anchors;
      if (anchors === null) {
        this.unanchored.push(i);
        return;
      }
      const table = anchors.space === "folded" ? this.folded : this.raw;
      if (anchors.space === "folded") this.foldedRules.push(i);
      if (anchors.caseless) this.caselessRules.push(i);
      for (const a of anchors.strings) table.add(a, i);
    });
  }

  scan(text: string): AnchorScan {
    const everywhere = new Set(this.unanchored);
    let lower: string | null = null;
    if (this.folded.size > 0) {
      if (SOUND_MARKS.test(text)) {
        // ｶﾞ folds to one character (ガ) in a prose range but not in the same-length copy
        // searched here, and a range may end between the two: run those rules everywhere.
        for (const r of this.foldedRules) everywhere.add(r);
      } else {
        lower = foldedLowerSameLength(text);
      }
    }
    if (this.caselessRules.length > 0 && CASE_FOLDS_TO_ASCII.test(text)) {
      for (const r of this.caselessRules) everywhere.add(r);
    }
    const scan = new AnchorScan(
      this.ruleCount,
      [...everywhere].sort((a, b) => a - b),
    );
    if (this.raw.size > 0) this.raw.scan(text, scan);
    if (lower !== null) {
      const before = scan.size;
      this.folded.scan(lower, scan);
      if (before > 0 && scan.size > before) scan.sortByStart();
    }
    return scan;
  }
}

/** Where anchors occur in one document, and what that allows to skip. */
export class AnchorScan {
  /** Occurrences in order of their start: start and end offsets and the rule. */
  private starts: number[] = [];
  private ends: number[] = [];
  private rules: number[] = [];
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(
    ruleCount: number,
    /** Rules run on every range of this document (ascending). */
    private readonly everywhere: readonly number[],
  ) {
    this.seen = new Int32Array(ruleCount);
  }

  add(start: number, end: number, rule: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.rules.push(rule);
  }

  get size(): number {
    return this.starts.length;
  }

  /** Puts occurrences (added per search space) in order of their start. */
  sortByStart(): void {
    const order = this.starts
      .map((_, i) => i)
      .sort((a, b) => (this.starts[a] as number) - (this.starts[b] as number) || a - b);
    this.starts = order.map((i) => this.starts[i] as number);
    this.ends = order.map((i) => this.ends[i] as number);
    this.rules = order.map((i) => this.rules[i] as number);
  }

  /** Whether any rule may match somewhere in the document. */
  get anyCandidate(): boolean {
    return this.everywhere.length > 0 || this.starts.length > 0;
  }

  /** Rules (ascending) that may match inside [start, end). */
  rulesIn(start: number, end: number): number[] {
    const picked: number[] = [];
    const stamp = ++this.stamp;
    for (let j = this.firstAtOrAfter(start); j < this.starts.length; j++) {
      if ((this.starts[j] as number) >= end) break;
      if ((this.ends[j] as number) > end) continue;
      const r = this.rules[j] as number;
      if (this.seen[r] === stamp) continue;
      this.seen[r] = stamp;
      picked.push(r);
    }
    for (const r of this.everywhere) {
      if (this.seen[r] === stamp) continue;
      this.seen[r] = stamp;
      picked.push(r);
    }
    if (picked.length > 1) picked.sort((a, b) => a - b);
    return picked;
  }

  /** Index of the first occurrence starting at or after `offset` (binary search). */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const indexes = new WeakMap<readonly CompiledRule[], AnchorIndex>();

/** The index of a rule list, built once per list. */
export function anchorIndex(rules: readonly CompiledRule[]): AnchorIndex {
  let index = indexes.get(rules);
  if (index === undefined) {
    index = new AnchorIndex(rules);
    indexes.set(rules, index);
  }
  return index;
}
