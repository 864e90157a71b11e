import type { ChalkInstance } from "chalk";
import type { Lang } from "../../i18n.js";
import type { FileReport, Finding } from "../../lint/types.js";

export type { FileReport, Finding };

export interface FormatOptions {
  /** Colour for stylish output (a level-0 instance prints plain text). */
  chalk: ChalkInstance;
  lang: Lang;
  /** Tool version for SARIF. */
  version: string;
}

/** A formatter turns the findings of a run into the text printed on stdout. */
export type LintFormatter = (files: readonly FileReport[], options: FormatOptions) => string;

/**
 * A formatter whose output is a concatenation of per-file parts, so a run can print each file's
 * findings as soon as it is linted and keep only the totals (memory flat in the number of files).
 */
export interface StreamingFormatter {
  begin(options: FormatOptions): string;
  file(report: FileReport, options: FormatOptions): string;
  end(totals: Totals, options: FormatOptions): string;
}

/** The whole-output form of a streaming formatter. */
export function whole(stream: StreamingFormatter): LintFormatter {
  return (files, options) =>
    stream.begin(options) +
    files.map((f) => stream.file(f, options)).join("") +
    stream.end(totals(files), options);
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
}

export function totals(files: readonly FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0 };
  for (const f of files) addTotals(t, f);
  return t;
}

/** Adds one file's findings to running totals. */
export function addTotals(t: Totals, file: FileReport): void {
  for (const x of file.findings) {
    if (x.severity === "error") t.errors++;
    else if (x.severity === "warning") t.warnings++;
    else t.infos++;
  }
}
