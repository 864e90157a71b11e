import { describe, expect, it } from "vitest";
import { foldWidth, isMissing, trimCell, vocabularyKey } from "../../../src/ingest/normalize/index.js";

describe("text helpers", () => {
  it.each([
    "",
    "?",
    "-",
    "—",
    "–",
    "―",
    "−",
    "ー",
    "N/A",
    "n/a",
    "N/a",
    "#N/A",
    "#n/a",
    "？",
    "－",
    "Ｎ／Ａ",
    "ｎ／ａ",
    "＃Ｎ／Ａ",
  ])("%j is missing", (input) => {
    expect(isMissing(input)).toBe(true);
  });
  it.each(["0", "NA", "None", "--", "N/A/B", "#N/B", "no", "x"])("%j is a value", (input) => {
    expect(isMissing(input)).toBe(false);
  });

  it("trims ASCII, ideographic and no-break spaces and a BOM, and returns clean input unchanged", () => {
    expect(trimCell("\u3000 abc\u00a0\t")).toBe("abc");
    expect(trimCell("\ufeffabc")).toBe("abc");
    const clean = "abc def";
    expect(trimCell(clean)).toBe(clean);
  });

  it("folds full-width ASCII, spaces, yen, minus signs and era ligatures", () => {
    expect(foldWidth("ＡＢＣ１２３，．／＃")).toBe("ABC123,./#");
    expect(foldWidth("１\u3000２")).toBe("1 2");
    expect(foldWidth("￥−‐")).toBe("¥--");
    expect(foldWidth("㋿㍻㍼㍽")).toBe("令和平成昭和大正");
    expect(foldWidth("カタカナ")).toBe("カタカナ");
  });

  it("builds lookup keys without case, width or separators", () => {
    expect(vocabularyKey("On-hold")).toBe("onhold");
    expect(vocabularyKey("ＯＮ＿ＨＯＬＤ")).toBe("onhold");
    expect(vocabularyKey("Self・Service")).toBe("selfservice");
  });
});
