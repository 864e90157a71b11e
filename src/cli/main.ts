import { Command, CommanderError } from "commander";
import { packageVersion } from "../version.js";
import { registerCommands } from "./commands/index.js";
import { type CliIO, colorEnabled, processIO } from "./context.js";
import { ExitCode, SupportopsError } from "./errors.js";
import { globalOptions, type RunState, withExamples } from "./program.js";

export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command("supportops");
  program
    .description(
      "Support-operations toolkit: import exports, report KPIs, segment customers, lint documents.",
    )
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    });
  globalOptions(program);
  withExamples(program, [
    "supportops import tickets fixtures/tickets/zendesk.csv",
    "supportops import tickets export.csv --dry-run",
    "supportops import orders ../shared/data/cdnow/CDNOW_master.txt --json",
  ]);
  registerCommands(program, { io, state });
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit (bin/ sets process.exitCode). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: RunState = { exitCode: ExitCode.ok, debug: argv.includes("--debug") };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (err) {
    return reportError(err, io, state.debug);
  }
}

function reportError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version "errors" are successful exits; commander has already printed the message.
    if (
      err.code === "commander.helpDisplayed" ||
      err.code === "commander.version" ||
      err.code === "commander.help"
    ) {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  const color = colorEnabled({ ...io, stdout: io.stderr }, undefined);
  const red = (s: string) => (color ? `\u001b[31m${s}\u001b[39m` : s);
  if (err instanceof SupportopsError) {
    io.stderr.write(`${red("error:")} ${err.message}\n`);
    if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
    if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`${red("internal error:")} ${e.message}\n`);
  if (debug) io.stderr.write(`${e.stack ?? ""}\n`);
  else io.stderr.write("This is a bug in supportops. Run again with --debug for details and report it.\n");
  return ExitCode.internal;
}
