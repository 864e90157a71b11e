import type { BlockContext, InlineContext, Line, MarkdownConfig } from "@lezer/markdown";

/**
 * GFM footnotes for @lezer/markdown, which has none: `[^label]: text` definitions (a container
 * like a list item: its lines continue when indented by four columns, or lazily) and `[^label]`
 * calls, which, as in micromark, are calls only when a definition with that label exists.
 */
const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]?/;
const DEFINITIONS = /^[ \t]{0,3}\[\^([^\]\s]+)\]:/gm;

/** Normalised labels of the definitions in the document being parsed (set by `footnotes`). */
let defined: ReadonlySet<string> = new Set();

/** CommonMark's label normalisation (micromark-util-normalize-identifier). */
export function normalizeLabel(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, " ")
    .replace(/^ | $/g, "")
    .toLowerCase()
    .toUpperCase();
}

/**
 * Prepares the extension for one document: the calls a parse recognises depend on the
 * definitions anywhere in it, and lezer parses inline content before it has seen the rest.
 */
export function footnotesFor(text: string): void {
  const labels = new Set<string>();
  if (text.includes("[^")) {
    DEFINITIONS.lastIndex = 0;
    for (let m = DEFINITIONS.exec(text); m !== null; m = DEFINITIONS.exec(text)) {
      labels.add(normalizeLabel(m[1] as string));
    }
  }
  defined = labels;
}

export const Footnotes: MarkdownConfig = {
  defineNodes: [
    {
      name: "FootnoteDefinition",
      block: true,
      composite(_cx: BlockContext, line: Line): boolean {
        if (line.next >= 0 && line.indent < line.baseIndent + 4) return false;
        line.moveBaseColumn(line.baseIndent + 4);
        return true;
      },
    },
    { name: "FootnoteDefinitionLabel" },
    { name: "FootnoteReference" },
  ],
  parseBlock: [
    {
      name: "FootnoteDefinition",
      before: "LinkReference",
      parse(cx: BlockContext, line: Line): boolean | null {
        if (line.next !== 91 || line.indent - line.baseIndent > 3) return false;
        const m = DEFINITION.exec(line.text.slice(line.pos));
        if (m === null) return false;
        const labelEnd = line.pos + (m[1] as string).length + 4;
        cx.startComposite("FootnoteDefinition", line.pos, 4);
        cx.addElement(cx.elt("FootnoteDefinitionLabel", cx.lineStart + line.pos, cx.lineStart + labelEnd));
        line.moveBase(line.pos + m[0].length);
        return null;
      },
      // Like a list item, a definition interrupts a paragraph (micromark's containers do).
      endLeaf(_cx: BlockContext, line: Line): boolean {
        return (
          line.next === 91 && line.indent - line.baseIndent <= 3 && DEFINITION.test(line.text.slice(line.pos))
        );
      },
    },
  ],
  parseInline: [
    {
      name: "FootnoteReference",
      before: "Link",
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== 91 || cx.char(pos + 1) !== 94 || defined.size === 0) return -1;
        let end = pos + 2;
        while (end < cx.end) {
          const ch = cx.char(end);
          if (ch === 93 || ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 91) break;
          end++;
        }
        if (end === pos + 2 || cx.char(end) !== 93) return -1;
        if (!defined.has(normalizeLabel(cx.slice(pos + 2, end)))) return -1;
        return cx.addElement(cx.elt("FootnoteReference", pos, end + 1));
      },
    },
  ],
};
