import type { Command } from "commander";
import type { CommandDeps } from "../program.js";
import { registerCompletionCommand } from "./completion.js";
import { registerConfigCommand } from "./config.js";
import { registerCustomerCommand } from "./customer.js";
import { registerDormantCommand } from "./dormant.js";
import { registerGlossaryCommand } from "./glossary.js";
import { registerImportCommand } from "./import.js";
import { registerInitCommand } from "./init.js";
import { registerKpiCommand } from "./kpi.js";
import { registerLintCommand } from "./lint.js";
import { registerRfmCommand } from "./rfm.js";

/** One line per subcommand; each module builds its own command with injected dependencies. */
export function registerCommands(program: Command, deps: CommandDeps): void {
  void program;
  void deps;
  registerImportCommand(program, deps);
  registerKpiCommand(program, deps);
  registerConfigCommand(program, deps);
  registerCompletionCommand(program, deps);
  registerInitCommand(program, deps);
  registerLintCommand(program, deps);
  registerGlossaryCommand(program, deps);
  registerRfmCommand(program, deps);
  registerCustomerCommand(program, deps);
  registerDormantCommand(program, deps);
}
