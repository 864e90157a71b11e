import { type Command, Option } from "commander";
import { CliContext, type CliIO, type GlobalOptions } from "./context.js";

/** State shared between the program and its command actions for one run. */
export interface RunState {
  exitCode: number;
  debug: boolean;
}

/** What a command module needs to build itself. */
export interface CommandDeps {
  io: CliIO;
  state: RunState;
}

export type CommandAction<A extends unknown[]> = (
  ctx: CliContext,
  ...args: A
) => Promise<number | undefined> | number | undefined;

/**
 * Wraps an action: builds the context from the global options and records the exit code it returns.
 * Errors propagate to main(), which maps them to exit codes in one place.
 */
export function action<A extends unknown[]>(deps: CommandDeps, fn: CommandAction<A>) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals() as GlobalOptions;
    deps.state.debug = globals.debug === true;
    const ctx = new CliContext(deps.io, globals);
    const code = await fn(ctx, ...(args.slice(0, -1) as A));
    deps.state.exitCode = code ?? 0;
  };
}

/** Commander option parser for repeatable options: `--glossary a --glossary b` → ["a", "b"]. */
export const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** Adds an "Examples:" block to a command's --help. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
}

export function globalOptions(program: Command): Command {
  return program
    .option(
      "--config <path>",
      "configuration file (default: supportops.config.yaml found from the current folder up)",
    )
    .option(
      "--db <path>",
      "store file (default: $SUPPORTOPS_DB, config store.path, or ./.supportops/supportops.db)",
    )
    .option("-q, --quiet", "no progress or status messages on stderr (warnings and errors still print)")
    .option("--no-color", "no colour, even on a terminal (NO_COLOR and TERM=dumb also turn it off)")
    .option("--no-input", "never prompt; fail naming the flag or config key that answers the question")
    .option("--debug", "show stack traces and debug messages")
    .addOption(
      new Option("--lang <lang>", "report label language (default: from LANG)").choices(["en", "ja"]),
    );
}
