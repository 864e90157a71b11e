import type { Command } from "commander";
import type { CompiledRule } from "../../lint/rule.js";
import type { CliContext } from "../context.js";
import { ExitCode } from "../errors.js";
import { action, type CommandDeps, withExamples } from "../program.js";
import { lintSettingsOf, loadRules } from "./lint.js";

interface GlossaryListOptions {
  glossary: string[];
  builtin: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `supportops glossary list`: the rules `lint` would use, with where each came from. */
export function registerGlossaryCommand(program: Command, deps: CommandDeps): void {
  const glossary = program.command("glossary").description("show the glossaries supportops lint uses");
  withExamples(
    glossary
      .command("list")
      .description("list the terms: preferred form, flagged variants, severity, note and source")
      .option(
        "-g, --glossary <file>",
        "add a glossary file, as lint --glossary does; repeatable",
        collect,
        [],
      )
      .option("--no-builtin", "leave out the built-in support-operations glossary")
      .option("--json", "machine-readable output: [{ id, preferred, flagged, severity, note, source }]")
      .action(action(deps, (ctx: CliContext, opts: GlossaryListOptions) => listGlossary(ctx, opts))),
    ["supportops glossary list", "supportops glossary list --glossary glossary/prh.yml --json"],
  );
}

function source(rule: CompiledRule): string {
  return rule.origin.line === undefined ? rule.origin.file : `${rule.origin.file}:${rule.origin.line}`;
}

function listGlossary(ctx: CliContext, opts: GlossaryListOptions): number {
  const rules = loadRules(ctx, lintSettingsOf(ctx), opts);
  if (opts.json) {
    const rows = rules.map((r) => ({
      id: r.id,
      preferred: r.preferred,
      flagged: r.flagged,
      severity: r.severity,
      note: r.note ?? null,
      source: source(r),
    }));
    ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header =
    ctx.lang === "ja"
      ? ["推奨", "検出する表記", "重要度", "備考"]
      : ["preferred", "flagged", "severity", "note"];
  const lines = [header.join("\t")];
  for (const r of rules) lines.push([r.preferred, r.flagged, r.severity, r.note ?? ""].join("\t"));
  ctx.out(`${lines.join("\n")}\n`);
  return ExitCode.ok;
}
