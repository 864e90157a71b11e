import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/cli/errors.js";
import { builtinRules } from "../../src/lint/builtin.js";
import { decodeGlossaryBytes, loadCsvGlossary } from "../../src/lint/csv-glossary.js";
import { loadGlossary, mergeRuleSets } from "../../src/lint/glossary.js";
import { matchDocument } from "../../src/lint/matcher.js";
import type { CompiledRule } from "../../src/lint/rule.js";
import { FIXTURES } from "../helpers/cli.js";

const G = join(FIXTURES, "lint/glossaries");
const load = (name: string) => loadGlossary({ path: join(G, name), severity: "error" });
const run = (text: string, rules: CompiledRule[]) =>
  matchDocument(text, [{ start: 0, end: text.length }], rules).map((m) => `${m.actual}→${m.suggestions[0]}`);

describe("native glossary", () => {
  it("loads terms with their severities, notes and allowed forms", () => {
    const rules = load("support.yml");
    expect(rules.map((r) => [r.id, r.severity, r.note ?? null])).toEqual([
      ["取引先", "warning", "B2B partners"],
      ["チャネル", "error", null],
    ]);
    expect(run("チャンネル登録のチャンネル", rules)).toEqual(["チャンネル→チャネル"]);
  });

  it("reports schema errors with file and line", () => {
    expect(() => load("bad-severity.yml")).toThrow(ConfigError);
    expect(() => load("bad-severity.yml")).toThrow(
      /bad-severity\.yml:7: "terms\/1\/severity": must be one of error, warning, info/,
    );
  });
});

describe("CSV glossary", () => {
  it("reads UTF-8 with English headers and several variants per cell", () => {
    const rules = load("terms-utf8.csv");
    expect(rules.map((r) => [r.id, r.severity])).toEqual([
      ["オペレーター", "error"],
      ["お問い合わせ", "info"],
    ]);
    expect(run("ｵﾍﾟﾚｰﾀとお問い合せ", rules)).toEqual(["ｵﾍﾟﾚｰﾀ→オペレーター", "お問い合せ→お問い合わせ"]);
  });

  it("reads CP932 with Japanese headers", () => {
    const rules = load("terms-cp932.csv");
    expect(rules.map((r) => [r.id, r.flagged, r.severity, r.note])).toEqual([
      ["ナレッジ", "ナリッジ", "warning", "知識"],
    ]);
  });

  it("names the line of a bad row, counting cells that span lines", () => {
    const bytes = Buffer.from('preferred,variants\n\nA,"x\ny"\nB,\n');
    expect(() => loadCsvGlossary(bytes, "g.csv", "error")).toThrow("g.csv:5: a row needs a preferred form");
  });

  it("decodes UTF-8 with a BOM and falls back to CP932 for invalid UTF-8", () => {
    expect(decodeGlossaryBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(decodeGlossaryBytes(new Uint8Array([0x83, 0x60]))).toBe("チ");
  });
});

describe("merging", () => {
  it("lets a later glossary replace an earlier rule with the same preferred form", () => {
    const merged = mergeRuleSets([builtinRules(), load("team-prh.yml")]);
    const channel = merged.filter((r) => r.id === "チャネル");
    expect(channel.map((r) => [r.kind, r.note])).toEqual([["prh", "prh wins over the built-in entry"]]);
    expect(merged.length).toBe(builtinRules().length);
  });
});
