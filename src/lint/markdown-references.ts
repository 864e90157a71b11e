import type { InlineContext, MarkdownConfig } from "@lezer/markdown";
import { normalizeLabel } from "./markdown-footnotes.js";

/**
 * Reference links only where a definition exists, as CommonMark has it. @lezer/markdown parses
 * without knowing the definitions, so it takes every `[text]` for a shortcut reference, and then a
 * link around it (`[[RFC] title](url)`) for text, since links do not nest. With the document's
 * labels known beforehand, a `]` that closes a reference to nothing is plain text and its `[`
 * no longer opens anything: the outer link is found as CommonMark finds it.
 */
let defined: ReadonlySet<string> = new Set();

export function referencesFor(labels: ReadonlySet<string>): void {
  defined = labels;
}

/** lezer's open bracket: an InlineDelimiter (object type) at `[` or `![`; elements have a number. */
interface Part {
  type: unknown;
  from: number;
  to: number;
  side?: number;
}

export const References: MarkdownConfig = {
  parseInline: [
    {
      name: "UndefinedReference",
      before: "LinkEnd",
      parse(cx: InlineContext, next: number, start: number): number {
        if (next !== 93) return -1;
        // Internal to lezer (pinned): the parts of the inline section parsed so far.
        const parts = (cx as unknown as { parts: (Part | null)[] }).parts;
        for (let i = parts.length - 1; i >= 0; i--) {
          const part = parts[i];
          if (part == null || typeof part.type !== "object") continue;
          const bracket = cx.char(part.from);
          if (bracket !== 91 && bracket !== 33) continue;
          if (!part.side) return -1;
          const after = cx.char(start + 1);
          if (after === 40) return -1;
          let label = cx.slice(part.to, start);
          if (after === 91) {
            const close = cx.slice(start + 2, cx.end).indexOf("]");
            if (close > 0) label = cx.slice(start + 2, start + 2 + close);
          }
          if (defined.has(normalizeLabel(label))) return -1;
          parts[i] = null;
          return start + 1;
        }
        return -1;
      },
    },
  ],
};

/** Labels of lines that look like definitions (`[label]: `), found before the parse. */
const DEFINITION_LINE = /^[ \t]{0,3}(?:>[ \t]?)*\[((?:[^\\\]]|\\.){1,999})\]:/gm;

export function likelyDefinitions(text: string): Set<string> {
  const labels = new Set<string>();
  if (!text.includes("]:")) return labels;
  DEFINITION_LINE.lastIndex = 0;
  for (let m = DEFINITION_LINE.exec(text); m !== null; m = DEFINITION_LINE.exec(text)) {
    labels.add(normalizeLabel(m[1] as string));
  }
  return labels;
}
