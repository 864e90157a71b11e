import { delimiterName, type FileResult } from "../../ingest/pipeline.js";
import type { RecordKind } from "../../ingest/profiles/index.js";
import { displayWidth } from "../../report/display-width.js";

const n = (x: number) => x.toLocaleString("en-US");

/** One stderr line per file: what was read and what happened to it. */
export function renderSummaryLine(r: FileResult, kind: RecordKind, rejectsPath: string | null): string {
  if (r.status === "skipped") {
    const p = r.previousImport;
    const when = p ? new Date(p.imported_at * 1000).toISOString().replace(".000Z", "Z") : "";
    return `${r.file}: skipped, already imported${p ? ` as import #${p.import_id} (${p.file_name}, ${when})` : ""}; --force imports it again`;
  }
  const parts = [
    `${n(r.rows)} rows`,
    `${n(r.inserted)} inserted`,
    `${n(r.updated)} updated`,
    `${n(r.unchanged)} unchanged`,
    `${n(r.rejected)} rejected`,
  ];
  if (r.collapsed > 0) parts.push(`${n(r.collapsed)} event rows collapsed`);
  const line = `${r.file}: ${kind} via ${r.profile}: ${parts.join(", ")} in ${r.seconds.toFixed(1)} s`;
  return rejectsPath ? `${line}\n  rejects: ${rejectsPath}` : line;
}

/** The --dry-run report: profile, why, encoding, and how every column maps. */
export function renderDryRun(r: FileResult): string {
  const d = r.detection;
  const lines = [
    `file:      ${r.file}`,
    `profile:   ${r.profile} (${r.profileReason})`,
    `encoding:  ${r.encoding}`,
    `delimiter: ${delimiterName(r.delimiter)}`,
    `header:    ${d?.headerRows ?? 0} row(s)`,
    "columns:",
  ];
  const width = Math.max(6, ...(d?.columns ?? []).map((c) => displayWidth(c.header)));
  for (const c of d?.columns ?? []) {
    const pad = " ".repeat(Math.max(0, width - displayWidth(c.header)));
    const target = c.target
      ? `→ ${c.target.field}${c.target.unit ? ` (${c.target.unit})` : ""}${c.target.surveyKind ? ` [${c.target.surveyKind}]` : ""}`
      : `  (ignored${c.note ? `: ${c.note}` : ""})`;
    lines.push(`  ${String(c.index + 1).padStart(3)}  ${c.header}${pad}  ${target}`);
  }
  lines.push(`rows:      ${n(r.rows)} read, ${n(r.rejected)} would be rejected`);
  for (const x of r.rejects.slice(0, 10)) lines.push(`  line ${x.line}: ${x.reason}`);
  if (r.rejected > 10) lines.push(`  … and ${n(r.rejected - 10)} more`);
  for (const w of r.warnings) lines.push(`warning:   ${w}`);
  return `${lines.join("\n")}\n`;
}

/** --dry-run --json: the detection and mapping of one file. */
export function dryRunJson(r: FileResult) {
  return {
    file: r.file,
    profile: r.profile,
    reason: r.profileReason,
    encoding: r.encoding,
    delimiter: delimiterName(r.delimiter),
    header_rows: r.detection?.headerRows ?? 0,
    columns: (r.detection?.columns ?? []).map((c) => ({
      column: c.index + 1,
      header: c.header,
      field: c.target?.field ?? null,
      ...(c.target?.unit ? { unit: c.target.unit } : {}),
      ...(c.target?.surveyKind ? { survey_kind: c.target.surveyKind } : {}),
      ...(c.note ? { note: c.note } : {}),
    })),
    rows: r.rows,
    rejected: r.rejected,
    ...truncatedJson(r),
    rejects: r.rejects
      .slice(0, 20)
      .map((x) => ({ line: x.line, column: x.column, field: x.field, reason: x.reason })),
    warnings: r.warnings,
  };
}

/** `truncated`, when the file ended with its vendor's truncation notice (docs/import.md). */
function truncatedJson(r: FileResult) {
  const t = r.truncated;
  return t ? { truncated: { line: t.line, limit: t.limit, notice: t.text } } : {};
}

/** --json: totals over the imported files, then each file. */
export function importJson(results: FileResult[]) {
  const sum = (k: "rows" | "inserted" | "updated" | "unchanged" | "rejected" | "collapsed") =>
    results.filter((r) => r.status === "imported").reduce((a, r) => a + r[k], 0);
  return {
    rows: sum("rows"),
    inserted: sum("inserted"),
    updated: sum("updated"),
    unchanged: sum("unchanged"),
    rejected: sum("rejected"),
    collapsed: sum("collapsed"),
    files: results.map((r) => ({
      file: r.file,
      status: r.status,
      profile: r.profile || null,
      sha256: r.sha256,
      rows: r.rows,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      collapsed: r.collapsed,
      seconds: Math.round(r.seconds * 1000) / 1000,
      ...truncatedJson(r),
      warnings: r.warnings,
      ...(r.previousImport ? { previous_import: r.previousImport } : {}),
    })),
  };
}
