/** Report rendering: one entry point from a report model to the bytes or text a command writes. */
import type { ChalkInstance } from "chalk";
import { renderCsv } from "./csv.js";
import { encodeText, type OutputEncoding } from "./encode.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import type { Lang, Report } from "./model.js";
import { renderTable } from "./table.js";

export type ReportFormat = "table" | "json" | "csv" | "markdown" | "html";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "csv", "markdown", "html"];

/** Formats whose bytes are defined as UTF-8 (JSON by RFC 8259; HTML declares charset utf-8). */
export const UTF8_ONLY_FORMATS: readonly ReportFormat[] = ["json", "html"];

export interface RenderReportOptions {
  lang: Lang;
  /** Used by the table format only; other formats carry no terminal colour. */
  chalk: ChalkInstance;
  /** Default "utf8". Only csv, markdown and table can be re-encoded. */
  encoding?: OutputEncoding;
}

export interface RenderedReport {
  /** Text when UTF-8 without BOM, otherwise the encoded bytes. */
  data: string | Buffer;
  /** For stderr, e.g. characters CP932 could not hold. */
  warnings: string[];
}

function renderText(report: Report, format: ReportFormat, options: RenderReportOptions): string {
  switch (format) {
    case "table":
      return renderTable(report, { lang: options.lang, chalk: options.chalk });
    case "json":
      return renderJson(report);
    case "csv":
      return renderCsv(report, { lang: options.lang });
    case "markdown":
      return renderMarkdown(report, { lang: options.lang });
    case "html":
      return renderHtml(report, { lang: options.lang });
  }
}

export function renderReport(
  report: Report,
  format: ReportFormat,
  options: RenderReportOptions,
): RenderedReport {
  const text = renderText(report, format, options);
  const encoding = options.encoding ?? "utf8";
  if (encoding === "utf8" || UTF8_ONLY_FORMATS.includes(format)) return { data: text, warnings: [] };
  const encoded = encodeText(text, encoding);
  const warnings: string[] = [];
  if (encoded.replacedCount > 0) {
    const shown = encoded.replacedChars.slice(0, 10).join(" ");
    warnings.push(
      `${encoded.replacedCount} character(s) cannot be written in ${encoding} and were replaced by "?": ${shown}`,
    );
  }
  return { data: encoded.data, warnings };
}

export type { OutputEncoding } from "./encode.js";
export { OUTPUT_ENCODINGS } from "./encode.js";
export * from "./model.js";
