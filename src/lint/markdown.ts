import { decodeNamedCharacterReference } from "decode-named-character-reference";
import type { Paragraph, Root, Text } from "mdast";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { parse, postprocess, preprocess } from "micromark";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { decodeNumericCharacterReference } from "micromark-util-decode-numeric-character-reference";
import type { Event, Token, TokenizeContext } from "micromark-util-types";
import { type DirectiveComment, isDirective } from "./directives.js";
import type { MarkdownOptions, ScannedDocument } from "./scanner.js";
import type { Span } from "./types.js";

/**
 * The prose of a Markdown document from a real parse (micromark: CommonMark, GFM, front matter).
 * Instead of building an mdast tree (mdast-util-from-markdown) and visiting its text nodes, this
 * walks micromark's events and reproduces exactly the text nodes that tree would have (their
 * merging, link labels, task-list checkboxes, GFM literal autolinks), which costs far less time
 * and garbage; test/lint/markdown.test.ts compares the two on real documents.
 *
 * `needsInline` may say that a block's inline content cannot matter (no rule can match in it):
 * micromark then leaves it unparsed and it yields no ranges. Blocks holding a directive comment
 * are always parsed.
 */
export type InlineFilter = (start: number, end: number) => boolean;

export function scanMarkdown(
  text: string,
  opts: MarkdownOptions,
  needsInline?: InlineFilter,
): ScannedDocument {
  // Fresh extension objects per parse: reusing them makes every later parse slower (measured:
  // 88 files in 2.5 s fresh, 4.6–5.6 s shared).
  const parser = parse({ extensions: [gfm(), frontmatter(["yaml", "toml"])] });
  const events = parser.document().write(preprocess()(text, undefined, true));
  leaveUnparsed(events, needsInline && withDirectives(text, needsInline));
  return new EventWalker(text, opts).walk(postprocess(events));
}

/**
 * postprocess tokenizes the content of chunks: inline content (chained `chunkText` tokens) and
 * strings. A chunk that loses its content type stays one opaque token: inline content whose span
 * is not needed, and block-level strings (code fence info, link definitions), which are never prose.
 */
function leaveUnparsed(events: Event[], needed: InlineFilter | undefined): void {
  const flows = new Set<TokenizeContext>();
  for (let i = 0; i < events.length; i++) {
    const flow = (events[i] as Event)[1]._tokenizer;
    if (flow) flows.add(flow);
  }
  for (const flow of flows) {
    const flowEvents = flow.events;
    for (let i = 0; i < flowEvents.length; i++) {
      const [kind, token] = flowEvents[i] as Event;
      if (kind !== "enter" || token.contentType === undefined) continue;
      if (token.contentType === "string") token.contentType = undefined;
      if (token.contentType !== "text" || token.previous || needed === undefined) continue;
      let last = token;
      while (last.next) last = last.next;
      if (needed(token.start.offset, last.end.offset)) continue;
      for (let t: Token | undefined = token; t; t = t.next) t.contentType = undefined;
    }
  }
}

const DIRECTIVE_MARK = "supportops-";

function withDirectives(text: string, needed: InlineFilter): InlineFilter {
  const marks: number[] = [];
  for (let i = text.indexOf(DIRECTIVE_MARK); i >= 0; i = text.indexOf(DIRECTIVE_MARK, i + 1)) marks.push(i);
  if (marks.length === 0) return needed;
  return (start, end) => needed(start, end) || marks.some((m) => m >= start && m < end);
}

/** A text node of the mdast tree: its source span and, once it differs from the source, its value. */
interface TextNode {
  start: number;
  end: number;
  /** null while the value is exactly text.slice(start, end). */
  value: string | null;
  /** The link whose label holds it (its fate is known when the link closes). */
  link: LinkState | null;
  /** Removed from the tree (an empty task-list head). */
  dropped: boolean;
}

interface LinkState {
  /** Its text is checked: a reference link with referenceLinks, an inline link with links. */
  keep: boolean;
  /** No resource followed the label (mdast: linkReference). */
  reference: boolean;
  url: string;
  /** The label's only child when that is a text node. */
  only: TextNode | null;
}

type FrameKind = "root" | "node" | "paragraph" | "list" | "listItem" | "link" | "label" | "value";

