import type { Span } from "./types.js";

/** A replacement: a span and the one text that replaces it. */
export interface Edit extends Span {
  suggestions: readonly string[];
}

/**
 * Applies edits that have exactly one suggestion; the edits are sorted and do not overlap
 * (the matcher guarantees it). Built front to back in one pass.
 */
export function applyMatches(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    const replacement = e.suggestions.length === 1 ? e.suggestions[0] : undefined;
    if (replacement === undefined || e.start < pos) continue;
    parts.push(text.slice(pos, e.start), replacement);
    pos = e.end;
  }
  if (pos === 0) return text;
  parts.push(text.slice(pos));
  return parts.join("");
}

/** A unified diff (3 lines of context) of two versions of a file; empty when they are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const lines: string[] = [`--- a/${path}`, `+++ b/${path}`];
  // Group operations into hunks separated by more than 2 × context unchanged lines.
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]?.kind === " ") i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== " ") end++;
      let gap = end;
      while (gap < ops.length && ops[gap]?.kind === " ") gap++;
      if (gap < ops.length && gap - end <= 2 * context) {
        end = gap;
        continue;
      }
      end = Math.min(ops.length, end + context);
      break;
    }
    if (start < 0) start = 0;
    const hunk = ops.slice(start, end);
    const first = hunk[0];
    const aStart = (first?.aLine ?? 0) + 1;
    const bStart = (first?.bLine ?? 0) + 1;
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    lines.push(
      `@@ -${aCount === 0 ? aStart - 1 : aStart},${aCount} +${bCount === 0 ? bStart - 1 : bStart},${bCount} @@`,
    );
    for (const o of hunk) lines.push(`${o.kind}${o.text}`);
    i = end;
  }
  return `${lines.join("\n")}\n`;
}

interface LineOp {
  kind: " " | "-" | "+";
  text: string;
  /** 0-based line index in the old (aLine) and new (bLine) file at this operation. */
  aLine: number;
  bLine: number;
}

/** Line diff: common prefix and suffix, then an LCS table over the (small) changed middle. */
function diffLines(a: string[], b: string[]): LineOp[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const ops: LineOp[] = [];
  for (let k = 0; k < pre; k++) ops.push({ kind: " ", text: a[k] ?? "", aLine: k, bLine: k });
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  if (am.length * bm.length > 4_000_000) {
    // Too large for a table: show the middle as removed then added.
    for (const [k, t] of am.entries()) ops.push({ kind: "-", text: t, aLine: pre + k, bLine: pre });
    for (const [k, t] of bm.entries())
      ops.push({ kind: "+", text: t, aLine: pre + am.length, bLine: pre + k });
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let x = n - 1; x >= 0; x--) {
      for (let y = m - 1; y >= 0; y--) {
        lcs[x * (m + 1) + y] =
          am[x] === bm[y]
            ? (lcs[(x + 1) * (m + 1) + y + 1] ?? 0) + 1
            : Math.max(lcs[(x + 1) * (m + 1) + y] ?? 0, lcs[x * (m + 1) + y + 1] ?? 0);
      }
    }
    let x = 0;
    let y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && am[x] === bm[y]) {
        ops.push({ kind: " ", text: am[x] ?? "", aLine: pre + x, bLine: pre + y });
        x++;
        y++;
      } else if (x < n && (y >= m || (lcs[(x + 1) * (m + 1) + y] ?? 0) >= (lcs[x * (m + 1) + y + 1] ?? 0))) {
        ops.push({ kind: "-", text: am[x] ?? "", aLine: pre + x, bLine: pre + y });
        x++;
      } else {
        ops.push({ kind: "+", text: bm[y] ?? "", aLine: pre + x, bLine: pre + y });
        y++;
      }
    }
  }
  for (let k = 0; k < suf; k++) {
    ops.push({
      kind: " ",
      text: a[a.length - suf + k] ?? "",
      aLine: a.length - suf + k,
      bLine: b.length - suf + k,
    });
  }
  return ops;
}

/** Lines without the empty element a final newline would add. */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
