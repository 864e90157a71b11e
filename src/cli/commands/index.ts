import type { Command } from "commander";
import type { CommandDeps } from "../program.js";

/** One line per subcommand; each module builds its own command with injected dependencies. */
export function registerCommands(program: Command, deps: CommandDeps): void {
  void program;
  void deps;
}
