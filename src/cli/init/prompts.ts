import { input, select } from "@inquirer/prompts";
import type { CliIO } from "../context.js";
import type { Prompter } from "./types.js";

/** Real prompts on the terminal; they draw on stderr so stdout stays for data. */
export function inquirerPrompter(io: CliIO): Prompter {
  const context = { input: io.stdin, output: io.stderr };
  return {
    input: (q) => input(q, context),
    select: (q) => select(q, context),
  };
}
