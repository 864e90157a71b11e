import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { checkConfigText, locateConfigFile } from "../../config/load.js";
import { type ResolvedConfig, resolveConfigFor } from "../../config/resolve.js";
import { type ConfigIssue, formatIssue } from "../../config/validate.js";
import type { CliContext } from "../context.js";
import { ConfigError, ExitCode } from "../errors.js";
import { action, type CommandDeps, withExamples } from "../program.js";

/** `supportops config show | validate`. */
export function registerConfigCommand(program: Command, deps: CommandDeps): void {
  const config = program
    .command("config")
    .description("show or check the configuration (supportops.config.yaml)");

  withExamples(
    config
      .command("show")
      .description("print the effective configuration and where each value came from")
      .option("--json", "machine-readable output: { file, values, sources }")
      .action(action(deps, (ctx: CliContext, opts: { json?: boolean }) => showConfig(ctx, opts))),
    ["supportops config show", "SUPPORTOPS_TZ=UTC supportops config show --json"],
  );

  withExamples(
    config
      .command("validate")
      .description("check a configuration file against the schema; exit 0 when valid, 2 otherwise")
      .argument("[file]", "file to check (default: the one supportops would use)")
      .option("--json", "machine-readable output: { file, valid, issues }")
      .action(
        action(deps, (ctx: CliContext, file: string | undefined, opts: { json?: boolean }) =>
          validateConfig(ctx, file, opts),
        ),
      ),
    ["supportops config validate", "supportops config validate ci/supportops.config.yaml --json"],
  );
}

function showConfig(ctx: CliContext, opts: { json?: boolean }): number {
  const resolved = resolveConfigFor(ctx);
  if (opts.json) {
    ctx.out(
      `${JSON.stringify({ file: resolved.file ?? null, values: resolved.values, sources: resolved.sources }, null, 2)}\n`,
    );
  } else {
    ctx.out(renderSettings(resolved));
  }
  return ExitCode.ok;
}

/** One line per setting: key, value, and where it came from. */
export function renderSettings(resolved: ResolvedConfig): string {
  const rows = Object.keys(resolved.sources)
    .sort()
    .map((key) => {
      const origin = resolved.sources[key];
      const from = origin ? (origin.source === "file" ? "file" : `${origin.source} (${origin.detail})`) : "";
      return [key, formatValue(valueAt(resolved.values, key)), from] as const;
    });
  const keyWidth = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => r[1].length)));
  const header = `# ${resolved.file ? `file: ${resolved.file}` : "no configuration file found; defaults apply"}\n`;
  return (
    header +
    rows.map(([k, v, s]) => `${k.padEnd(keyWidth)}  ${v.padEnd(valueWidth)}  ${s}`.trimEnd()).join("\n") +
    "\n"
  );
}

function valueAt(values: object, dotted: string): unknown {
  let node: unknown = values;
  for (const part of dotted.split(".")) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function validateConfig(ctx: CliContext, file: string | undefined, opts: { json?: boolean }): number {
  const { path } = file
    ? { path: resolve(ctx.io.cwd, file) }
    : locateConfigFile({ explicitPath: ctx.opts.config, cwd: ctx.io.cwd, env: ctx.io.env });
  if (!path) {
    throw new ConfigError(
      "no configuration file found (supportops.config.yaml from here up to the repository root)",
      "pass the file, use --config, or run `supportops init` to create one",
    );
  }
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${path}`);
  const { issues } = checkConfigText(readFileSync(path, "utf8"));
  if (opts.json) {
    ctx.out(`${JSON.stringify({ file: path, valid: issues.length === 0, issues }, null, 2)}\n`);
  } else {
    reportIssues(ctx, path, issues);
  }
  return issues.length === 0 ? ExitCode.ok : ExitCode.usage;
}

function reportIssues(ctx: CliContext, path: string, issues: ConfigIssue[]): void {
  if (issues.length === 0) {
    ctx.info(`${path}: valid`);
    return;
  }
  for (const issue of issues) ctx.io.stderr.write(`${formatIssue(path, issue)}\n`);
  ctx.io.stderr.write(`${issues.length} problem${issues.length === 1 ? "" : "s"} in ${path}\n`);
}
