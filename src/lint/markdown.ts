import type { SyntaxNode, TreeCursor } from "@lezer/common";
import { parser as commonmark, Strikethrough, Table, TaskList } from "@lezer/markdown";
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import type { Paragraph, Root, Text } from "mdast";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { decodeNumericCharacterReference } from "micromark-util-decode-numeric-character-reference";
import { type DirectiveComment, isDirective } from "./directives.js";
import { LiteralAutolink } from "./markdown-autolink.js";
import { Footnotes, footnotesFor, normalizeLabel } from "./markdown-footnotes.js";
import { likelyDefinitions, References, referencesFor } from "./markdown-references.js";
import type { MarkdownOptions, ScannedDocument } from "./scanner.js";
import type { Span } from "./types.js";

/**
 * The prose of a Markdown document from a real parse: @lezer/markdown (CommonMark, GFM tables,
 * task lists, strikethrough and literal autolinks) with GFM footnotes and front matter added.
 * The ranges are the text nodes the mdast tree of mdast-util-from-markdown would have (what
 * textlint checks): the runs of inline content between inline nodes, from their first character
 * of data to their last, line prefixes of containers left out. test/lint/markdown.test.ts
 * compares the two on real documents and generated ones.
 *
 * lezer rather than micromark: a parse of js-primer's 88 chapters takes about a tenth of the time
 * and garbage (a syntax tree in typed arrays instead of an object per token).
 */
const PARSER = commonmark.configure([Table, TaskList, Strikethrough, LiteralAutolink, Footnotes, References]);

export function scanMarkdown(text: string, opts: MarkdownOptions): ScannedDocument {
  const source = blankFrontMatter(text);
  footnotesFor(source);
  // The parse needs the definitions, which only the parse knows for sure: lines that look like
  // definitions first, and again with the parse's own when those differ (a `[x]:` in code).
  const guessed = likelyDefinitions(source);
  referencesFor(guessed);
  let tree = PARSER.parse(source);
  const labels = guessed.size > 0 || source.includes("]:") ? definitions(tree.cursor(), text) : guessed;
  if (!sameSet(labels, guessed)) {
    referencesFor(labels);
    tree = PARSER.parse(source);
  }
  const walker = new TreeWalker(text, opts, labels);
  walker.block(tree.cursor());
  return walker.result();
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** YAML (`---`) or TOML (`+++`) front matter as micromark-extension-frontmatter takes it. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*(?:\r?\n|\r)(?:[^\r\n]*(?:\r?\n|\r))*?\1[ \t]*(?=\r?\n|\r|$)/;

/** The text with its front matter turned into blank lines: same offsets, nothing to parse. */
function blankFrontMatter(text: string): string {
  if (text.charCodeAt(0) !== 45 && text.charCodeAt(0) !== 43) return text;
  const m = FRONT_MATTER.exec(text);
  if (m === null) return text;
  return m[0].replace(/[^\r\n]/g, " ") + text.slice(m[0].length);
}

/** Normalised labels of the link reference definitions (a link to another label is text). */
function definitions(cursor: TreeCursor, text: string): Set<string> {
  const labels = new Set<string>();
  const visit = (c: TreeCursor): void => {
    if (c.name === "LinkReference") {
      if (c.firstChild()) {
        do {
          if ((c.name as string) === "LinkLabel")
            labels.add(normalizeLabel(text.slice(c.from + 1, c.to - 1)));
        } while (c.nextSibling());
        c.parent();
      }
      return;
    }
    if (!CONTAINERS.has(c.name) || !c.firstChild()) return;
    do visit(c);
    while (c.nextSibling());
    c.parent();
  };
  visit(cursor);
  return labels;
}

const CONTAINERS = new Set([
  "Document",
  "Blockquote",
  "BulletList",
  "OrderedList",
  "ListItem",
  "FootnoteDefinition",
]);

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
}

/** The inline content of one node (paragraph, heading, cell, emphasis, link label…). */
interface Frame {
  children: number;
  /** The first child when it is a text node. */
  head: TextNode | null;
}

interface DirectiveNode extends DirectiveComment {
  link: LinkState | null;
}

/** Quick test on the source of a text node before running GFM's literal-autolink search. */
const MAY_AUTOLINK = /[@&]|www|http/i;
const AUTOLINK_TRANSFORMS = gfmFromMarkdown().flatMap((e) => e.transforms ?? []);

