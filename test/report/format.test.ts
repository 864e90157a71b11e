import { describe, expect, it } from "vitest";
import {
  formatCell,
  formatDelta,
  formatDuration,
  formatInteger,
  formatNumber,
  formatPercent,
  formatRate,
} from "../../src/report/format.js";
import type { Column } from "../../src/report/model.js";
import { sparkline } from "../../src/report/sparkline.js";

describe("formatDuration", () => {
  it.each([
    [0, "0m"],
    [0.5, "30s"],
    [0.999, "1m"],
    [45, "45m"],
    [59.4, "59m"],
    [59.6, "1h 00m"],
    [65, "1h 05m"],
    [23 * 60 + 59, "23h 59m"],
    [24 * 60, "1d 0h"],
    [2 * 1440 + 3 * 60 + 20, "2d 3h"],
    [2 * 1440 + 23 * 60 + 40, "3d 0h"],
    [-65, "-1h 05m"],
  ])("%d minutes → %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe("numbers", () => {
  it("groups thousands and fixes decimals", () => {
    expect(formatInteger(1234567)).toBe("1,234,567");
    expect(formatInteger(-1234.6)).toBe("-1,235");
    expect(formatNumber(12345.678, 1)).toBe("12,345.7");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatNumber(-32.55, 2)).toBe("-32.55");
  });
  it("shows fractions as percents and rates with their interval", () => {
    expect(formatPercent(0.852)).toBe("85.2%");
    expect(formatPercent(1, 0)).toBe("100%");
    expect(formatRate(0.852, 0.81, 0.889)).toBe("85.2% (81.0–88.9)");
  });
  it("signs deltas; percent deltas are points; a change that rounds to zero is ±", () => {
    expect(formatDelta(0.021, "percent")).toBe("+2.1 pt");
    expect(formatDelta(-12, "duration")).toBe("-12m");
    expect(formatDelta(3, "integer")).toBe("+3");
    expect(formatDelta(0.0004, "percent")).toBe("±0.0 pt");
  });
});

describe("formatCell tones", () => {
  const lowerIsBetter: Column = {
    key: "d",
    label: { en: "d", ja: "d" },
    kind: "delta",
    deltaOf: "duration",
    good: "down",
  };
  const higherIsBetter: Column = { key: "d", label: { en: "d", ja: "d" }, kind: "delta", deltaOf: "percent" };
  it("judges deltas by the good direction", () => {
    expect(formatCell(lowerIsBetter, -5, "en")).toEqual({ text: "-5m", tone: "good" });
    expect(formatCell(lowerIsBetter, 5, "en")).toEqual({ text: "+5m", tone: "bad" });
    expect(formatCell(higherIsBetter, 0.02, "en")).toEqual({ text: "+2.0 pt", tone: "good" });
    expect(formatCell(higherIsBetter, -0.02, "en").tone).toBe("bad");
    expect(formatCell(higherIsBetter, 0, "en").tone).toBe("neutral");
  });
  it("labels targets in the report language", () => {
    const target: Column = { key: "t", label: { en: "t", ja: "t" }, kind: "target" };
    expect(formatCell(target, { status: "missed", target: ">= 90%" }, "ja")).toEqual({
      text: "未達 (>= 90%)",
      tone: "bad",
    });
  });
  it("rejects a value of the wrong shape for its column", () => {
    const duration: Column = { key: "m", label: { en: "m", ja: "m" }, kind: "duration" };
    expect(() => formatCell(duration, "65", "en")).toThrow(/column "m"/);
  });
  it("shows missing and non-finite values as a dash", () => {
    const n: Column = { key: "n", label: { en: "n", ja: "n" }, kind: "number" };
    expect(formatCell(n, null, "en").text).toBe("–");
    expect(formatCell(n, Number.NaN, "en").text).toBe("–");
  });
});

describe("sparkline", () => {
  it("scales between the series' own minimum and maximum", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([10, null, 20])).toBe("▁ █");
  });
  it("puts a flat series in the middle", () => {
    expect(sparkline([3, 3, 3])).toBe("▄▄▄");
  });
});
