import type { Command } from "commander";
import type { CliContext } from "../context.js";
import type { GlossaryListOptions } from "../lint-run/glossary.js";
import { action, type CommandDeps, collect, withExamples } from "../program.js";

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
      .action(
        action(deps, async (ctx: CliContext, opts: GlossaryListOptions) =>
          (await import("../lint-run/glossary.js")).listGlossary(ctx, opts),
        ),
      ),
    ["supportops glossary list", "supportops glossary list --glossary glossary/prh.yml --json"],
  );
}
