import { describe, expect, it } from "vitest";
import { applyMatches, unifiedDiff } from "../../src/lint/fixer.js";

describe("applyMatches", () => {
  it("applies single-suggestion edits and leaves ambiguous ones", () => {
    const text = "ab cd ef";
    expect(
      applyMatches(text, [
        { start: 0, end: 2, suggestions: ["AB"] },
        { start: 3, end: 5, suggestions: ["C1", "C2"] },
        { start: 6, end: 8, suggestions: ["EFG"] },
      ]),
    ).toBe("AB cd EFG");
  });
});

describe("unifiedDiff", () => {
  it("prints hunks with three lines of context", () => {
    const before = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].join("\n") + "\n";
    const after = before.replace("5", "five");
    expect(unifiedDiff("f.md", before, after)).toBe(
      [
        "--- a/f.md",
        "+++ b/f.md",
        "@@ -2,7 +2,7 @@",
        " 2",
        " 3",
        " 4",
        "-5",
        "+five",
        " 6",
        " 7",
        " 8",
        "",
      ].join("\n"),
    );
  });

  it("is empty when nothing changes", () => {
    expect(unifiedDiff("f.md", "a\n", "a\n")).toBe("");
  });

  it("splits distant changes into separate hunks", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const after = lines.map((l) => (l === "l2" || l === "l19" ? `${l}!` : l));
    const diff = unifiedDiff("f", lines.join("\n"), after.join("\n"));
    expect(diff.match(/^@@.*@@$/gm)).toEqual(["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"]);
  });
});
