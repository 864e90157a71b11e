import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { anchorIndex } from "../../src/lint/anchor-index.js";
import { builtinRules } from "../../src/lint/builtin.js";
import { disabledRegions, isDisabled } from "../../src/lint/directives.js";
import { foldedLowerSameLength, foldText } from "../../src/lint/fold.js";
import { lintText } from "../../src/lint/lint-text.js";
import { resolveOverlaps, resolveOverlapsLikePrh } from "../../src/lint/matcher.js";
import { loadPrhFile, loadPrhText } from "../../src/lint/prh-loader.js";
import { type CompiledRule, compileTerm } from "../../src/lint/rule.js";
import { DEFAULT_MARKDOWN_OPTIONS, type DocumentKind, scanDocument } from "../../src/lint/scanner.js";
import type { RuleMatch } from "../../src/lint/types.js";
import { SHARED_DATA } from "../helpers/cli.js";
import { scanMarkdownMdast } from "./mdast-reference.js";

/**
 * The prefilter (anchors, skipped parses, skipped inline content, rules per range) must never
 * change a finding: lintText is compared with the plain way, every rule on every prose range of
 * the full mdast parse.
 */
function unfiltered(text: string, kind: DocumentKind, rules: readonly CompiledRule[]): string[] {
  const { ranges, directives } =
    kind === "markdown" ? scanMarkdownMdast(text, DEFAULT_MARKDOWN_OPTIONS) : scanDocument(text, kind);
  const regions = disabledRegions(text, directives);
  const out: RuleMatch[] = [];
  for (const range of ranges) {
    const slice = text.slice(range.start, range.end);
    const prose = { text: slice, base: range.start, folded: () => foldText(slice) };
    for (const rule of rules) rule.collect(prose, out);
  }
  const kept = rules.every((r) => r.kind === "prh") ? resolveOverlapsLikePrh(out) : resolveOverlaps(out);
  return kept
    .filter((m) => !m.noop && !isDisabled(regions, m.start, m.ruleId, m.actual))
    .map((m) => `${m.start}-${m.end} ${m.ruleId} ${m.actual}→${m.suggestions}`);
}

function filtered(text: string, kind: DocumentKind, rules: readonly CompiledRule[]): string[] {
  return lintText(text, { rules, kind, lang: "en" }).map(
    (f) => `${f.start}-${f.end} ${f.ruleId} ${f.actual}→${f.suggestions}`,
  );
}

const prh = (file: string) => loadPrhFile(join(SHARED_DATA, file), { severity: "error" });
const webdb = prh("prh-rules/media/WEB+DB_PRESS.yml");
const RULE_SETS: [string, CompiledRule[]][] = [
  ["WEB+DB_PRESS", webdb],
  ["techbooster", prh("prh-rules/media/techbooster.yml")],
  ["built-in", builtinRules()],
  ["built-in + js-primer", [...builtinRules(), ...prh("js-primer/prh.yml")]],
];

describe("prefilter", () => {
  it("changes no finding on js-primer chapters, as Markdown and as text", () => {
    const files = fg
      .sync(join(SHARED_DATA, "js-primer/source/**/*.md"))
      .sort()
      .filter((_, i) => i % 6 === 0);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [name, rules] of RULE_SETS) {
        expect(filtered(text, "markdown", rules), `${name} ${file}`).toEqual(
          unfiltered(text, "markdown", rules),
        );
      }
      expect(filtered(text, "text", webdb), file).toEqual(unfiltered(text, "text", webdb));
    }
  }, 120_000);

  // Words the dictionaries flag, their preferred forms, width and case variants, the characters
  // that make the prefilter fall back (half-width sound marks, K and ſ), and Markdown syntax.
  const PIECES = [
    "ユーザ",
    "ユーザー",
    "ｶｽﾀﾏ",
    "ｶﾞｲﾄﾞ",
    "ﾟ",
    "ＦＡＱ",
    "Faq",
    "faq",
    "VoC",
    "ＶｏＣ",
    "e-mail",
    "E-MAIL",
    "javascript",
    "JavaScript",
    "Javascript",
    "ＪａｖａＳｃｒｉｐｔ",
    "\u212Aotlin",
    "ja\u017Fmine",
    "Node.js",
    "github",
    "GitHub",
    "出来る",
    "下さい",
    "頂いた",
    "問合せ",
    "お問い合せ",
    "チャンネル",
    "ウェブ",
    "アプリ",
    "サーバ",
    "サーバー",
    "プロパティー",
    "オブジェクト志向",
    "Web",
    "WEB",
    "ｗｅｂ",
    "例えば",
    "他の",
    "事",
    " ",
    "、",
    "。",
    "\n",
    "\n\n",
    "# ",
    "> ",
    "- ",
    "- [x] ",
    "*",
    "**",
    "`",
    "```\n",
    "[",
    "](/u)",
    "<b>",
    "<!-- supportops-disable -->",
    "<!-- supportops-enable -->",
    "http://a.test",
    "| a | b |\n|---|---|\n| ",
  ];

  it("changes no finding on generated documents", () => {
    const sets = RULE_SETS.map(([, rules]) => rules);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
        fc.constantFrom(...sets),
        fc.constantFrom<DocumentKind>("markdown", "text"),
        (parts, rules, kind) => {
          const text = parts.join("");
          expect(filtered(text, kind, rules)).toEqual(unfiltered(text, kind, rules));
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it("skips documents in which no anchor occurs", () => {
    const scan = anchorIndex(webdb).scan("plain text with nothing to report");
    expect(scan.anyCandidate).toBe(false);
    expect(anchorIndex(webdb).scan("オブジェクト志向").anyCandidate).toBe(true);
  });

  it("still finds what only folding with sound marks or Unicode case folding reveals", () => {
    const guide = [compileTerm({ preferred: "ガイド", variants: ["ガイト"] }, { file: "t" }, "error")];
    const kotlin = loadPrhText(
      "version: 1\nrules:\n  - expected: Kotlin\n    pattern: /kotlin/i\n",
      "/virtual/prh.yml",
      { severity: "error" },
    );
    for (const [text, rules] of [
      ["ｶﾞｲﾄの手引き", guide],
      ["use \u212Aotlin", kotlin],
    ] as const) {
      expect(filtered(text, "text", rules)).toHaveLength(1);
      expect(filtered(text, "text", rules)).toEqual(unfiltered(text, "text", rules));
    }
  });

  it("runs folded rules everywhere when half-width sound marks shift offsets", () => {
    const rules = builtinRules();
    const scan = anchorIndex(rules).scan("ｶﾞ plain");
    expect(scan.rulesIn(0, 8).length).toBeGreaterThan(rules.length / 2);
  });
});

describe("foldedLowerSameLength", () => {
  it("equals FoldedText.lower when no sound mark merges characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const text = s.replace(/[\uFF9E\uFF9F]/g, "");
        expect(foldedLowerSameLength(text)).toBe(foldText(text).lower);
      }),
    );
    const sample = "ＡＢＣ ｱｲｳ ＦＡＱ！ Kelvin ｰ";
    expect(foldedLowerSameLength(sample)).toBe(foldText(sample).lower);
  });
});
