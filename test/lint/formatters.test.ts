import { Ajv } from "ajv";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { FileReport, Finding } from "../../src/lint/types.js";
import { escapeXml } from "../../src/report/lint/checkstyle.js";
import { escapeData, escapeProperty } from "../../src/report/lint/github.js";
import { LINT_FORMATTERS } from "../../src/report/lint/index.js";
import { SARIF_SUBSET_SCHEMA } from "./sarif-2.1.0-subset.js";

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: "チャネル",
  severity: "error",
  start: 2,
  end: 7,
  line: 1,
  column: 3,
  endLine: 1,
  endColumn: 8,
  actual: "チャンネル",
  suggestions: ["チャネル"],
  message: 'Use "チャネル" instead of "チャンネル".',
  note: undefined,
  lineText: "# チャンネル設計",
  ...over,
});
const files: FileReport[] = [
  {
    path: "docs/営業 a,b.md",
    findings: [
      finding({}),
      finding({
        ruleId: "ユーザー",
        severity: "warning",
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        actual: "ユーザ",
        suggestions: ["ユーザー"],
        message: "m2",
        note: "50% of\nteams",
        lineText: "ユーザ",
      }),
      finding({ ruleId: "x", severity: "info", suggestions: ["a", "b"], message: "m3" }),
    ],
  },
  { path: "clean.md", findings: [] },
];
const plain = { chalk: new Chalk({ level: 0 }), lang: "en" as const, version: "9.9.9" };

describe("stylish", () => {
  it("groups by file with a caret under the flagged text (wide characters count twice)", () => {
    const out = LINT_FORMATTERS.stylish(files, plain);
    expect(out.split("\n").slice(0, 4)).toEqual([
      "docs/営業 a,b.md",
      '  1:3  error  Use "チャネル" instead of "チャンネル".  チャネル',
      "    1 | # チャンネル設計",
      "      |   ^^^^^^^^^^",
    ]);
    expect(out).toContain("✖ 3 problems (1 error, 1 warning, 1 info)");
    expect(out).not.toContain("clean.md");
  });

  it("prints nothing for a clean run and Japanese labels with lang ja", () => {
    expect(LINT_FORMATTERS.stylish([{ path: "a.md", findings: [] }], plain)).toBe("");
    expect(LINT_FORMATTERS.stylish(files, { ...plain, lang: "ja" })).toContain(
      "✖ 3 件の問題（エラー 1、警告 1、情報 1）",
    );
  });

  it("colours only with a colour-enabled chalk", () => {
    expect(LINT_FORMATTERS.stylish(files, { ...plain, chalk: new Chalk({ level: 1 }) })).toContain(
      "\u001b[31merror",
    );
  });
});

describe("json", () => {
  it("has a stable shape with totals", () => {
    const doc = JSON.parse(LINT_FORMATTERS.json(files, plain)) as {
      version: number;
      files: { path: string; findings: { ruleId: string; offset: number; note: string | null }[] }[];
      totals: object;
    };
    expect(doc.version).toBe(1);
    expect(doc.files[0]?.findings[1]).toMatchObject({ ruleId: "ユーザー", note: "50% of\nteams" });
    expect(doc.files[0]?.findings[0]?.offset).toBe(2);
    expect(doc.totals).toEqual({ errors: 1, warnings: 1, infos: 1 });
  });
});

describe("sarif", () => {
  const log = JSON.parse(LINT_FORMATTERS.sarif(files, plain)) as {
    runs: {
      tool: { driver: { rules: { id: string }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        fixes?: unknown[];
      }[];
    }[];
  };

  it("validates against the SARIF 2.1.0 schema (subset) with GitHub's requirements", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(SARIF_SUBSET_SCHEMA);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("lists every rule a result uses and points at it by index", () => {
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(["チャネル", "ユーザー", "x"]);
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run?.results.map((r) => r.level)).toEqual(["error", "warning", "note"]);
  });

  it("percent-encodes file paths into URIs and offers fixes only for single suggestions", () => {
    const results = log.runs[0]?.results ?? [];
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "docs/%E5%96%B6%E6%A5%AD%20a%2Cb.md",
    );
    expect(results.map((r) => r.fixes?.length ?? 0)).toEqual([1, 1, 0]);
  });
});

describe("github", () => {
  it("escapes data and property values as the workflow-command parser expects", () => {
    expect(escapeData("50% a\r\nb")).toBe("50%25 a%0D%0Ab");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    const out = LINT_FORMATTERS.github(files, plain).split("\n");
    expect(out[1]).toBe(
      "::warning file=docs/営業 a%2Cb.md,line=2,endLine=2,col=1,endColumn=4,title=supportops lint%3A ユーザー::m2%0A50%25 of%0Ateams",
    );
    expect(out[2]?.startsWith("::notice ")).toBe(true);
  });
});

describe("checkstyle", () => {
  it("writes escaped XML, one file element per file", () => {
    expect(escapeXml(`<a & "b" 'c'>\u0001`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
    const out = LINT_FORMATTERS.checkstyle(files, plain);
    expect(out).toContain('<file name="docs/営業 a,b.md">');
    expect(out).toContain(
      '<error line="1" column="3" severity="error" message="Use &quot;チャネル&quot; instead of &quot;チャンネル&quot;." source="supportops.lint.チャネル" />',
    );
    expect(out).toContain('<file name="clean.md">\n  </file>');
  });
});
