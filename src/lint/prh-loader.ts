import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../cli/errors.js";
import { applyMatches } from "./fixer.js";
import { foldText } from "./fold.js";
import { resolveOverlaps } from "./matcher.js";
import { compilePrhRule, PrhRuleError, type PrhRuleSource } from "./prh-rule.js";
import type { CompiledRule } from "./rule.js";
import type { RuleMatch, Severity } from "./types.js";
import { isRecord, parseYamlSource, type YamlSource } from "./yaml-source.js";

/**
 * prh dictionaries (`version: 1`, `rules`, `imports`): each rule compiled as prh does, its
 * `specs` run through our own matcher at load time (a failing spec is a configuration error), and
 * imports merged the prh way: an imported rule is dropped when the importing file already has a
 * rule with the same `expected`.
 */
export interface PrhLoadOptions {
  severity: Severity;
  /** Read a file (tests inject fixtures). */
  readText?: (path: string) => string;
}

export function loadPrhFile(path: string, opts: PrhLoadOptions): CompiledRule[] {
  return loadWithImports(resolve(path), opts, new Set(), true);
}

/** A prh dictionary already parsed (loadGlossary parses a file once to tell its format). */
export function loadPrhSource(src: YamlSource, opts: PrhLoadOptions): CompiledRule[] {
  return loadSource(src, opts, new Set([resolve(src.path)]), true);
}

export function loadPrhText(text: string, path: string, opts: PrhLoadOptions): CompiledRule[] {
  return loadSource(parseYamlSource(text, path, { fast: true }), opts, new Set([resolve(path)]), true);
}

function loadWithImports(path: string, opts: PrhLoadOptions, seen: Set<string>, withImports: boolean) {
  if (seen.has(path)) return [];
  seen.add(path);
  const read = opts.readText ?? ((p: string) => readFileSync(p, "utf8"));
  let text: string;
  try {
    text = read(path);
  } catch (err) {
    throw new ConfigError(`cannot read glossary ${path}: ${(err as Error).message}`);
  }
  return loadSource(parseYamlSource(text, path, { fast: true }), opts, seen, withImports);
}

interface ImportSpec {
  path: string;
  disableImports: boolean;
  ignoreRules: { pattern?: string; expected?: string }[];
}

function loadSource(src: YamlSource, opts: PrhLoadOptions, seen: Set<string>, withImports: boolean) {
  const doc = src.value;
  if (!isRecord(doc)) throw new ConfigError(`${src.path}:1: a prh dictionary is a mapping with "rules"`);
  const rawRules = doc.rules ?? [];
  if (!Array.isArray(rawRules)) {
    throw new ConfigError(`${src.path}:${src.lineOf(["rules"])}: "rules" must be a list`);
  }
  let rules: CompiledRule[] = rawRules.map((raw, i) => compileEntry(src, raw, i, opts.severity));
  if (withImports && doc.imports !== undefined) {
    for (const spec of importSpecs(src, doc.imports)) {
      const target = resolve(dirname(src.path), spec.path);
      let imported = loadWithImports(target, opts, seen, !spec.disableImports);
      imported = imported.filter(
        (r) => !spec.ignoreRules.some((ig) => ig.expected === r.id || ig.pattern === r.flagged),
      );
      const have = new Set(rules.map((r) => r.id));
      rules = rules.concat(imported.filter((r) => !have.has(r.id)));
    }
  }
  return rules;
}

function importSpecs(src: YamlSource, raw: unknown): ImportSpec[] {
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list)) {
    throw new ConfigError(`${src.path}:${src.lineOf(["imports"])}: "imports" must be a path or a list`);
  }
  return list.map((item, i) => {
    if (typeof item === "string") return { path: item, disableImports: false, ignoreRules: [] };
    if (isRecord(item) && typeof item.path === "string") {
      const ignore = Array.isArray(item.ignoreRules) ? item.ignoreRules : [];
      return {
        path: item.path,
        disableImports: item.disableImports === true,
        ignoreRules: ignore.map((r) =>
          typeof r === "string"
            ? { pattern: r }
            : isRecord(r)
              ? (r as { pattern?: string; expected?: string })
              : {},
        ),
      };
    }
    throw new ConfigError(`${src.path}:${src.lineOf(["imports", i])}: an import is a path or {path: …}`);
  });
}

function asPatternList(value: unknown): string | string[] | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.map(String);
  }
  return null;
}

function compileEntry(src: YamlSource, raw: unknown, index: number, severity: Severity): CompiledRule {
  const at = (...keys: (string | number)[]) => `${src.path}:${src.lineOf(["rules", index, ...keys])}`;
  const entry = typeof raw === "string" ? { expected: raw } : raw;
  if (!isRecord(entry)) throw new ConfigError(`${at()}: a rule is a string or a mapping with "expected"`);
  if (entry.expected === undefined || entry.expected === null) {
    throw new ConfigError(`${at()}: rule without "expected"`);
  }
  const pattern = asPatternList(entry.pattern ?? entry.patterns);
  if (pattern === null)
    throw new ConfigError(`${at("pattern")}: "pattern" must be a string or a list of strings`);
  const options = isRecord(entry.options) ? entry.options : {};
  const source: PrhRuleSource = {
    expected: String(entry.expected),
    pattern,
    regexpMustEmpty: entry.regexpMustEmpty === undefined ? undefined : String(entry.regexpMustEmpty),
    wordBoundary: options.wordBoundary === true,
    note: typeof entry.prh === "string" ? entry.prh : undefined,
  };
  let rule: CompiledRule;
  try {
    // The line is looked up only when shown (`glossary list`): positions cost a second, slower parse.
    const origin = {
      file: src.path,
      get line() {
        return src.lineOf(["rules", index]);
      },
    };
    rule = compilePrhRule(source, origin, severity);
  } catch (err) {
    if (err instanceof PrhRuleError)
      throw new ConfigError(`${at()}: rule "${source.expected}": ${err.message}`);
    throw err;
  }
  const specs = entry.specs ?? [];
  if (!Array.isArray(specs)) throw new ConfigError(`${at("specs")}: "specs" must be a list of {from, to}`);
  specs.forEach((spec, i) => {
    if (!isRecord(spec) || spec.from === undefined || spec.to === undefined) {
      throw new ConfigError(`${at("specs", i)}: a spec is {from: …, to: …}`);
    }
    const from = String(spec.from);
    const to = String(spec.to);
    const got = applyRuleTo(rule, from);
    if (got !== to) {
      throw new ConfigError(
        `${at("specs", i)}: spec of rule "${source.expected}" failed: "${from}" should become "${to}" but became "${got}" (${rule.flagged})`,
        "fix the rule's pattern or its spec",
      );
    }
  });
  return rule;
}

/** The text after applying one rule everywhere in it (how prh checks `specs`). */
export function applyRuleTo(rule: CompiledRule, text: string): string {
  const out: RuleMatch[] = [];
  rule.collect({ text, base: 0, folded: () => foldText(text) }, out);
  return applyMatches(text, resolveOverlaps(out));
}
