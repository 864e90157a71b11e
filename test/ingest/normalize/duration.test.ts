import { describe, expect, it } from "vitest";
import {
  createDurationParser,
  type DurationUnit,
  INVALID,
  lastInvalidReason,
} from "../../../src/ingest/normalize/index.js";

describe("DurationParser → minutes", () => {
  it.each<[DurationUnit, string, number]>([
    ["minutes", "90", 90],
    ["minutes", "12.5", 12.5],
    ["minutes", "1,234", 1234],
    ["minutes", "-15", -15],
    ["minutes", "１２０", 120],
    ["hours", "1.5", 90],
    ["hours", "2", 120],
    ["seconds", "90", 1.5],
    ["milliseconds", "5400000", 90],
    ["days", "1", 1440],
  ])("a plain number in %s: %s", (unit, input, minutes) => {
    expect(createDurationParser(unit).parse(input)).toBe(minutes);
  });

  const p = createDurationParser("milliseconds");
  it.each<[string, number]>([
    ["123:05:00", 123 * 60 + 5],
    ["01:30:30", 90.5],
    ["1:30", 90],
    ["00:45", 45],
    ["0:00:30.5", 30.5 / 60],
    ["-0:30", -30],
    ["１：３０", 90],
    ["1h 30m", 90],
    ["1h30m", 90],
    ["2d 3h", 2 * 1440 + 180],
    ["90s", 1.5],
    ["45 min", 45],
    ["1.5 hours", 90],
    ["2 hrs 15 mins", 135],
    ["500ms", 500 / 60000],
    ["1 hour 1 minute 30 seconds", 61.5],
    ["-2h", -120],
    ["1時間30分", 90],
    ["45分", 45],
    ["30秒", 0.5],
    ["2日3時間", 2 * 1440 + 180],
  ])("a form with its own unit: %s", (input, minutes) => {
    // Forms with their own unit ignore the column's declared unit (milliseconds here).
    expect(p.parse(input)).toBeCloseTo(minutes, 10);
  });

  it.each(["", "?", "-", "N/A"])("missing %j", (input) => {
    expect(p.parse(input)).toBeNull();
  });

  it.each(["abc", "1:3", "1:60", "1:30:75", "1h30", "1 month", "h", "1h 30m later", "1,2345"])(
    "rejects %s",
    (input) => {
      expect(p.parse(input)).toBe(INVALID);
      expect(lastInvalidReason()).toContain("not a duration");
    },
  );
});
