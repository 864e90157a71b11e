import { displayWidth } from "../display-width.js";
import { type FormatOptions, type StreamingFormatter, type Totals, whole } from "./types.js";

const LABELS = {
  en: { error: "error", warning: "warning", info: "info" },
  ja: { error: "エラー", warning: "警告", info: "情報" },
} as const;

/** Grouped by file; each finding with its line and a caret under the flagged text. */
export const stylishStream: StreamingFormatter = {
  begin: () => "",
  file(file, { chalk, lang }) {
    if (file.findings.length === 0) return "";
    const out: string[] = [chalk.underline(file.path)];
    for (const f of file.findings) {
      const color = f.severity === "error" ? chalk.red : f.severity === "warning" ? chalk.yellow : chalk.blue;
      const note = f.note ? chalk.dim(`  ${f.note}`) : "";
      out.push(
        `  ${chalk.dim(`${f.line}:${f.column}`)}  ${color(LABELS[lang][f.severity])}  ${f.message}  ${chalk.dim(f.ruleId)}${note}`,
      );
      const gutter = String(f.line);
      const pad = " ".repeat(gutter.length);
      const text = f.lineText.replace(/\t/g, " ");
      const before = text.slice(0, f.column - 1);
      const width = f.endLine === f.line ? displayWidth(text.slice(f.column - 1, f.endColumn - 1)) : 1;
      out.push(`    ${chalk.dim(`${gutter} |`)} ${text}`);
      out.push(
        `    ${chalk.dim(`${pad} |`)} ${" ".repeat(displayWidth(before))}${color("^".repeat(Math.max(1, width)))}`,
      );
    }
    return `${out.join("\n")}\n\n`;
  },
  end: (t, options) => {
    const summary = summaryLine(t, options);
    return summary === "" ? "" : `${summary}\n`;
  },
};

export const stylish = whole(stylishStream);

function summaryLine(t: Totals, { chalk, lang }: FormatOptions): string {
  const n = t.errors + t.warnings + t.infos;
  if (n === 0) return "";
  const color = t.errors > 0 ? chalk.red.bold : t.warnings > 0 ? chalk.yellow.bold : chalk.blue.bold;
  if (lang === "ja") {
    return color(`✖ ${n} 件の問題（エラー ${t.errors}、警告 ${t.warnings}、情報 ${t.infos}）`);
  }
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return color(
    `✖ ${plural(n, "problem")} (${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}, ${plural(t.infos, "info")})`,
  );
}
