import { describe, expect, it } from "vitest";
import { detectType } from "../../src/cli/init/column-type.js";
import { profileNameFrom } from "../../src/cli/init/run.js";
import { parseSchedule } from "../../src/cli/init/schedule.js";

describe("parseSchedule", () => {
  it("expands day ranges and lists, with split shifts", () => {
    expect(parseSchedule("mon-wed 09:00-12:00,13:00-18:00; sat,sun 10:00-15:00")).toEqual({
      mon: ["09:00-12:00", "13:00-18:00"],
      tue: ["09:00-12:00", "13:00-18:00"],
      wed: ["09:00-12:00", "13:00-18:00"],
      sat: ["10:00-15:00"],
      sun: ["10:00-15:00"],
    });
  });

  it("accepts a day closing at 24:00", () => {
    expect(parseSchedule("fri 18:00-24:00")).toEqual({ fri: ["18:00-24:00"] });
  });

  it("says what is wrong", () => {
    expect(parseSchedule("fri-mon 09:00-18:00")).toBe(
      'expected days like mon-fri or sat,sun (got "fri-mon")',
    );
    expect(parseSchedule("mon 9-18")).toBe('expected hours like 09:00-18:00 (got "9-18")');
    expect(parseSchedule("mon 18:00-09:00")).toBe('expected the start before the end (got "18:00-09:00")');
    expect(parseSchedule("  ")).toBe('expected at least one day, e.g. "mon-fri 09:00-18:00"');
  });
});

describe("profileNameFrom", () => {
  it("makes a profile name from the file name", () => {
    expect(profileNameFrom("/x/exports/Zendesk Tickets 2025.csv")).toBe("zendesk_tickets_2025");
    expect(profileNameFrom("/x/問い合わせ.csv")).toBe("my_export");
  });
});

describe("detectType", () => {
  it("names the type every non-empty sample fits", () => {
    expect(detectType(["12", "", "7"])).toBe("integer");
    expect(detectType(["2025/04/01 9:05", "2025-04-02"])).toBe("datetime");
    expect(detectType(["30:15:00", "1:05"])).toBe("duration");
    expect(detectType(["12", "abc"])).toBe("text");
    expect(detectType(["", " "])).toBe("empty");
  });
});
