import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/lint/builtin.js";
import { foldText, toOriginal } from "../../src/lint/fold.js";
import { matchDocument, resolveOverlaps, resolveOverlapsLikePrh } from "../../src/lint/matcher.js";
import { compileTerm } from "../../src/lint/rule.js";
import type { RuleMatch } from "../../src/lint/types.js";

const origin = { file: "test" };
const whole = (text: string) => [{ start: 0, end: text.length }];
const term = (preferred: string, variants: string[], allow?: string[]) =>
  compileTerm({ preferred, variants, allow }, origin, "error");
const hits = (text: string, rules = [term("ユーザー", ["ユーザ"])]) =>
  matchDocument(text, whole(text), rules).map((m) => [m.start, m.end, m.actual, m.suggestions[0]]);

describe("folding", () => {
  it("maps full-width ASCII and half-width katakana back to original offsets", () => {
    const f = foldText("aＦＡＱｶﾞｲﾄﾞb");
    expect(f.text).toBe("aFAQガイドb");
    expect(f.lower).toBe("afaqガイドb");
    // ガ (folded 4) came from ｶﾞ at 4..6; イ from 6; ド from ﾄﾞ at 7..9; b at 9.
    expect([4, 5, 6, 7, 8].map((i) => toOriginal(f, i))).toEqual([4, 6, 7, 9, 10]);
  });

  it("leaves other text and its offsets alone", () => {
    const f = foldText("チャネル ABC");
    expect(f.map).toBeNull();
    expect(f.lower).toBe("チャネル abc");
  });
});

describe("term matching", () => {
  it("never fires a katakana variant inside a longer katakana word", () => {
    expect(hits("ユーザー、ユーザビリティ、ユーザ。")).toEqual([[13, 16, "ユーザ", "ユーザー"]]);
    expect(hits("カスタマイズ", [term("カスタマー", ["カスタマ"])])).toEqual([]);
    expect(hits("カスタマの声", [term("カスタマー", ["カスタマ"])])).toEqual([
      [0, 4, "カスタマ", "カスタマー"],
    ]);
  });

  it("uses ASCII word boundaries for Latin terms", () => {
    const rules = [term("VOC", ["VoC", "voc"])];
    expect(hits("vocabulary VoC voc VOC", rules)).toEqual([
      [11, 14, "VoC", "VOC"],
      [15, 18, "voc", "VOC"],
    ]);
  });

  it("folds width and case, reporting the original characters", () => {
    const rules = [term("email", ["e-mail"])];
    expect(hits("Send an E-MAIL or ｅ－ｍａｉｌ.", rules)).toEqual([
      [8, 14, "E-MAIL", "email"],
      [18, 24, "ｅ－ｍａｉｌ", "email"],
    ]);
  });

  it("matches half-width katakana variants through folding", () => {
    expect(hits("ｶｽﾀﾏの声", [term("カスタマー", ["カスタマ"])])).toEqual([[0, 4, "ｶｽﾀﾏ", "カスタマー"]]);
  });

  it("never flags a span inside an allowed term", () => {
    const rules = [term("チャネル", ["チャンネル"], ["チャンネル登録"])];
    expect(hits("チャンネル登録とチャンネル", rules)).toEqual([[8, 13, "チャンネル", "チャネル"]]);
  });

  it("resolves overlaps leftmost first, then longest", () => {
    const rules = [term("問い合わせ", ["問合せ"]), term("お問い合わせ", ["お問合せ"])];
    expect(hits("お問合せと問合せ", rules)).toEqual([
      [0, 4, "お問合せ", "お問い合わせ"],
      [5, 8, "問合せ", "問い合わせ"],
    ]);
  });

  it("gives every built-in rule its own id", () => {
    const ids = builtinRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("checks the built-in glossary's compounds", () => {
    const text = "カスタマー・サポートとコール・センターとエスカレート";
    expect(hits(text, builtinRules())).toEqual([
      [0, 10, "カスタマー・サポート", "カスタマーサポート"],
      [11, 19, "コール・センター", "コールセンター"],
    ]);
  });
});

describe("overlap resolution", () => {
  const m = (start: number, end: number): RuleMatch => ({
    ruleId: `${start}-${end}`,
    start,
    end,
    actual: "",
    suggestions: [],
    noop: false,
  });
  it("greedy: keeps a match that starts after the last kept one ends", () => {
    expect(resolveOverlaps([m(6, 9), m(0, 5), m(3, 8)]).map((x) => x.ruleId)).toEqual(["0-5", "6-9"]);
  });
  it("prh: drops a match starting inside its predecessor even when that one was dropped", () => {
    expect(resolveOverlapsLikePrh([m(6, 9), m(0, 5), m(3, 8)]).map((x) => x.ruleId)).toEqual(["0-5"]);
    expect(resolveOverlapsLikePrh([m(0, 2), m(0, 4)]).map((x) => x.ruleId)).toEqual(["0-4"]);
  });
});
