/** Shared shapes of the glossary linter: severities, rules' public metadata, matches and findings. */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return value === "error" || value === "warning" || value === "info";
}

/** Where a rule came from, for messages and `glossary list`. */
export interface RuleOrigin {
  /** Glossary file path, or "builtin". */
  file: string;
  /** 1-based line of the rule's entry, when known. */
  line?: number | undefined;
}

/** A half-open span [start, end) of UTF-16 code units in a document. */
export interface Span {
  start: number;
  end: number;
}

/** One raw hit of a rule in a document, before directives and severities are applied. */
export interface RuleMatch extends Span {
  ruleId: string;
  /** The text found. */
  actual: string;
  /** Replacement candidates; a fix is applied only when there is exactly one. */
  suggestions: string[];
  /** True when the replacement equals the text (prh keeps these through overlap resolution). */
  noop: boolean;
  /** Index of the producing rule in the list given to the matcher (set by the matcher). */
  ruleIndex?: number;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  /** 1-based line and column (UTF-16 code units) of the start; endLine/endColumn of the end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  actual: string;
  suggestions: string[];
  message: string;
  note?: string | undefined;
  /** The text of the line the finding starts on, for carets. */
  lineText: string;
}

export interface FileReport {
  /** Path as shown to the user (relative to the working folder, forward slashes). */
  path: string;
  findings: Finding[];
}

/** Findings counted by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}
