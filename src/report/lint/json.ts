import { type LintFormatter, totals } from "./types.js";

/**
 * Stable JSON (documented in docs/lint.md): version, files with their findings, totals.
 * Offsets are UTF-16 code units from the start of the file; lines and columns are 1-based.
 */
export const json: LintFormatter = (files) => {
  const doc = {
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        offset: x.start,
        endOffset: x.end,
        actual: x.actual,
        suggestions: x.suggestions,
        message: x.message,
        note: x.note ?? null,
      })),
    })),
    totals: totals(files),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
