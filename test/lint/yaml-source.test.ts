/**
 * Glossary files are read with js-yaml (fast) and positioned with `yaml` only when a line is
 * needed: both must give the same value, the same lines and, on bad YAML, the same error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { loadGlossary } from "../../src/lint/glossary.js";
import { parseYamlSource } from "../../src/lint/yaml-source.js";
import { FIXTURES, SHARED_DATA } from "../helpers/cli.js";

const files = [
  ...fg.sync("**/*.yml", { cwd: SHARED_DATA, absolute: true }).filter((f) => /prh/.test(f)),
  ...fg.sync("lint/glossaries/*.yml", { cwd: FIXTURES, absolute: true }),
].sort();

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  return "no error";
}

describe("parseYamlSource, fast and positioned", () => {
  it("finds the shared prh dictionaries and the fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)("%s: the same value and the same lines", (file) => {
    const text = readFileSync(file, "utf8");
    const fast = parseYamlSource(text, file, { fast: true });
    const slow = parseYamlSource(text, file);
    expect(fast.value).toEqual(slow.value);
    const rules = (slow.value as { rules?: unknown[]; terms?: unknown[] }).rules ?? [];
    for (let i = 0; i < rules.length; i += 7) {
      expect(fast.lineOf(["rules", i])).toBe(slow.lineOf(["rules", i]));
      expect(fast.lineOf(["rules", i, "expected"])).toBe(slow.lineOf(["rules", i, "expected"]));
    }
  });

  it("YAML 1.2 core scalars and duplicate keys read alike", () => {
    const text = [
      "a: 2001-12-14",
      "b: yes",
      "c: 0x1F",
      "d: 1e3",
      "e: ~",
      "f: .inf",
      "g: 012",
      "h: 0o12",
      "i: &x [1, '2', true]",
      "j: *x",
      "k: first",
      "k: last",
      "l: |",
      "  two",
      "  lines",
      "m: 'quoted: colon'",
    ].join("\n");
    expect(parseYamlSource(text, "x.yml", { fast: true }).value).toEqual(
      parseYamlSource(text, "x.yml").value,
    );
  });

  it("bad YAML gives the positioned error either way", () => {
    for (const text of ["rules:\n  - expected: a\n   pattern: [b\n", "a: b: c\n", "- [unclosed\n"]) {
      const slow = thrown(() => parseYamlSource(text, "bad.yml"));
      expect(slow).toMatch(/^bad\.yml:\d+:\d+: invalid YAML/);
      expect(thrown(() => parseYamlSource(text, "bad.yml", { fast: true }))).toBe(slow);
    }
  });

  it("a rule's line is found when asked for (glossary list), not while loading", () => {
    const file = join(FIXTURES, "lint/glossaries/team-prh.yml");
    const rules = loadGlossary({ path: file, severity: "warning" });
    const slow = parseYamlSource(readFileSync(file, "utf8"), file);
    const list = (slow.value as { rules: unknown[] }).rules;
    expect(rules.length).toBeGreaterThan(0);
    expect(rules[0]?.origin.line).toBe(slow.lineOf(["rules", 0]));
    expect(rules[rules.length - 1]?.origin.line).toBe(slow.lineOf(["rules", list.length - 1]));
  });
});
