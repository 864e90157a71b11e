import { resolve } from "node:path";
import type { EffectiveConfig } from "../config/defaults.js";
import { resolveConfigFor } from "../config/resolve.js";
import type { Lang } from "../i18n.js";
import {
  OUTPUT_ENCODINGS,
  type OutputEncoding,
  REPORT_FORMATS,
  type ReportFormat,
  UTF8_ONLY_FORMATS,
} from "../report/index.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";

/** `--format`: one of the report formats (default from config output.format, else "table"). */
export function parseFormat(value: string | undefined, fallback: ReportFormat = "table"): ReportFormat {
  if (value === undefined) return fallback;
  const format = REPORT_FORMATS.find((f) => f === value.toLowerCase());
  if (format === undefined) {
    throw new UsageError(
      `unknown format "${value}" for --format`,
      `use one of: ${REPORT_FORMATS.join(", ")}`,
    );
  }
  return format;
}

/** `--encoding`: utf8, utf8-bom or cp932 (aliases: utf-8, shift_jis, sjis, windows-31j). */
export function parseEncoding(value: string | undefined, fallback: OutputEncoding = "utf8"): OutputEncoding {
  if (value === undefined) return fallback;
  const normalised = value.toLowerCase().replace(/_/g, "-");
  const aliases: Record<string, OutputEncoding> = {
    "utf-8": "utf8",
    "utf-8-bom": "utf8-bom",
    "shift-jis": "cp932",
    sjis: "cp932",
    "windows-31j": "cp932",
  };
  const encoding = OUTPUT_ENCODINGS.find((e) => e === normalised) ?? aliases[normalised];
  if (encoding === undefined) {
    throw new UsageError(
      `unknown encoding "${value}" for --encoding`,
      `use one of: ${OUTPUT_ENCODINGS.join(", ")}`,
    );
  }
  return encoding;
}

/** JSON and HTML are UTF-8 by definition; asking for another encoding is a mistake worth naming. */
export function checkFormatEncoding(format: ReportFormat, encoding: OutputEncoding): void {
  if (encoding !== "utf8" && UTF8_ONLY_FORMATS.includes(format)) {
    throw new UsageError(
      `--encoding ${encoding} does not apply to --format ${format} (always UTF-8)`,
      "use --encoding with csv, markdown or table output, or leave it out",
    );
  }
}

export interface ReportSettings {
  /** The effective configuration with the command's --tz, --format and --encoding applied. */
  values: EffectiveConfig;
  format: ReportFormat;
  encoding: OutputEncoding;
  lang: Lang;
}

/**
 * What every report command resolves the same way: --format and --encoding checked first (aliases
 * such as sjis resolved) and then applied over the environment, the config file and the defaults.
 * An --encoding given for JSON or HTML is a usage error; one from the config is simply not used.
 */
export function resolveReportSettings(
  ctx: CliContext,
  flags: { tz?: string | undefined; format?: string | undefined; encoding?: string | undefined },
): ReportSettings {
  const { values } = resolveConfigFor(ctx, {
    timezone: flags.tz,
    format: flags.format === undefined ? undefined : parseFormat(flags.format),
    encoding: flags.encoding === undefined ? undefined : parseEncoding(flags.encoding),
  });
  const format = parseFormat(values.output.format);
  const encoding = parseEncoding(values.output.encoding);
  if (flags.encoding !== undefined) checkFormatEncoding(format, encoding);
  return { values, format, encoding, lang: values.output.lang };
}

/**
 * Writes report output: to stdout, or with `outPath` to a file written atomically (temporary file in
 * the same folder, then rename), so a reader never sees half a report. Relative paths resolve
 * against the context's working folder.
 */
export function writeOutput(ctx: CliContext, data: string | Buffer, outPath?: string): void {
  if (outPath === undefined || outPath === "-") {
    ctx.io.stdout.write(data);
    return;
  }
  const target = resolve(ctx.io.cwd, outPath);
  try {
    writeFileAtomic(target, data);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(
      `cannot write ${outPath}: ${reason}`,
      "check that the folder exists and is writable, or leave out --out to print to stdout",
    );
  }
  ctx.info(`wrote ${outPath}`);
}
