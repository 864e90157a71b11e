import type { Lang } from "../i18n.js";
import { anchorIndex } from "./anchor-index.js";
import { disabledRegions, isDisabled } from "./directives.js";
import { LineIndex } from "./lines.js";
import { matchDocument } from "./matcher.js";
import { findingMessage } from "./messages.js";
import type { CompiledRule } from "./rule.js";
import {
  DEFAULT_MARKDOWN_OPTIONS,
  type DocumentKind,
  type MarkdownOptions,
  scanDocument,
} from "./scanner.js";
import type { Finding, Severity } from "./types.js";

/** The linting kernel: text in, findings out; no file I/O. */
export interface LintTextOptions {
  rules: readonly CompiledRule[];
  kind: DocumentKind;
  lang: Lang;
  markdown?: MarkdownOptions | undefined;
  /** Severity of a rule in this document ("off" drops it); default: the rule's own. */
  severityOf?: ((rule: CompiledRule) => Severity | "off") | undefined;
}

/**
 * A copy that does not share memory with the document: V8 keeps a sliced string's whole parent
 * alive, so findings holding slices would keep every linted file in memory until the report.
 */
function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8");
}

export function lintText(text: string, opts: LintTextOptions): Finding[] {
  // Cheap first: a document none of whose rules' anchors occur needs no parse at all.
  const scan = anchorIndex(opts.rules).scan(text);
  if (!scan.anyCandidate) return [];
  const scanned = scanDocument(text, opts.kind, opts.markdown ?? DEFAULT_MARKDOWN_OPTIONS);
  const matches = matchDocument(text, scanned.ranges, opts.rules, scan);
  if (matches.length === 0) return [];
  const regions = disabledRegions(text, scanned.directives);
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  for (const m of matches) {
    if (m.noop) continue;
    const rule = opts.rules[m.ruleIndex ?? -1];
    if (rule === undefined) continue;
    const severity = opts.severityOf ? opts.severityOf(rule) : rule.severity;
    if (severity === "off") continue;
    if (regions.length > 0 && isDisabled(regions, m.start, rule.id, m.actual)) continue;
    const start = lines.position(m.start);
    const end = lines.position(m.end);
    findings.push({
      ruleId: rule.id,
      severity,
      start: m.start,
      end: m.end,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      actual: detach(m.actual),
      suggestions: m.suggestions.map(detach),
      message: findingMessage(m.actual, m.suggestions, opts.lang),
      note: rule.note,
      lineText: detach(lines.lineText(start.line)),
    });
  }
  return findings;
}
