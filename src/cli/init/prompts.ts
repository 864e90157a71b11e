import type { CliIO } from "../context.js";
import type { Prompter } from "./types.js";

/**
 * Real prompts on the terminal; they draw on stderr so stdout stays for data. Inquirer is loaded
 * on the first question, so commands that never prompt don't pay for it at start-up.
 */
export function inquirerPrompter(io: CliIO): Prompter {
  const context = { input: io.stdin, output: io.stderr };
  const prompts = () => import("@inquirer/prompts");
  return {
    input: async (q) => (await prompts()).input(q, context),
    select: async (q) => (await prompts()).select(q, context),
  };
}
