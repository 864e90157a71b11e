import { type Command, Option } from "commander";
import { resolveConfigFor } from "../../config/resolve.js";
import type { CliIO } from "../context.js";
import { inspectWith } from "../init/inspect.js";
import { inquirerPrompter } from "../init/prompts.js";
import type { InitOptions } from "../init/run.js";
import type { InspectExport, Prompter } from "../init/types.js";
import { action, type CommandDeps, collect, withExamples } from "../program.js";

export interface InitCommandServices {
  /** The ingest module's detector; a header-only fallback is used until it is wired in. */
  inspectExport?: InspectExport;
  /** Replaces the terminal prompts (tests). */
  prompter?: (io: CliIO) => Prompter;
}

/** `supportops init`: writes supportops.config.yaml from a wizard, flags, or defaults. */
export function registerInitCommand(
  program: Command,
  deps: CommandDeps,
  services: InitCommandServices = {},
): void {
  const cmd = program
    .command("init")
    .description(
      "create supportops.config.yaml: time zone, hours, SLA, targets, glossary, store, column mapping",
    )
    .option("-y, --yes", "accept the default for every question not given by a flag")
    .option("--force", "replace an existing file")
    .option("-o, --output <file>", "file to write", "supportops.config.yaml")
    .option("--timezone <zone>", "IANA time zone of your exports (default: the system's)")
    .option("--hours <schedule>", 'business hours, e.g. "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-15:00"')
    .addOption(new Option("--holidays <calendar>", "holiday calendar").choices(["japan", "none"]))
    .option("--sla-first-response <duration>", "SLA first-response target, e.g. 8h")
    .option("--sla-resolution <duration>", "SLA resolution target, e.g. 3d")
    .option("--csat-target <percent>", "CSAT target (% positive) for kpi --check")
    .option("--sla-target <percent>", "SLA compliance target (%) for kpi --check")
    .option(
      "--glossary <builtin|none|file>",
      "lint glossary: the built-in one, none, or a file (plus built-in)",
    )
    .option("--store <path>", "store file, relative to the config file")
    .option("--sample <file>", "a sample export whose columns to map into a named profile")
    .addOption(new Option("--kind <kind>", "what the sample holds").choices(["tickets", "surveys", "orders"]))
    .option("--profile <name>", "name of the saved column mapping (import --profile NAME)")
    .option(
      "--map <header=field>",
      'answer for one column, e.g. "受付No=ticket_id" ("Header=-" skips it); repeatable',
      collect,
    )
    .action(
      action(deps, async (ctx, opts: InitOptions) => {
        // Loaded when init runs: it brings the YAML writer, which no other command needs at start-up.
        const { runInit } = await import("../init/run.js");
        return runInit(ctx, opts, {
          inspectExport:
            services.inspectExport ??
            inspectWith(ctx.io.cwd, opts.timezone ?? resolveConfigFor(ctx).values.timezone),
          prompter: ctx.interactive ? (services.prompter ?? inquirerPrompter)(ctx.io) : undefined,
        });
      }),
    );
  withExamples(cmd, [
    "supportops init",
    "supportops init --yes --timezone Asia/Tokyo",
    'supportops init --yes --sample export.csv --kind tickets --profile helpdesk --map "受付No=ticket_id"',
  ]);
}
