import { describe, expect, it } from "vitest";
import { disabledRegions, isDisabled } from "../../src/lint/directives.js";
import { DEFAULT_MARKDOWN_OPTIONS, documentKind, scanDocument } from "../../src/lint/scanner.js";

const prose = (
  text: string,
  kind: "markdown" | "text" | "html" = "markdown",
  md = DEFAULT_MARKDOWN_OPTIONS,
) => scanDocument(text, kind, md).ranges.map((r) => text.slice(r.start, r.end));

describe("Markdown scanner", () => {
  const doc = [
    "---",
    "title: FM",
    "---",
    "# Heading",
    "",
    "Para `code` and [link text](https://x.test) and https://bare.test end.",
    "",
    "```js",
    "fenced",
    "```",
    "",
    "    indented",
    "",
    "> quote",
    "",
    "- item *emph*",
    "",
    "| a | b |",
    "|---|---|",
    "| cell | ![alt](i.png) |",
    "",
    "<!-- comment -->",
  ].join("\n");

  it("checks headings, paragraphs, link text, quotes, lists and tables; skips code, URLs, comments, front matter", () => {
    expect(prose(doc)).toEqual([
      "Heading",
      "Para ",
      " and ",
      "link text",
      " and ",
      " end.",
      "quote",
      "item ",
      "emph",
      "a",
      "b",
      "cell",
    ]);
  });

  it("can leave out link text, blockquotes, emphasis, headings and tables", () => {
    const md = {
      ...DEFAULT_MARKDOWN_OPTIONS,
      links: false,
      blockquotes: false,
      emphasis: false,
      headings: false,
      tables: false,
    };
    expect(prose(doc, "markdown", md)).toEqual(["Para ", " and ", " and ", " end.", "item "]);
  });

  it("collects directive comments", () => {
    const text = "a\n<!-- supportops-disable -->\nb\n<!-- supportops-enable -->\n";
    expect(scanDocument(text, "markdown").directives.map((d) => d.raw)).toEqual([
      "<!-- supportops-disable -->",
      "<!-- supportops-enable -->",
    ]);
  });
});

describe("other documents", () => {
  it("checks plain text whole", () => {
    expect(prose("one\ntwo", "text")).toEqual(["one\ntwo"]);
  });

  it("skips HTML tags, scripts, styles and comments", () => {
    const html = '<p class="チャンネル">text</p><script>x</script><style>y</style><!-- c -->tail';
    expect(prose(html, "html")).toEqual(["text", "tail"]);
  });

  it("picks the kind by extension", () => {
    expect([documentKind("a.MD"), documentKind("b.html"), documentKind("c.txt"), documentKind("d")]).toEqual([
      "markdown",
      "html",
      "text",
      "text",
    ]);
  });
});

describe("directives", () => {
  it("disables between disable and enable, and the next line for listed terms", () => {
    const text = [
      "x",
      "<!-- supportops-disable -->",
      "off",
      "<!-- supportops-enable -->",
      "<!-- supportops-disable-next-line チャネル -->",
      "next",
      "after",
    ].join("\n");
    const comments = scanDocument(text, "markdown").directives;
    const regions = disabledRegions(text, comments);
    const at = (s: string) => text.indexOf(`\n${s}\n`) + 1;
    expect(isDisabled(regions, at("off"), "any", "off")).toBe(true);
    expect(isDisabled(regions, 0, "any", "x")).toBe(false);
    expect(isDisabled(regions, at("next"), "チャネル", "チャンネル")).toBe(true);
    expect(isDisabled(regions, at("next"), "ユーザー", "ユーザ")).toBe(false);
    expect(isDisabled(regions, text.lastIndexOf("after"), "チャネル", "チャンネル")).toBe(false);
  });

  it("keeps a disable without enable open to the end of the file", () => {
    const text = "<!-- supportops-disable -->\nrest";
    const regions = disabledRegions(text, scanDocument(text, "text").directives);
    expect(isDisabled(regions, text.indexOf("rest"), "r", "rest")).toBe(true);
  });
});
