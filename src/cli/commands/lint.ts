import { type Command, Option } from "commander";
import { LINT_FORMAT_NAMES } from "../../report/lint/index.js";
import type { CliContext } from "../context.js";
import type { LintCommandOptions } from "../lint-run/lint.js";
import { action, type CommandDeps, collect, withExamples } from "../program.js";

// The linter (Markdown parser, glossary loaders) loads only when `lint` runs, so other commands
// start without it.

/** `supportops lint [paths…]`: check documents against the glossaries. */
export function registerLintCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("lint")
    .description("check Markdown, text and HTML documents against the glossaries (exit 1 on errors)")
    .argument(
      "[paths...]",
      "files, folders or globs (default: Markdown and text files under the current folder)",
    )
    .addOption(
      new Option("-f, --format <name>", "output format").choices(LINT_FORMAT_NAMES).default("stylish"),
    )
    .option(
      "-g, --glossary <file>",
      "glossary file (prh YAML, native YAML/JSON or CSV); repeatable, later wins",
      collect,
      [],
    )
    .option("--no-builtin", "leave out the built-in support-operations glossary")
    .option("--ignore-pattern <pattern>", "gitignore-style pattern of files to skip; repeatable", collect, [])
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--fix", "rewrite files, applying findings that have a single suggestion")
    .option("--fix-dry-run", "print the fixes as a unified diff instead of writing them")
    .option("--stdin", "lint the text on standard input")
    .option("--stdin-filename <name>", "file name for --stdin (picks Markdown/text/HTML and overrides)")
    .action(
      action(deps, async (ctx: CliContext, paths: string[], opts: LintCommandOptions) =>
        (await import("../lint-run/lint.js")).runLint(ctx, paths, opts),
      ),
    );
  withExamples(cmd, [
    "supportops lint",
    "supportops lint docs --glossary glossary/prh.yml --format sarif > lint.sarif",
    "supportops lint 'docs/**/*.md' --fix-dry-run",
    "cat draft.md | supportops lint --stdin --stdin-filename draft.md --lang ja",
  ]);
}
