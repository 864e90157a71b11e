/** `glossary list`'s implementation, loaded only when it runs (see commands/glossary.ts). */
import type { CompiledRule } from "../../lint/rule.js";
import type { CliContext } from "../context.js";
import { ExitCode } from "../errors.js";
import { lintSettingsOf, loadRules } from "./lint.js";

export interface GlossaryListOptions {
  glossary: string[];
  builtin: boolean;
  json?: boolean;
}

function source(rule: CompiledRule): string {
  return rule.origin.line === undefined ? rule.origin.file : `${rule.origin.file}:${rule.origin.line}`;
}

export function listGlossary(ctx: CliContext, opts: GlossaryListOptions): number {
  const rules = loadRules(ctx, lintSettingsOf(ctx), opts);
  if (opts.json) {
    const rows = rules.map((r) => ({
      id: r.id,
      preferred: r.preferred,
      flagged: r.flagged,
      severity: r.severity,
      note: r.note ?? null,
      source: source(r),
    }));
    ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header =
    ctx.lang === "ja"
      ? ["推奨", "検出する表記", "重要度", "備考"]
      : ["preferred", "flagged", "severity", "note"];
  const lines = [header.join("\t")];
  for (const r of rules) lines.push([r.preferred, r.flagged, r.severity, r.note ?? ""].join("\t"));
  ctx.out(`${lines.join("\n")}\n`);
  return ExitCode.ok;
}