/** One open mdast node (or fragment, mdast-util-from-markdown's buffer). */
interface Frame {
  kind: FrameKind;
  token: Token | null;
  /** Line endings inside become text (mdast-util-from-markdown's canContainEols). */
  eols: boolean;
  children: number;
  /** The last child when it is a text node: following data merges into it. */
  tail: TextNode | null;
  /** Paragraph: its first child, when that is a text node. */
  head: TextNode | null;
  /** listItem: a task-list checkbox was read; its first paragraph. */
  checked: boolean;
  firstParagraph: Frame | null;
}

interface DirectiveNode extends DirectiveComment {
  link: LinkState | null;
}

/** Quick test on the source of a text node before running GFM's literal-autolink search. */
const MAY_AUTOLINK = /[@&]|www|http/i;
const AUTOLINK_TRANSFORMS = gfmFromMarkdown().flatMap((e) => e.transforms ?? []);

/**
 * mdast-util-gfm-autolink-literal's transform replaces a text node that contains an e-mail
 * address or URL micromark did not take as one; the pieces have no position, so the node's text
 * is not checked. Run the same transform on the node alone to see whether that happens.
 */
function splitByAutolinkLiteral(value: string): boolean {
  const node: Text = { type: "text", value };
  const paragraph: Paragraph = { type: "paragraph", children: [node] };
  const tree: Root = { type: "root", children: [paragraph] };
  for (const transform of AUTOLINK_TRANSFORMS) transform(tree);
  return paragraph.children.length !== 1 || paragraph.children[0] !== node;
}

class EventWalker {
  private readonly stack: Frame[] = [];
  private readonly texts: TextNode[] = [];
  private readonly directives: DirectiveNode[] = [];
  /** The text node between a data enter and its exit. */
  private open: TextNode | null = null;
  private link: LinkState | null = null;
  private characterReferenceType: string | null = null;
  private atHardBreak = false;
  private slurpLineEnding = false;

  constructor(
    private readonly text: string,
    private readonly opts: MarkdownOptions,
  ) {
    this.push("root", null, false);
  }

