import { describe, expect, it } from "vitest";
import {
  INVALID,
  idWarning,
  lastInvalidReason,
  normalizeId,
  normalizeNumber,
} from "../../../src/ingest/normalize/index.js";

describe("normalizeNumber", () => {
  it.each<[string, number]>([
    ["1234.5", 1234.5],
    ["-12", -12],
    ["+7", 7],
    ["0", 0],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["１，２３４", 1234],
    ["－１２", -12],
    ["−12", -12],
    ["¥1,200", 1200],
    ["￥1,200", 1200],
    ["1,200円", 1200],
    ["$12.50", 12.5],
    ["$ 12.50", 12.5],
    ["USD 12.50", 12.5],
    ["12.50 USD", 12.5],
    ["jpy1200", 1200],
    ["€9.99", 9.99],
    ["-¥1,200", -1200],
    ["¥-1,200", -1200],
    ["(12.00)", -12],
    ["($1,234.00)", -1234],
    ["▲1,000", -1000],
    ["△500", -500],
    ["15%", 15],
    ["12.5 %", 12.5],
    ["1.5E+3", 1500],
    ["2e-3", 0.002],
  ])("%s → %d", (input, value) => {
    expect(normalizeNumber(input)).toBe(value);
  });

  it.each(["", "?", "-", "—", "#N/A", "ー"])("missing %j", (input) => {
    expect(normalizeNumber(input)).toBeNull();
  });

  it.each(["abc", "1,2345", "12,34", "1.234,5", "1.2.3", "12-", "¥", "1 234", "0x10", "Infinity", "."])(
    "rejects %s",
    (input) => {
      expect(normalizeNumber(input)).toBe(INVALID);
      expect(lastInvalidReason()).toContain("not a number");
    },
  );
});

describe("normalizeId", () => {
  it("keeps ids as trimmed, width-folded text", () => {
    expect(normalizeId(" INC0000045 ")).toBe("INC0000045");
    expect(idWarning()).toBeNull();
    expect(normalizeId("ＡＢ１２３")).toBe("AB123");
    expect(normalizeId("00123")).toBe("00123");
    expect(normalizeId("?")).toBeNull();
  });

  it.each(["1.25E+17", "4.9e+15", "1E+20"])(
    "flags %s as an id Excel rewrote, and keeps the text",
    (input) => {
      expect(normalizeId(input)).toBe(input);
      expect(idWarning()).toContain("scientific notation");
    },
  );

  it("clears the warning on the next id", () => {
    normalizeId("1.25E+17");
    normalizeId("125000000000000000");
    expect(idWarning()).toBeNull();
  });
});
