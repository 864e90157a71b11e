import type { InlineContext, MarkdownConfig } from "@lezer/markdown";

/**
 * GFM literal autolinks (`www.x.com`, `https://x`, `a@b.co`) recognised where micromark
 * (micromark-extension-gfm-autolink-literal 2) recognises them, which is not quite where
 * @lezer/markdown's Autolink does (it wants a dot in every domain and takes `mailto:`/`xmpp:`).
 * What is a link decides which text textlint checks, so this is a port of micromark's rules:
 * the character before, the domain (no underscore in its last two segments), the path with its
 * balanced parentheses, and the trailing punctuation that is not part of it.
 */
type Code = number | null;

const isAsciiAlpha = (c: Code): boolean => c !== null && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
const isAsciiDigit = (c: Code): boolean => c !== null && c >= 48 && c <= 57;
const isAsciiAlphanumeric = (c: Code): boolean => isAsciiAlpha(c) || isAsciiDigit(c);
const isSpaceOrEol = (c: Code): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isAsciiControl = (c: Code): boolean => c !== null && (c < 32 || c === 127);
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const isUnicodeWhitespace = (c: Code): boolean =>
  c !== null && UNICODE_WHITESPACE.test(String.fromCharCode(c));
const isUnicodePunctuation = (c: Code): boolean =>
  c !== null && UNICODE_PUNCTUATION.test(String.fromCharCode(c));
const isWhitespace = (c: Code): boolean => c === null || isSpaceOrEol(c) || isUnicodeWhitespace(c);
/** GFM's e-mail "atext": `+ - . _` and ASCII letters and digits. */
const isAtext = (c: Code): boolean => c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlphanumeric(c);

const previousWww = (c: Code): boolean =>
  c === null || c === 40 || c === 42 || c === 95 || c === 91 || c === 93 || c === 126 || isSpaceOrEol(c);
const previousProtocol = (c: Code): boolean => !isAsciiAlpha(c);
const previousEmail = (c: Code): boolean => !(c === 47 || isAtext(c));

/** A character of the inline section; null past its end, like micromark's end of input. */
function at(cx: InlineContext, pos: number): Code {
  return pos < cx.end ? cx.char(pos) : null;
}

const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((ch) => ch.charCodeAt(0)));
/** Punctuation that may end a link without being part of it (micromark's "trail"). */
const TRAIL = codes("!\"')*,.:;?_~");
/** Punctuation in a path that is part of it only when more of the path follows. */
const PATH_PUNCTUATION = codes("!\"&')*,.:;<?]_~");

/** Whether the punctuation at `pos` only trails the link (then whitespace, `<` or the end follows). */
function trail(cx: InlineContext, pos: number): boolean {
  let p = pos;
  for (;;) {
    const c = at(cx, p);
    if (c !== null && TRAIL.has(c)) {
      p++;
      continue;
    }
    if (c === 38) {
      // A character reference at the end (`&amp;`) is trailing too.
      p++;
      if (!isAsciiAlpha(at(cx, p))) return false;
      while (isAsciiAlpha(at(cx, p))) p++;
      if (at(cx, p) !== 59) return false;
      p++;
      continue;
    }
    if (c === 93) {
      p++;
      const after = at(cx, p);
      if (after === null || after === 40 || after === 91 || isWhitespace(after)) return true;
      continue;
    }
    return c === 60 || isWhitespace(c);
  }
}

/** The end of a domain at `pos`, or -1. */
function domain(cx: InlineContext, pos: number): number {
  let underscoreInLast = false;
  let underscoreInLastLast = false;
  let seen = false;
  let p = pos;
  for (;;) {
    const c = at(cx, p);
    if (c === 46 || c === 95) {
      if (trail(cx, p)) break;
      if (c === 95) underscoreInLast = true;
      else {
        underscoreInLastLast = underscoreInLast;
        underscoreInLast = false;
      }
      p++;
      continue;
    }
    if (isWhitespace(c) || (c !== 45 && isUnicodePunctuation(c))) break;
    seen = true;
    p++;
  }
  return underscoreInLastLast || underscoreInLast || !seen ? -1 : p;
}

/** The end of a path at `pos` (possibly empty). */
function path(cx: InlineContext, pos: number): number {
  let open = 0;
  let close = 0;
  let p = pos;
  for (;;) {
    const c = at(cx, p);
    if (c === 40) {
      open++;
      p++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      p++;
      continue;
    }
    if (c !== null && PATH_PUNCTUATION.has(c)) {
      if (trail(cx, p)) return p;
      if (c === 41) close++;
      p++;
      continue;
    }
    if (isWhitespace(c)) return p;
    p++;
  }
}

function www(cx: InlineContext, pos: number): number {
  for (let i = 0; i < 3; i++) {
    const c = at(cx, pos + i);
    if (c !== 87 && c !== 119) return -1;
  }
  if (at(cx, pos + 3) !== 46 || at(cx, pos + 4) === null) return -1;
  const end = domain(cx, pos);
  return end < 0 ? -1 : path(cx, end);
}

function protocol(cx: InlineContext, pos: number): number {
  let p = pos;
  let name = "";
  while (isAsciiAlpha(at(cx, p)) && name.length < 5) {
    name += String.fromCharCode(at(cx, p) as number);
    p++;
  }
  const lower = name.toLowerCase();
  if (at(cx, p) !== 58 || (lower !== "http" && lower !== "https")) return -1;
  if (at(cx, p + 1) !== 47 || at(cx, p + 2) !== 47) return -1;
  p += 3;
  const c = at(cx, p);
  if (c === null || isAsciiControl(c) || isWhitespace(c) || isUnicodePunctuation(c)) return -1;
  const end = domain(cx, p);
  return end < 0 ? -1 : path(cx, end);
}

function email(cx: InlineContext, pos: number): number {
  let p = pos;
  while (isAtext(at(cx, p))) p++;
  if (at(cx, p) !== 64) return -1;
  p++;
  let data = false;
  let dot = false;
  for (;;) {
    const c = at(cx, p);
    if (c === 46) {
      if (!isAsciiAlphanumeric(at(cx, p + 1))) break;
      dot = true;
      p++;
      continue;
    }
    if (c === 45 || c === 95 || isAsciiAlphanumeric(c)) {
      data = true;
      p++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(at(cx, p - 1)) ? p : -1;
}

export const LiteralAutolink: MarkdownConfig = {
  parseInline: [
    {
      name: "LiteralAutolink",
      parse(cx: InlineContext, next: number, pos: number): number {
        // Called at every character: inside a word (the previous one atext) none can start.
        if (!isAtext(next)) return -1;
        const previous = pos > cx.offset ? cx.char(pos - 1) : null;
        if (!previousEmail(previous) && !previousProtocol(previous)) return -1;
        // micromark does not look for these inside a link's text that is still open.
        if (cx.hasOpenLink) return -1;
        let end = -1;
        if ((next === 87 || next === 119) && previousWww(previous)) end = www(cx, pos);
        if (end < 0 && (next === 72 || next === 104) && previousProtocol(previous)) end = protocol(cx, pos);
        if (end < 0 && previousEmail(previous)) end = email(cx, pos);
        return end < 0 ? -1 : cx.addElement(cx.elt("URL", pos, end));
      },
    },
  ],
};
