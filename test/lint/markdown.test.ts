import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { scanMarkdown } from "../../src/lint/markdown.js";
import { DEFAULT_MARKDOWN_OPTIONS, type MarkdownOptions } from "../../src/lint/scanner.js";
import { SHARED_DATA } from "../helpers/cli.js";
import { scanMarkdownMdast } from "./mdast-reference.js";

/** textlint-rule-prh's view (bench/lint-ours.ts) and one with everything but links off. */
const OPTION_SETS: MarkdownOptions[] = [
  DEFAULT_MARKDOWN_OPTIONS,
  { headings: true, links: false, referenceLinks: true, blockquotes: false, emphasis: false, tables: true },
  { headings: false, links: true, referenceLinks: false, blockquotes: true, emphasis: true, tables: false },
];

const texts = (text: string, opts = DEFAULT_MARKDOWN_OPTIONS) =>
  scanMarkdown(text, opts).ranges.map((r) => text.slice(r.start, r.end));

describe("Markdown scanner (micromark events) against the mdast tree", () => {
  it("gives the same ranges and directives on js-primer's chapters", () => {
    const files = fg.sync(join(SHARED_DATA, "js-primer/source/**/*.md")).sort();
    expect(files.length).toBeGreaterThan(80);
    files.forEach((file, i) => {
      const text = readFileSync(file, "utf8");
      const opts = OPTION_SETS[i % OPTION_SETS.length] as MarkdownOptions;
      expect(scanMarkdown(text, opts), file).toEqual(scanMarkdownMdast(text, opts));
    });
  }, 60_000);

  it("gives the same ranges and directives on ja.react.dev's pages (MDX, HTML, tables)", () => {
    const files = fg.sync(join(SHARED_DATA, "ja-react-dev/**/*.md")).sort();
    files
      .filter((_, i) => i % 4 === 0)
      .forEach((file, i) => {
        const text = readFileSync(file, "utf8");
        const opts = OPTION_SETS[i % OPTION_SETS.length] as MarkdownOptions;
        expect(scanMarkdown(text, opts), file).toEqual(scanMarkdownMdast(text, opts));
      });
  }, 60_000);

  // Pieces that exercise merging of text nodes, containers, links, autolinks, references,
  // escapes, task lists, tables, footnotes and directives, glued in random order.
  const PIECES = [
    "foo",
    "ユーザ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "> ",
    "- ",
    "1. ",
    "* ",
    "  - ",
    "    ",
    "# ",
    "## ",
    "===",
    "---",
    "***",
    "*",
    "**",
    "_",
    "~~",
    "~",
    "`",
    "``",
    "```",
    "```js\n",
    "~~~",
    "\\",
    "\\*",
    "&amp;",
    "&#64;",
    "&#x40;",
    "&copy;",
    "&bogus;",
    "[",
    "]",
    "(",
    ")",
    "[a]",
    "[a]: http://x.com",
    "[^1]",
    "[^1]: note",
    "![img](p.png)",
    "[link](http://a.com)",
    "[http://a.com](http://a.com)",
    "[a@b.com](mailto:a@b.com)",
    "[www.a.com](http://www.a.com)",
    "<http://a.com>",
    "<a@b.com>",
    "http://a.com",
    "https://b.org/x?y=1.",
    "www.example.com",
    "foo@bar.com",
    "mailto:a@b.co",
    "xmpp:a@b.co/r",
    "<!-- supportops-disable -->",
    "<!-- supportops-enable -->",
    "<!-- supportops-disable-next-line ユーザ -->",
    "<!-- x -->",
    "<div>",
    "</div>",
    "<span>",
    "<br>",
    "| a | b |",
    "|---|---|",
    "[ ] ",
    "[x] ",
    "- [ ] ",
    "- [x]  ",
    "&",
    "@",
    ".",
    ":",
    "|",
    "<",
    ">",
    "---\nyaml: 1\n---\n",
    "[a][b]",
    "[b]: /url",
    "[a][]",
    "[x](<>)",
    "[\\*a\\*](\\*a\\*)",
    "[&amp;](&amp;)",
    "  \n",
    "\\\n",
    "ｶﾞ",
    "ＦＡＱ",
  ];

  it("gives the same ranges and directives on generated documents", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        for (const opts of OPTION_SETS) {
          expect(scanMarkdown(text, opts)).toEqual(scanMarkdownMdast(text, opts));
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe("Markdown scanner details", () => {
  it("cuts a task-list checkbox's space from the item's text, as mdast does", () => {
    expect(texts("- [x] done\n- [ ] open\n")).toEqual(["done", "open"]);
    // A checkbox followed by emphasis leaves a lone space, which mdast removes.
    expect(texts("- [x] *e* f\n")).toEqual(["e", " f"]);
  });

  it("skips links whose text is their address, and autolinks", () => {
    expect(texts("a [https://x.test](https://x.test) b <https://y.test> c https://z.test")).toEqual([
      "a ",
      " b ",
      " c ",
    ]);
  });

  it("drops a text node GFM's literal-autolink transform splits (its pieces lose positions)", () => {
    // micromark sees "http&#58;//" in the source; the transform sees "http://" in the value.
    expect(texts("see http&#58;//a.test now\n\nok")).toEqual(["ok"]);
  });

  it("checks reference links with referenceLinks and inline links with links", () => {
    const doc = "[ref text][r] and [inline text](/u)\n\n[r]: /target\n";
    const only = (links: boolean, referenceLinks: boolean) =>
      texts(doc, { ...DEFAULT_MARKDOWN_OPTIONS, links, referenceLinks });
    expect(only(false, true)).toEqual(["ref text", " and "]);
    expect(only(true, false)).toEqual([" and ", "inline text"]);
  });

  it("reads directives inside links only when the link is checked", () => {
    const doc = "[<!-- supportops-disable --> x](/u)\n";
    const dirs = (links: boolean) =>
      scanMarkdown(doc, { ...DEFAULT_MARKDOWN_OPTIONS, links }).directives.map((d) => d.raw);
    expect(dirs(true)).toEqual(["<!-- supportops-disable -->"]);
    expect(dirs(false)).toEqual([]);
  });

  it("leaves blocks the filter rejects unparsed, but still reads their directives", () => {
    const doc = "para one\n\npara <!-- supportops-disable-next-line --> two\n\n# heading\n";
    const none = scanMarkdown(doc, DEFAULT_MARKDOWN_OPTIONS, () => false);
    expect(none.ranges.map((r) => doc.slice(r.start, r.end))).toEqual(["para ", " two"]);
    expect(none.directives.map((d) => d.raw)).toEqual(["<!-- supportops-disable-next-line -->"]);
    const all = scanMarkdown(doc, DEFAULT_MARKDOWN_OPTIONS, () => true);
    expect(all).toEqual(scanMarkdown(doc, DEFAULT_MARKDOWN_OPTIONS));
    const second = scanMarkdown(doc, DEFAULT_MARKDOWN_OPTIONS, (start) => start > 10);
    expect(second.ranges.map((r) => doc.slice(r.start, r.end))).toEqual(["para ", " two", "heading"]);
  });
});