/**
 * mdast-util-gfm-autolink-literal's transform replaces a text node that contains an e-mail
 * address or URL the parser did not take as one; the pieces have no position, so textlint does
 * not check the node's text. Run the same transform on the node alone to see whether that happens.
 */
function splitByAutolinkLiteral(value: string): boolean {
  const node: Text = { type: "text", value };
  const paragraph: Paragraph = { type: "paragraph", children: [node] };
  const tree: Root = { type: "root", children: [paragraph] };
  for (const transform of AUTOLINK_TRANSFORMS) transform(tree);
  return paragraph.children.length !== 1 || paragraph.children[0] !== node;
}

const isSpace = (code: number): boolean => code === 32 || code === 9;

class TreeWalker {
  private readonly texts: TextNode[] = [];
  private readonly directives: DirectiveNode[] = [];
  /** The text node data is appended to; null after a non-text node. */
  private run: TextNode | null = null;
  private frame: Frame = { children: 0, head: null };
  private link: LinkState | null = null;
  /** At the start of a line, where spaces and container marks are not content. */
  private atLinePrefix = false;

  constructor(
    private readonly text: string,
    private readonly opts: MarkdownOptions,
    private readonly defined: ReadonlySet<string>,
  ) {}

  /** A block node and what it holds. */
  block(c: TreeCursor): void {
    const opts = this.opts;
    switch (c.name) {
      case "Document":
      case "BulletList":
      case "OrderedList":
      case "ListItem":
      case "FootnoteDefinition":
        this.blocks(c);
        return;
      case "Blockquote":
        if (opts.blockquotes) this.blocks(c);
        return;
      case "Table":
        if (opts.tables) this.blocks(c);
        return;
      case "TableHeader":
      case "TableRow":
        this.blocks(c);
        return;
      case "Paragraph":
      case "TableCell":
        this.paragraph(c, c.from, c.to);
        return;
      case "Task":
        this.task(c);
        return;
      case "SetextHeading1":
      case "SetextHeading2":
        if (opts.headings) this.setextHeading(c);
        return;
      case "HTMLBlock":
      case "CommentBlock": {
        // mdast's html node starts with the line's indentation.
        let from = c.from;
        while (from > 0 && isSpace(this.text.charCodeAt(from - 1))) from--;
        const before = from > 0 ? this.text.charCodeAt(from - 1) : 10;
        this.html(before === 10 || before === 13 ? from : c.from, c.to);
        return;
      }
      default:
        if (c.name.startsWith("ATXHeading") && opts.headings) this.atxHeading(c);
    }
  }

  private blocks(c: TreeCursor): void {
    if (!c.firstChild()) return;
    do this.block(c);
    while (c.nextSibling());
    c.parent();
  }

  /**
   * Inline content in [from, to): a new frame; trailing spaces at `to` are not content, nor
   * leading ones at `from` unless `leading` (after a task-list checkbox).
   */
  private paragraph(c: TreeCursor, from: number, to: number, leading = false): Frame {
    let end = to;
    while (end > from && isSpace(this.text.charCodeAt(end - 1))) end--;
    this.atLinePrefix = !leading;
    return this.nested(c, from, end);
  }

  private task(c: TreeCursor): void {
    const marker = c.node.getChild("TaskMarker");
    // micromark's checkbox needs content after it; else the item is a paragraph with `[x]` in it.
    if (marker === null || /^\s*$/.test(this.text.slice(marker.to, c.to))) {
      this.paragraph(c, c.from, c.to);
      return;
    }
    const frame = this.paragraph(c, marker.to, c.to, true);
    // mdast-util-gfm-task-list-item cuts the space after the checkbox from the first text node.
    const head = frame.head;
    if (head === null) return;
    const rest = this.valueOf(head).slice(1);
    if (rest.length === 0) head.dropped = true;
    else {
      if (head.value !== null) head.value = rest;
      head.start++;
    }
  }

  private atxHeading(c: TreeCursor): void {
    const marks = c.node.getChildren("HeaderMark");
    const open = marks[0];
    const close = marks.length > 1 ? marks[marks.length - 1] : undefined;
    this.paragraph(c, open ? open.to : c.from, close ? close.from : c.to);
  }

