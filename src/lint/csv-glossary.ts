import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { ConfigError } from "../cli/errors.js";
import { type CompiledRule, compileTerm } from "./rule.js";
import { isSeverity, type Severity } from "./types.js";

/**
 * Glossaries kept in a spreadsheet, exported as CSV in UTF-8 (with or without BOM) or CP932.
 * Header names (English or Japanese): preferred/推奨, variants/表記ゆれ, note/備考, severity/重要度.
 * Variants are separated by "|", "、" or ";" within their cell.
 */
const HEADER_ALIASES: Record<string, "preferred" | "variants" | "note" | "severity" | "allow"> = {
  preferred: "preferred",
  推奨: "preferred",
  推奨表記: "preferred",
  正: "preferred",
  variants: "variants",
  variant: "variants",
  表記ゆれ: "variants",
  表記揺れ: "variants",
  誤: "variants",
  note: "note",
  notes: "note",
  備考: "note",
  severity: "severity",
  重要度: "severity",
  allow: "allow",
  許可: "allow",
};

const VARIANT_SPLIT = /[|、;；]/;

/** UTF-8 when the bytes are valid UTF-8, else CP932 (what Japanese Excel writes). */
export function decodeGlossaryBytes(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return iconv.decode(Buffer.from(bytes), "cp932");
  }
}

export function loadCsvGlossary(bytes: Uint8Array, path: string, fallback: Severity): CompiledRule[] {
  const text = decodeGlossaryBytes(bytes);
  let rows: string[][];
  let lineOf: number[];
  try {
    const records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    rows = records.map((r) => r.record);
    // info.lines is the line a record ends on; cells may span lines, so that is what we can name.
    lineOf = records.map((r) => r.info.lines);
  } catch (err) {
    throw new ConfigError(`${path}: cannot read CSV: ${(err as Error).message}`);
  }
  const header = rows[0];
  if (!header) return [];
  const columns = header.map((h) => HEADER_ALIASES[h.toLowerCase()]);
  const col = (name: string) => columns.indexOf(name as never);
  const iPreferred = col("preferred");
  const iVariants = col("variants");
  if (iPreferred < 0 || iVariants < 0) {
    throw new ConfigError(
      `${path}:1: a CSV glossary needs "preferred" and "variants" columns (found: ${header.join(", ")})`,
    );
  }
  const rules: CompiledRule[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = lineOf[r] ?? r + 1;
    const preferred = row[iPreferred] ?? "";
    const split = (i: number) =>
      i < 0
        ? []
        : (row[i] ?? "")
            .split(VARIANT_SPLIT)
            .map((v) => v.trim())
            .filter((v) => v.length > 0);
    const variants = split(iVariants);
    if (preferred === "" || variants.length === 0) {
      throw new ConfigError(`${path}:${line}: a row needs a preferred form and at least one variant`);
    }
    const rawSeverity = col("severity") < 0 ? "" : (row[col("severity")] ?? "").toLowerCase();
    if (rawSeverity !== "" && !isSeverity(rawSeverity)) {
      throw new ConfigError(`${path}:${line}: severity "${rawSeverity}" is not one of error, warning, info`);
    }
    const note = col("note") < 0 ? "" : (row[col("note")] ?? "");
    rules.push(
      compileTerm(
        {
          preferred,
          variants,
          allow: split(col("allow")),
          note: note === "" ? undefined : note,
          severity: rawSeverity === "" ? fallback : (rawSeverity as Severity),
        },
        { file: path, line },
        fallback,
      ),
    );
  }
  return rules;
}
