import { readFileSync, statSync } from "node:fs";
import type { Lang } from "../i18n.js";
import { configRelative, type LintSettings } from "./config.js";
import { decodeDocument, looksBinary } from "./file-checks.js";
import { applyMatches, unifiedDiff } from "./fixer.js";
import { mergeRuleSets } from "./glossary.js";
import { lintText } from "./lint-text.js";
import type { CompiledRule } from "./rule.js";
import { documentKind } from "./scanner.js";
import type { FileReport, Finding, Severity, SeverityCounts } from "./types.js";

/** Lints files one at a time, keeping only findings, so memory does not grow with file sizes. */
export type FixMode = "none" | "write" | "dry-run";

export interface LintRunOptions {
  settings: LintSettings;
  rules: readonly CompiledRule[];
  lang: Lang;
  fix: FixMode;
  /** Path shown to the user for an absolute path. */
  displayPath: (absolute: string) => string;
  warn: (message: string) => void;
  /** Atomic write, for --fix. */
  writeFile: (path: string, data: string) => void;
  /**
   * Receives each file's report as soon as it is ready; the run then keeps only the counts
   * (result.files stays empty), so memory does not grow with the number of files.
   */
  onReport?: ((report: FileReport) => void) | undefined;
}

export interface LintRunResult {
  /** Reports of every file (empty when onReport took them). */
  files: FileReport[];
  counts: SeverityCounts;
  /** Unified diffs (--fix-dry-run) or fixed text (--fix with --stdin). */
  output: string[];
  fixedFiles: number;
}

interface FileRules {
  rules: readonly CompiledRule[];
  severityOf: ((rule: CompiledRule) => Severity | "off") | undefined;
}

/**
 * Merged rule lists per combination of overrides, so that files sharing one share the list (and
 * its anchor index, which is built once per list).
 */
const mergedRules = new WeakMap<LintSettings, WeakMap<readonly CompiledRule[], Map<string, FileRules>>>();

/** The rules and severities that apply to one path, after the config's overrides. */
export function rulesForPath(
  settings: LintSettings,
  rules: readonly CompiledRule[],
  path: string,
): FileRules {
  const rel = configRelative(settings, path);
  const applying = settings.overrides.filter((o) => o.matches(rel));
  if (applying.length === 0) return { rules, severityOf: undefined };
  let bySettings = mergedRules.get(settings);
  if (bySettings === undefined) mergedRules.set(settings, (bySettings = new WeakMap()));
  let byOverrides = bySettings.get(rules);
  if (byOverrides === undefined) bySettings.set(rules, (byOverrides = new Map()));
  const key = applying.map((o) => settings.overrides.indexOf(o)).join(",");
  const cached = byOverrides.get(key);
  if (cached !== undefined) return cached;
  const merged = mergeOverrides(rules, applying);
  byOverrides.set(key, merged);
  return merged;
}

function mergeOverrides(rules: readonly CompiledRule[], applying: LintSettings["overrides"]): FileRules {
  const withTerms = mergeRuleSets([rules, ...applying.map((o) => o.terms)]);
  const severityOf = (rule: CompiledRule): Severity | "off" => {
    let severity: Severity | "off" = rule.severity;
    for (const o of applying) {
      if (o.severity !== undefined) severity = o.severity;
      const own = o.rules.get(rule.id) ?? o.rules.get(rule.preferred);
      if (own !== undefined) severity = own;
    }
    return severity;
  };
  return { rules: withTerms, severityOf };
}

/** Findings fixed by a single suggestion; the rest stay reported. */
function splitFixable(findings: Finding[]): { fixable: Finding[]; remaining: Finding[] } {
  const fixable: Finding[] = [];
  const remaining: Finding[] = [];
  for (const f of findings) (f.suggestions.length === 1 ? fixable : remaining).push(f);
  return { fixable, remaining };
}

export function lintSource(
  text: string,
  path: string,
  opts: LintRunOptions,
): { report: FileReport; fixed: string | undefined } {
  const { rules, severityOf } = rulesForPath(opts.settings, opts.rules, path);
  const findings = lintText(text, {
    rules,
    kind: documentKind(path),
    lang: opts.lang,
    markdown: opts.settings.markdown,
    severityOf,
  });
  const display = opts.displayPath(path);
  if (opts.fix === "none") return { report: { path: display, findings }, fixed: undefined };
  const { fixable, remaining } = splitFixable(findings);
  const fixed = fixable.length === 0 ? undefined : applyMatches(text, fixable);
  return { report: { path: display, findings: remaining }, fixed };
}

export function lintFiles(paths: readonly string[], opts: LintRunOptions): LintRunResult {
  const result: LintRunResult = {
    files: [],
    counts: { errors: 0, warnings: 0, infos: 0 },
    output: [],
    fixedFiles: 0,
  };
  for (const path of paths) {
    const display = opts.displayPath(path);
    const size = statSync(path).size;
    if (size > opts.settings.maxFileSize) {
      opts.warn(
        `${display}: skipped: ${size} bytes is over the ${opts.settings.maxFileSize}-byte limit (lint.max_file_size)`,
      );
      continue;
    }
    const bytes = readFileSync(path);
    if (looksBinary(bytes)) {
      opts.warn(`${display}: skipped: binary file`);
      continue;
    }
    const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = decodeDocument(bytes);
    const { report, fixed } = lintSource(text, path, opts);
    countFindings(result.counts, report.findings);
    if (opts.onReport) opts.onReport(report);
    else result.files.push(report);
    if (fixed === undefined) continue;
    if (opts.fix === "write") {
      opts.writeFile(path, hadBom ? `\uFEFF${fixed}` : fixed);
      result.fixedFiles++;
    } else {
      result.output.push(unifiedDiff(display, text, fixed));
    }
  }
  return result;
}

export function countFindings(counts: SeverityCounts, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
}