  private setextHeading(c: TreeCursor): void {
    const underline = c.node.getChild("HeaderMark");
    let end = underline ? underline.from : c.to;
    const nl = this.text.lastIndexOf("\n", end - 1);
    if (nl >= c.from) end = nl > c.from && this.text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    else {
      const cr = this.text.lastIndexOf("\r", end - 1);
      if (cr >= c.from) end = cr;
    }
    this.paragraph(c, c.from, end);
  }

  /** The children of the node at `c` that lie in [from, to), and the text between them. */
  private inline(c: TreeCursor, from: number, to: number): void {
    let pos = from;
    if (c.firstChild()) {
      do {
        if (c.to <= from || c.from >= to) continue;
        if (c.from > pos) this.gap(pos, c.from);
        this.inlineNode(c);
        pos = c.to;
      } while (c.nextSibling());
      c.parent();
    }
    if (to > pos) this.gap(pos, to);
  }

  private inlineNode(c: TreeCursor): void {
    // A blockquote's mark on a continuation line is part of the line prefix; anything else ends it.
    if (c.name === "QuoteMark") return;
    this.atLinePrefix = false;
    switch (c.name) {
      case "Escape":
        this.decoded(c.from, c.to, this.text.charAt(c.from + 1));
        return;
      case "Entity":
        this.decoded(c.from, c.to, decodeEntity(this.text.slice(c.from, c.to)));
        return;
      case "LinkMark":
      case "LinkLabel":
      case "TaskMarker":
        // Brackets of a reference to no definition, a checkbox with nothing after it: text.
        this.data(c.from, c.to, null);
        return;
      case "HardBreak":
        this.nonText();
        this.atLinePrefix = true;
        return;
      case "Emphasis":
        if (this.opts.emphasis) this.container(c);
        else this.nonText();
        return;
      case "StrongEmphasis":
      case "Strikethrough":
        this.container(c);
        return;
      case "Link":
      case "Image":
        this.linkOrImage(c);
        return;
      case "URL":
        // A literal autolink: micromark does not look for those inside a link's text.
        if (this.link !== null) this.data(c.from, c.to, null);
        else this.nonText();
        return;
      case "HTMLTag":
      case "Comment":
        this.nonText();
        this.html(c.from, c.to);
        return;
      default:
        // Code, autolinks and literal URLs, footnote calls, processing instructions.
        this.nonText();
    }
  }

  /** Emphasis, strong, strikethrough: a node whose content lies between its first and last mark. */
  private container(c: TreeCursor): void {
    this.nonText();
    const node = c.node;
    const first = node.firstChild;
    const last = node.lastChild;
    const from = first ? first.to : c.from;
    const to = last && last !== first ? last.from : c.to;
    this.nested(c, from, to);
  }

  /** Inline content of a child node in its own frame, as mdast nests it. */
  private nested(c: TreeCursor, from: number, to: number): Frame {
    const outer = this.frame;
    const frame: Frame = { children: 0, head: null };
    this.frame = frame;
    this.run = null;
    this.inline(c, from, to);
    this.run = null;
    this.frame = outer;
    return frame;
  }

  private linkOrImage(c: TreeCursor): void {
    const node = c.node;
    const shape = linkShape(node, this.text);
    if (shape.reference !== null && !this.defined.has(normalizeLabel(shape.reference))) {
      // No definition: not a link in CommonMark, its brackets are text and its content inline.
      this.inline(c, c.from, c.to);
      return;
    }
    if (c.name === "Image") {
      this.nonText();
      return;
    }
    const opts = this.opts;
    if (!opts.links && !opts.referenceLinks) {
      this.nonText();
      return;
    }
    this.nonText();
    const link: LinkState = { keep: false };
    const outer = this.link;
    this.link = link;
    const frame = this.nested(c, shape.labelFrom, shape.labelTo);
    this.link = outer;
    if (shape.inline) {
      const only = frame.children === 1 ? frame.head : null;
      link.keep = opts.links && !(only !== null && isAutolink(this.valueOf(only), shape.url));
    } else link.keep = opts.referenceLinks;
  }

