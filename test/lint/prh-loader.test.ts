import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/cli/errors.js";
import { applyRuleTo, loadPrhFile, loadPrhText } from "../../src/lint/prh-loader.js";
import { SHARED_DATA } from "../helpers/cli.js";

const DICTIONARIES = [
  "prh-rules/media/WEB+DB_PRESS.yml",
  "prh-rules/media/techbooster.yml",
  "js-primer/prh.yml",
];

describe("prh dictionaries from ../shared/data", () => {
  for (const file of DICTIONARIES) {
    it(`loads ${file} with every spec passing through our matcher`, () => {
      // loadPrhFile throws a ConfigError naming the spec when one fails.
      const rules = loadPrhFile(join(SHARED_DATA, file), { severity: "error" });
      expect(rules.length).toBeGreaterThan(10);
    });
  }

  it("counts the specs it ran (WEB+DB_PRESS has many)", () => {
    const rules = loadPrhFile(join(SHARED_DATA, DICTIONARIES[0] ?? ""), { severity: "error" });
    expect(rules.length).toBeGreaterThanOrEqual(1296);
  });
});

describe("prh semantics", () => {
  const load = (yaml: string) => loadPrhText(yaml, "/virtual/prh.yml", { severity: "error" });

  it("derives a case- and width-insensitive pattern from expected", () => {
    const [rule] = load("version: 1\nrules:\n  - expected: jQuery\n");
    expect(rule && applyRuleTo(rule, "use jquery and ＪＱＵＥＲＹ and jQuery")).toBe(
      "use jQuery and jQuery and jQuery",
    );
  });

  it("expands $1 captures and honours regexpMustEmpty", () => {
    const [rule] = load(
      "version: 1\nrules:\n  - expected: さらに\n    pattern: /(変)?更に/\n    regexpMustEmpty: $1\n",
    );
    expect(rule && applyRuleTo(rule, "更に変更に")).toBe("さらに変更に");
  });

  it("wraps patterns in word boundaries when asked", () => {
    const [rule] = load(
      "version: 1\nrules:\n  - expected: JavaScript\n    patterns: [javascript]\n    options: {wordBoundary: true}\n",
    );
    expect(rule && applyRuleTo(rule, "javascript javascripts")).toBe("JavaScript javascripts");
  });

  it("reports a failing spec as a configuration error with file and line", () => {
    const yaml =
      "version: 1\nrules:\n  - expected: JavaScript\n    specs:\n      - from: JAVASCRIPT\n        to: JavaScprit\n";
    expect(() => load(yaml)).toThrow(ConfigError);
    expect(() => load(yaml)).toThrow(/\/virtual\/prh\.yml:5: spec of rule "JavaScript" failed/);
  });

  it("rejects a bad regular expression naming the rule", () => {
    expect(() => load("version: 1\nrules:\n  - expected: x\n    pattern: /(/\n")).toThrow(
      /prh\.yml:3: rule "x": invalid regular expression/,
    );
  });

  it("merges imports the prh way: the importing file's rule wins", () => {
    const files: Record<string, string> = {
      "/v/main.yml": "version: 1\nimports: [sub.yml]\nrules:\n  - expected: A\n    pattern: a\n",
      "/v/sub.yml": "version: 1\nrules:\n  - expected: A\n    pattern: aa\n  - expected: B\n    pattern: b\n",
    };
    const rules = loadPrhFile("/v/main.yml", {
      severity: "warning",
      readText: (p) => {
        const t = files[p];
        if (t === undefined) throw new Error("missing");
        return t;
      },
    });
    expect(rules.map((r) => [r.id, r.flagged])).toEqual([
      ["A", "/a/gmu"],
      ["B", "/b/gmu"],
    ]);
  });
});
