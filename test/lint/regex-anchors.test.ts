import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { foldedChar, foldText } from "../../src/lint/fold.js";
import { loadPrhFile } from "../../src/lint/prh-loader.js";
import { regexAnchors } from "../../src/lint/regex-anchors.js";
import type { CompiledRule } from "../../src/lint/rule.js";
import { SHARED_DATA } from "../helpers/cli.js";

const raw = (cp: number) => String.fromCodePoint(cp);
const anchors = (source: string) => {
  const found = regexAnchors(source, raw);
  return found === null ? null : [...found].sort();
};

describe("regexAnchors", () => {
  it("takes literals whole and alternatives as a set", () => {
    expect(anchors("オブジェクト志向")).toEqual(["オブジェクト志向"]);
    expect(anchors("(?:ウェブ|ウェッブ)")).toEqual(["ウェッブ", "ウェブ"]);
    expect(anchors("\\bJava Script\\b|\\bJavascript\\b")).toEqual(["Java Script", "Javascript"]);
  });

  it("expands small classes and optional parts into longer strings", () => {
    expect(anchors("要([らりるれろっ])")).toEqual(["要っ", "要ら", "要り", "要る", "要れ", "要ろ"]);
    expect(anchors("成り?済ま?([さしすせそ])")?.length).toBeGreaterThan(1);
    expect(anchors("成り?済")).toEqual(["成り済", "成済"]);
  });

  it("ignores what does not consume text and stops at what it cannot enumerate", () => {
    expect(anchors("アプリ(?!ケ)")).toEqual(["アプリ"]);
    expect(anchors("(?<=x)ab")).toEqual(["ab"]);
    expect(anchors("([^解])決して")).toEqual(["決して"]);
    expect(anchors("Node.js")).toEqual(["Node"]);
    expect(anchors("(a)\\1b")).toEqual(["a"]);
    expect(anchors("\\u30A2\\x41")).toEqual(["アA"]);
  });

  it("answers null when no string is certain", () => {
    expect(anchors(".*")).toBeNull();
    expect(anchors("\\d+")).toBeNull();
    expect(anchors("a|.")).toBeNull();
    expect(anchors("(?:a|b)?")).toBeNull();
    expect(anchors("[a-z0-9]")).toBeNull();
    expect(anchors("(?i:x)")).toBeNull();
  });

  it("maps characters into the folded space, refusing what folding cannot represent", () => {
    const folded = (source: string, ignoreCase: boolean) =>
      regexAnchors(source, (cp) => foldedChar(cp, ignoreCase));
    expect(folded("[Ｎnｎ]ode", false)).toEqual(["node"]);
    expect(folded("Node", true)).toEqual(["node"]);
    expect(folded("Éa", true)).toEqual(["a"]);
    expect(folded("ｶﾞa", false)).toEqual(["a"]);
  });
});

/** Every rule of the shared prh dictionaries, with the spec texts that must match it. */
function sharedRules(): { rules: CompiledRule[]; specs: string[] }[] {
  const files = [
    ...fg.sync(join(SHARED_DATA, "prh-rules/**/*.yml")).sort(),
    join(SHARED_DATA, "js-primer/prh.yml"),
  ];
  return files.map((file) => {
    const doc = parse(readFileSync(file, "utf8")) as { rules?: { specs?: { from: unknown }[] }[] };
    const specs = (doc.rules ?? []).flatMap((r) => (r.specs ?? []).map((s) => String(s.from)));
    return { rules: loadPrhFile(file, { severity: "error" }), specs };
  });
}

/** Whether every match of the rule in `text` contains one of its anchors. */
function anchorsCoverMatches(rule: CompiledRule, text: string): boolean {
  const anchorSet = rule.anchors;
  if (anchorSet === null) return true;
  const source = /^\/(.*)\/([a-z]*)$/s.exec(rule.flagged);
  if (!source) throw new Error(rule.flagged);
  const regex = new RegExp(source[1] ?? "", source[2]);
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const hay = anchorSet.space === "folded" ? foldText(m[0]).lower : m[0];
    if (!anchorSet.strings.some((a) => hay.includes(a))) return false;
  }
  return true;
}

describe("anchors of real prh dictionaries", () => {
  const dictionaries = sharedRules();

  it("gives nearly every rule an anchor", () => {
    const rules = dictionaries.flatMap((d) => d.rules);
    expect(rules.filter((r) => r.anchors === null).length).toBeLessThan(rules.length / 100);
  });

  it("finds an anchor in every match of every rule on its specs and on js-primer", () => {
    const corpus = fg
      .sync(join(SHARED_DATA, "js-primer/source/**/*.md"))
      .sort()
      .filter((_, i) => i % 3 === 0)
      .map((f) => readFileSync(f, "utf8"));
    for (const { rules, specs } of dictionaries) {
      for (const rule of rules) {
        for (const text of [...specs, ...corpus]) {
          expect(anchorsCoverMatches(rule, text), `${rule.flagged} on ${text.slice(0, 40)}`).toBe(true);
        }
      }
    }
  }, 120_000);

  it("finds an anchor in every match on strings made of the pattern's own characters", () => {
    const rules = dictionaries.flatMap((d) => d.rules).filter((r) => r.anchors !== null);
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 24 }),
        (rule, picks) => {
          // Characters of the pattern and its anchors, plus width and case variants.
          const chars = [
            ...new Set([...rule.flagged, ...(rule.anchors?.strings.join("") ?? ""), "Ａ", "a", " "]),
          ];
          const text = picks.map((p) => chars[p % chars.length]).join("");
          return anchorsCoverMatches(rule, text) && anchorsCoverMatches(rule, text.toUpperCase());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