  walk(events: Event[]): ScannedDocument {
    for (let i = 0; i < events.length; i++) {
      const [kind, token] = events[i] as Event;
      if (kind === "enter") i = this.enter(events, i, token);
      else this.exit(token);
    }
    return this.result();
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private push(kind: FrameKind, token: Token | null, eols: boolean): Frame {
    const frame: Frame = {
      kind,
      token,
      eols,
      children: 0,
      tail: null,
      head: null,
      checked: false,
      firstParagraph: null,
    };
    this.stack.push(frame);
    return frame;
  }

  /** A non-text child of the current node. */
  private addChild(): void {
    this.top.children++;
    this.top.tail = null;
  }

  /** Opens a node as a child of the current one. */
  private openNode(token: Token, eols: boolean, kind: FrameKind = "node"): Frame {
    this.addChild();
    return this.push(kind, token, eols);
  }

  /** A node whose content is never checked: counted as a child, its events passed over. */
  private skipNode(events: Event[], i: number, token: Token): number {
    this.addChild();
    return skipTo(events, i, token);
  }

  /** A node checked only with its option on (otherwise passed over like code). */
  private openIf(checked: boolean, events: Event[], i: number, token: Token, eols: boolean): number {
    if (!checked) return this.skipNode(events, i, token);
    this.openNode(token, eols);
    return i;
  }

  private enter(events: Event[], i: number, token: Token): number {
    const opts = this.opts;
    switch (token.type as string) {
      case "data":
      case "characterEscape":
      case "characterReference":
      case "htmlFlowData":
      case "htmlTextData":
        this.enterData(token);
        return i;
      case "paragraph": {
        const parent = this.top;
        const frame = this.openNode(token, true, "paragraph");
        if (parent.kind === "listItem" && parent.firstParagraph === null) parent.firstParagraph = frame;
        return i;
      }
      case "atxHeading":
      case "setextHeading":
        return this.openIf(opts.headings, events, i, token, true);
      case "blockQuote":
        return this.openIf(opts.blockquotes, events, i, token, false);
      case "emphasis":
        return this.openIf(opts.emphasis, events, i, token, true);
      case "table":
        return this.openIf(opts.tables, events, i, token, false);
      case "strong":
      case "strikethrough":
        this.openNode(token, true);
        return i;
      case "tableRow":
      case "tableHeader":
      case "tableData":
      case "gfmFootnoteDefinition":
        this.openNode(token, false);
        return i;
      case "listOrdered":
      case "listUnordered":
        this.openNode(token, false, "list");
        return i;
      case "listItemPrefix":
        // mdast-util-from-markdown starts a list item at each prefix of the list; it ends at the
        // next prefix or with the list, not with the prefix (so the frame has no token).
        if (this.top.kind === "listItem") this.stack.pop();
        this.addChild();
        this.push("listItem", null, false);
        return i;
      case "link":
        if (!opts.links && !opts.referenceLinks) return this.skipNode(events, i, token);
        this.openNode(token, false, "link");
        this.link = { keep: false, reference: false, url: "", only: null };
        return i;
      case "label":
        if (this.top.kind !== "link") return skipTo(events, i, token);
        this.push("label", token, true);
        return i;
      case "resourceDestinationString":
        if (this.top.kind !== "link") return skipTo(events, i, token);
        this.push("value", token, true);
        return i;
      case "htmlFlow":
      case "htmlText":
        // Only a directive comment matters; read the value of those.
        if (!this.text.slice(token.start.offset, token.end.offset).includes(DIRECTIVE_MARK)) {
          return this.skipNode(events, i, token);
        }
        this.openNode(token, true, "value");
        return i;
      case "hardBreakEscape":
      case "hardBreakTrailing":
        this.addChild();
        return i;
      case "codeFenced":
      case "codeIndented":
      case "codeText":
      case "definition":
      case "image":
      case "autolink":
      case "literalAutolink":
      case "gfmFootnoteCall":
      case "thematicBreak":
      case "yaml":
      case "toml":
        // Never prose; an autolink's text is its address (mdast: a link whose text is its url).
        return this.skipNode(events, i, token);
      case "referenceString":
      case "resourceTitleString":
      case "gfmFootnoteDefinitionLabelString":
        // Buffers whose value we do not need (not children of anything).
        return skipTo(events, i, token);
      default:
        return i;
    }
  }

  private exit(token: Token): void {
    switch (token.type as string) {
      case "data":
      case "characterEscapeValue":
      case "htmlFlowData":
      case "htmlTextData":
        this.exitData(token);
        return;
      case "characterReferenceMarkerNumeric":
      case "characterReferenceMarkerHexadecimal":
        this.characterReferenceType = token.type;
        return;
      case "characterReferenceValue":
        this.decodeReference(token);
        return;
      case "characterReference":
        if (this.open) this.open.end = token.end.offset;
        this.open = null;
        return;
      case "lineEnding":
        this.lineEnding(token);
        return;
      case "hardBreakEscape":
      case "hardBreakTrailing":
        this.atHardBreak = true;
        return;
      case "setextHeadingText":
        this.slurpLineEnding = true;
        return;
      case "setextHeading":
        this.slurpLineEnding = false;
        this.close(token);
        return;
      case "taskListCheckValueChecked":
      case "taskListCheckValueUnchecked": {
        const item = this.stack[this.stack.length - 2];
        if (item?.kind === "listItem") item.checked = true;
        return;
      }
      case "listOrdered":
      case "listUnordered":
        if (this.top.kind === "listItem") this.stack.pop();
        this.close(token);
        return;
      case "paragraph":
        this.exitParagraph();
        this.close(token);
        return;
      case "label":
        this.exitLabel(token);
        return;
      case "resourceDestinationString":
        if (this.top.token !== token) return;
        if (this.link) this.link.url = this.value(this.top);
        this.stack.pop();
        return;
      case "resource":
        if (this.link) this.link.reference = false;
        return;
      case "link":
        this.exitLink(token);
        return;
      case "htmlFlow":
      case "htmlText":
        this.exitHtml(token);
        return;
      default:
        this.close(token);
    }
  }

  private close(token: Token): void {
    if (this.top.token === token) this.stack.pop();
  }

  private enterData(token: Token): void {
    const top = this.top;
    let node = top.tail;
    if (node === null) {
      const start = token.start.offset;
      node = { start, end: start, value: null, link: this.link, dropped: false };
      if (top.children === 0) top.head = node;
      top.children++;
      top.tail = node;
      if (top.kind !== "value") this.texts.push(node);
    }
    this.open = node;
  }

  private exitData(token: Token): void {
    const node = this.open;
    if (node === null) return;
    this.open = null;
    const start = token.start.offset;
    const end = token.end.offset;
    if (node.value === null && start === node.end) {
      node.end = end;
      return;
    }
    node.value = this.valueOf(node) + this.text.slice(start, end);
    node.end = end;
  }

  private decodeReference(token: Token): void {
    const node = this.open;
    if (node === null) return;
    const raw = this.text.slice(token.start.offset, token.end.offset);
    const type = this.characterReferenceType;
    this.characterReferenceType = null;
    const decoded = type
      ? decodeNumericCharacterReference(raw, type === "characterReferenceMarkerNumeric" ? 10 : 16)
      : String(decodeNamedCharacterReference(raw));
    node.value = this.valueOf(node) + decoded;
  }

  private lineEnding(token: Token): void {
    if (this.atHardBreak) {
      this.atHardBreak = false;
      return;
    }
    if (!this.slurpLineEnding && this.top.eols) {
      this.enterData(token);
      this.exitData(token);
    }
  }

  /** GFM task lists: the checkbox's following space is cut from the first paragraph's text. */
  private exitParagraph(): void {
    const paragraph = this.top;
    const item = this.stack[this.stack.length - 2];
    const head = paragraph.head;
    if (item?.kind !== "listItem" || !item.checked || item.firstParagraph !== paragraph || head === null)
      return;
    const rest = this.valueOf(head).slice(1);
    if (rest.length === 0) head.dropped = true;
    else {
      if (head.value !== null) head.value = rest;
      head.start++;
    }
  }

  private exitLabel(token: Token): void {
    if (this.top.token !== token) return;
    const label = this.stack.pop() as Frame;
    if (this.link) {
      this.link.reference = true;
      this.link.only = label.children === 1 ? label.tail : null;
    }
  }

  private exitLink(token: Token): void {
    const link = this.link;
    if (link && this.top.token === token) {
      link.keep = link.reference ? this.opts.referenceLinks : this.opts.links && !this.isAutolink(link);
      this.link = null;
    }
    this.close(token);
  }

  /** A link whose text is its address: its only child is text equal to the url (less mailto:/http://). */
  private isAutolink(link: LinkState): boolean {
    if (link.only === null) return false;
    const value = this.valueOf(link.only);
    return value === link.url || `mailto:${value}` === link.url || `http://${value}` === link.url;
  }

  private exitHtml(token: Token): void {
    if (this.top.token !== token) return;
    const value = this.value(this.stack.pop() as Frame);
    if (isDirective(value)) {
      this.directives.push({
        start: token.start.offset,
        end: token.end.offset,
        raw: value.trim(),
        link: this.link,
      });
    }
  }

  /** The value of a fragment (a destination, an HTML node): its text. */
  private value(frame: Frame): string {
    return frame.tail ? this.valueOf(frame.tail) : "";
  }

  private valueOf(node: TextNode): string {
    return node.value ?? this.text.slice(node.start, node.end);
  }

  private result(): ScannedDocument {
    const ranges: Span[] = [];
    for (const node of this.texts) {
      if (node.dropped || node.end <= node.start) continue;
      if (node.link !== null) {
        if (node.link.keep) ranges.push({ start: node.start, end: node.end });
        continue;
      }
      const source = this.text.slice(node.start, node.end);
      if (MAY_AUTOLINK.test(source) && splitByAutolinkLiteral(node.value ?? source)) continue;
      ranges.push({ start: node.start, end: node.end });
    }
    const directives: DirectiveComment[] = [];
    for (const d of this.directives) {
      if (d.link === null || d.link.keep) directives.push({ start: d.start, end: d.end, raw: d.raw });
    }
    return { ranges, directives };
  }
}

/** Index of the exit event of `token`, whose enter is at `i`. */
function skipTo(events: Event[], i: number, token: Token): number {
  let j = i + 1;
  while (j < events.length) {
    const event = events[j] as Event;
    if (event[1] === token && event[0] === "exit") return j;
    j++;
  }
  return j;
}