  /** Text from `from` to `to` with no node in it: data, less line prefixes. */
  private gap(from: number, to: number): void {
    const text = this.text;
    let start = from;
    if (this.atLinePrefix) {
      while (start < to && isSpace(text.charCodeAt(start))) start++;
      if (start === to) return;
      this.atLinePrefix = false;
    }
    if (this.run === null) {
      // Spaces before a line ending are not data (micromark's line suffix).
      let i = start;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      if (i > start && i < to && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) start = i;
    }
    let end = to;
    // Spaces after the last line ending are the next line's prefix.
    let i = to;
    while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
    if (i > start && (text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13)) {
      end = i;
      this.atLinePrefix = true;
    }
    this.data(start, end, null);
  }

  /** An escape or a character reference: its source is in the node, its value decoded. */
  private decoded(from: number, to: number, value: string): void {
    this.data(from, to, value);
  }

  private data(start: number, end: number, value: string | null): void {
    const run = this.run;
    if (run === null) {
      const node: TextNode = { start, end, value, link: this.link, dropped: false };
      const frame = this.frame;
      if (frame.children === 0) frame.head = node;
      frame.children++;
      this.run = node;
      this.texts.push(node);
      return;
    }
    if (value === null && run.value === null && start === run.end) {
      run.end = end;
      return;
    }
    run.value = this.valueOf(run) + (value ?? this.text.slice(start, end));
    run.end = end;
  }

  private nonText(): void {
    this.run = null;
    this.frame.children++;
  }

  /** An HTML node (block or inline): a directive when it is one. */
  private html(from: number, to: number): void {
    const raw = this.text.slice(from, to);
    if (raw.includes("supportops-") && isDirective(raw)) {
      this.directives.push({ start: from, end: to, raw: raw.trim(), link: this.link });
    }
  }

  private valueOf(node: TextNode): string {
    return node.value ?? this.text.slice(node.start, node.end);
  }

  result(): ScannedDocument {
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

interface LinkShape {
  labelFrom: number;
  labelTo: number;
  /** `[text](url)`: url is its destination, decoded. */
  inline: boolean;
  url: string;
  /** A reference link's label (its own, or its text when collapsed or a shortcut); null when inline. */
  reference: string | null;
}

/** The parts of a Link or Image node: `[`, label, `]`, then `(url "title")`, `[ref]` or nothing. */
function linkShape(node: SyntaxNode, text: string): LinkShape {
  const open = node.firstChild;
  const labelFrom = open ? open.to : node.from;
  let close: SyntaxNode | null = null;
  for (let child = open?.nextSibling ?? null; child; child = child.nextSibling) {
    if (child.name === "LinkMark" && text.charCodeAt(child.from) === 93) {
      close = child;
      break;
    }
  }
  const labelTo = close ? close.from : node.to;
  const after = close?.nextSibling ?? null;
  if (after?.name === "LinkMark" && text.charCodeAt(after.from) === 40) {
    const url = node.getChild("URL");
    return {
      labelFrom,
      labelTo,
      inline: true,
      url: url ? destination(text, url.from, url.to) : "",
      reference: null,
    };
  }
  const label = after?.name === "LinkLabel" && after.to - after.from > 2 ? after : null;
  const reference = label ? text.slice(label.from + 1, label.to - 1) : text.slice(labelFrom, labelTo);
  return { labelFrom, labelTo, inline: false, url: "", reference };
}

/** A link destination's value: without its angle brackets, escapes and references decoded. */
function destination(text: string, from: number, to: number): string {
  let raw = text.slice(from, to);
  if (raw.startsWith("<") && raw.endsWith(">")) raw = raw.slice(1, -1);
  return decodeString(raw);
}

const ESCAPE_OR_REFERENCE =
  /\\([!-/:-@[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g;

function decodeString(raw: string): string {
  if (!raw.includes("\\") && !raw.includes("&")) return raw;
  return raw.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined) =>
    escaped !== undefined ? escaped : decodeEntity(whole),
  );
}

/** `&amp;`, `&#38;`, `&#x26;` to their character; an unknown name stays as written. */
function decodeEntity(raw: string): string {
  const body = raw.slice(1, -1);
  if (body.charCodeAt(0) === 35) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
    return decodeNumericCharacterReference(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  }
  const decoded = decodeNamedCharacterReference(body);
  return decoded === false ? raw : decoded;
}

/** A link whose text is its address: text equal to the url (less mailto:/http://). */
function isAutolink(value: string, url: string): boolean {
  return value === url || `mailto:${value}` === url || `http://${value}` === url;
}
