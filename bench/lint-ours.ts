import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fg from "fast-glob";
import { lintText } from "../src/lint/lint-text.js";
import { loadPrhFile } from "../src/lint/prh-loader.js";
import type { MarkdownOptions } from "../src/lint/scanner.js";
import type { Observed } from "./lint-textlint.js";

/** textlint-rule-prh's defaults: link text, blockquotes and emphasis are not checked. */
export const TEXTLINT_PRH_MARKDOWN: MarkdownOptions = {
  headings: true,
  links: false,
  referenceLinks: true,
  blockquotes: false,
  emphasis: false,
  tables: true,
};

/**
 * Our linter over `glob` with a prh dictionary, in-process (dictionary loading included); returns
 * findings, wall seconds and the process's CPU seconds (which other processes on the machine do
 * not inflate as much as wall time).
 */
export function runOurs(
  dictionary: string,
  glob: string,
): { findings: Observed[]; seconds: number; cpuSeconds: number } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const rules = loadPrhFile(dictionary, { severity: "error" });
  const findings: Observed[] = [];
  for (const file of fg.sync(glob, { absolute: true })) {
    const text = readFileSync(file, "utf8");
    for (const f of lintText(text, {
      rules,
      kind: "markdown",
      lang: "en",
      markdown: TEXTLINT_PRH_MARKDOWN,
    })) {
      findings.push({
        file: resolve(file),
        line: f.line,
        column: f.column,
        expected: f.suggestions[0] ?? "",
      });
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { findings, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export function keyOf(o: Observed): string {
  return `${o.file}:${o.line}:${o.column}\t${o.expected}`;
}
