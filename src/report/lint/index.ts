import { checkstyle, checkstyleStream } from "./checkstyle.js";
import { github, githubStream } from "./github.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish, stylishStream } from "./stylish.js";
import type { LintFormatter, StreamingFormatter } from "./types.js";

/** The lint output formats by name (`--format`). */
export const LINT_FORMATTERS = { stylish, json, sarif, github, checkstyle } satisfies Record<
  string,
  LintFormatter
>;
export type LintFormatName = keyof typeof LINT_FORMATTERS;
export const LINT_FORMAT_NAMES = Object.keys(LINT_FORMATTERS) as LintFormatName[];

/** Formats that can print file by file; json and sarif need the whole run. */
export const STREAMING_LINT_FORMATTERS: Partial<Record<LintFormatName, StreamingFormatter>> = {
  stylish: stylishStream,
  github: githubStream,
  checkstyle: checkstyleStream,
};

export type { FormatOptions, LintFormatter, StreamingFormatter } from "./types.js";
