import { type DirectiveComment, isDirective } from "./directives.js";
import { scanMarkdown } from "./markdown.js";
import type { Span } from "./types.js";

export { scanMarkdown };

/** Which Markdown constructs are checked (code, HTML, URLs and front matter never are). */
export interface MarkdownOptions {
  headings: boolean;
  links: boolean;
  /** `[text][ref]` links; textlint's AST keeps these apart from inline links. */
  referenceLinks: boolean;
  blockquotes: boolean;
  emphasis: boolean;
  tables: boolean;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = {
  headings: true,
  links: true,
  referenceLinks: true,
  blockquotes: true,
  emphasis: true,
  tables: true,
};

export type DocumentKind = "markdown" | "text" | "html";

/** The prose of a document: ranges to check, and the directive comments found in it. */
export interface ScannedDocument {
  ranges: Span[];
  directives: DirectiveComment[];
}

const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mdx)$/i;
const HTML_EXT = /\.html?$/i;

export function documentKind(path: string): DocumentKind {
  if (MARKDOWN_EXT.test(path)) return "markdown";
  if (HTML_EXT.test(path)) return "html";
  return "text";
}

export function scanDocument(
  text: string,
  kind: DocumentKind,
  md = DEFAULT_MARKDOWN_OPTIONS,
): ScannedDocument {
  if (kind === "markdown") return scanMarkdown(text, md);
  if (kind === "html") return scanHtml(text);
  return { ranges: text.length > 0 ? [{ start: 0, end: text.length }] : [], directives: commentsIn(text) };
}

const HTML_SKIP = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;

/** Text between tags; scripts, styles and comments skipped (directive comments kept as directives). */
export function scanHtml(text: string): ScannedDocument {
  const ranges: Span[] = [];
  const directives: DirectiveComment[] = [];
  let pos = 0;
  HTML_SKIP.lastIndex = 0;
  for (let m = HTML_SKIP.exec(text); m !== null; m = HTML_SKIP.exec(text)) {
    if (m.index > pos) ranges.push({ start: pos, end: m.index });
    if (m[0].startsWith("<!--") && isDirective(m[0])) {
      directives.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
    }
    pos = m.index + m[0].length;
  }
  if (pos < text.length) ranges.push({ start: pos, end: text.length });
  return { ranges, directives };
}

const COMMENT = /<!--[\s\S]*?-->/g;

function commentsIn(text: string): DirectiveComment[] {
  const out: DirectiveComment[] = [];
  if (!text.includes("supportops-")) return out;
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m !== null; m = COMMENT.exec(text)) {
    if (isDirective(m[0])) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}
