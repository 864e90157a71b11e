/** The lint command's implementation, loaded only when `supportops lint` runs (see commands/lint.ts). */
import { relative, resolve, sep } from "node:path";
import { builtinRules } from "../../lint/builtin.js";
import { type LintSettings, resolveLintSettings } from "../../lint/config.js";
import { discoverFiles } from "../../lint/discover.js";
import { unifiedDiff } from "../../lint/fixer.js";
import { type GlossaryRef, loadGlossary, mergeRuleSets } from "../../lint/glossary.js";
import type { CompiledRule } from "../../lint/rule.js";
import { type FixMode, type LintRunOptions, lintFiles, lintSource } from "../../lint/run.js";
import type { SeverityCounts } from "../../lint/types.js";
import { LINT_FORMATTERS, type LintFormatName, STREAMING_LINT_FORMATTERS } from "../../report/lint/index.js";
import { type FileReport, totals } from "../../report/lint/types.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { packageVersion } from "../../version.js";
import type { CliContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";

export interface LintCommandOptions {
  format: LintFormatName;
  glossary: string[];
  builtin: boolean;
  ignorePattern: string[];
  maxWarnings?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

function parseMaxWarnings(raw: string | undefined, fromConfig: number | undefined): number | undefined {
  if (raw === undefined) return fromConfig;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings expects a whole number ≥ 0, got "${raw}"`);
  return Number(raw);
}

/** Glossaries in order: the built-in one, the config's, then --glossary flags; later entries win. */
export function loadRules(
  ctx: CliContext,
  settings: LintSettings,
  opts: { glossary: string[]; builtin: boolean },
): CompiledRule[] {
  const sets: CompiledRule[][] = [];
  if (opts.builtin && settings.builtin) sets.push(builtinRules());
  const refs: GlossaryRef[] = [
    ...settings.glossaries,
    ...opts.glossary.map((p) => ({ path: resolve(ctx.io.cwd, p), severity: "error" as const })),
  ];
  for (const ref of refs) sets.push(loadGlossary(ref));
  // Per-path glossaries are loaded once here and applied by rulesForPath to matching files.
  for (const o of settings.overrides) {
    for (const ref of o.glossaries) o.terms.push(...loadGlossary(ref));
  }
  return mergeRuleSets(sets);
}

export function lintSettingsOf(ctx: CliContext): LintSettings {
  const loaded = ctx.config;
  return resolveLintSettings(loaded.config.lint, loaded.baseDir, loaded.path);
}

async function readStdin(ctx: CliContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function runLint(ctx: CliContext, paths: string[], opts: LintCommandOptions): Promise<number> {
  if (opts.fix && opts.fixDryRun) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  if (opts.stdin && paths.length > 0) throw new UsageError("--stdin cannot be combined with paths");
  if (opts.stdinFilename !== undefined && !opts.stdin) throw new UsageError("--stdin-filename needs --stdin");
  const settings = lintSettingsOf(ctx);
  const maxWarnings = parseMaxWarnings(opts.maxWarnings, settings.maxWarnings);
  const rules = loadRules(ctx, settings, opts);
  const fix: FixMode = opts.fix ? "write" : opts.fixDryRun ? "dry-run" : "none";
  const cwd = ctx.io.cwd;
  const runOptions: LintRunOptions = {
    settings,
    rules,
    lang: ctx.lang,
    fix,
    displayPath: (abs) => {
      const rel = relative(cwd, abs);
      return (rel.startsWith("..") ? abs : rel).split(sep).join("/");
    },
    warn: (m) => ctx.warn(m),
    writeFile: writeFileAtomic,
  };

  const formatOptions = { chalk: ctx.chalk, lang: ctx.lang, version: packageVersion() };
  // Fixes print a diff (dry run) or the fixed text (stdin) on stdout; findings then go to stderr.
  const findingsToStderr = fix === "dry-run" || (opts.stdin === true && fix === "write");
  const stream = findingsToStderr ? undefined : STREAMING_LINT_FORMATTERS[opts.format];
  let files: FileReport[] = [];
  let counts: SeverityCounts;
  let output: string[] = [];
  if (opts.stdin) {
    const name = opts.stdinFilename ?? "stdin.md";
    const text = await readStdin(ctx);
    const { report, fixed } = lintSource(text, resolve(cwd, name), runOptions);
    files = [report];
    counts = totals(files);
    if (fix === "write") output = [fixed ?? text];
    else if (fix === "dry-run" && fixed !== undefined) output = [unifiedDiff(report.path, text, fixed)];
  } else {
    const discovered = discoverFiles({
      root: cwd,
      targets: paths,
      include: settings.include,
      ignorePatterns: [...settings.ignorePatterns, ...opts.ignorePattern],
    });
    for (const s of discovered.skipped) ctx.warn(`${runOptions.displayPath(s.path)}: skipped: ${s.reason}`);
    if (discovered.files.length === 0 && paths.length > 0) {
      throw new UsageError(
        `no files matched ${paths.map((p) => `"${p}"`).join(", ")}`,
        "check the paths or globs",
      );
    }
    if (stream) {
      ctx.out(stream.begin(formatOptions));
      runOptions.onReport = (report) => ctx.out(stream.file(report, formatOptions));
    }
    const result = lintFiles(discovered.files, runOptions);
    files = result.files;
    counts = result.counts;
    output = result.output;
    if (result.fixedFiles > 0)
      ctx.info(`fixed ${result.fixedFiles} file${result.fixedFiles === 1 ? "" : "s"}`);
  }

  if (findingsToStderr) {
    ctx.out(output.join(""));
    const remaining = LINT_FORMATTERS.stylish(files, { ...formatOptions, chalk: ctx.errChalk });
    if (remaining) ctx.io.stderr.write(remaining);
  } else if (stream && !opts.stdin) {
    ctx.out(stream.end(counts, formatOptions));
  } else {
    ctx.out(LINT_FORMATTERS[opts.format](files, formatOptions));
  }
  if (counts.errors > 0) return ExitCode.checkFailed;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    ctx.warn(`${counts.warnings} warnings is over the maximum of ${maxWarnings} (--max-warnings)`);
    return ExitCode.checkFailed;
  }
  return ExitCode.ok;
}
