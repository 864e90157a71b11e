import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Argument, type Command, Option } from "commander";
import { resolveConfigFor, resolveStorePath } from "../../config/resolve.js";
import { INPUT_ENCODINGS, type InputEncoding } from "../../ingest/decode.js";
import type { DateOrder } from "../../ingest/normalize/index.js";
import { checkFile, type FileResult, type ImportOptions, importFile } from "../../ingest/pipeline.js";
import { BUILTIN_PROFILES, type Profile, type RecordKind } from "../../ingest/profiles/index.js";
import {
  DEFAULT_MAX_REJECTS,
  describeLimit,
  parseRejectLimit,
  type RejectLimit,
  writeRejects,
} from "../../ingest/rejects.js";
import { describeSource, type Source } from "../../ingest/source.js";
import { openStore, withLockHandling } from "../../store/db.js";
import { packageVersion } from "../../version.js";
import type { CliContext } from "../context.js";
import { DataError, ExitCode, TempFailError, UsageError } from "../errors.js";
import { action, type CommandDeps, withExamples } from "../program.js";
import { busyTimeoutOf, configProfiles } from "../store-access.js";
import { dryRunJson, importJson, renderDryRun, renderSummaryLine } from "./import-output.js";

interface ImportFlags {
  encoding: InputEncoding;
  tz?: string;
  dateOrder?: DateOrder;
  profile?: string;
  dryRun?: boolean;
  rejects?: string;
  maxRejects?: string;
  force?: boolean;
  json?: boolean;
}

function findProfile(name: string, kind: RecordKind, extra: Profile[]): Profile {
  const all = [...extra, ...BUILTIN_PROFILES];
  const p = all.find((x) => x.name === name);
  if (!p) {
    const names = all.filter((x) => x.kind === kind).map((x) => x.name);
    throw new UsageError(`unknown profile "${name}" for ${kind}`, `choose one of: ${names.join(", ")}`);
  }
  if (p.kind !== kind) throw new UsageError(`profile "${name}" is for ${p.kind}, not ${kind}`);
  return p;
}

/** Where a file's rejects go: --rejects, else next to the input, else (read-only folder) beside the store. */
function rejectsPathFor(
  source: Source,
  flag: string | undefined,
  many: boolean,
  ctx: CliContext,
  storePath: string,
): string {
  const stem = source.path ? basename(source.path, extname(source.path)) : "stdin";
  const name = `${stem}.rejects.csv`;
  if (flag) {
    const p = resolve(ctx.io.cwd, flag);
    const isDir = many || flag.endsWith("/") || (safeIsDir(p) ?? false);
    return isDir ? join(p, name) : p;
  }
  if (source.path) {
    const dir = dirname(source.path);
    if (writable(dir)) return join(dir, name);
  } else if (writable(ctx.io.cwd)) {
    return join(ctx.io.cwd, name);
  }
  return join(dirname(storePath), "rejects", name);
}

function safeIsDir(p: string): boolean | undefined {
  try {
    return statSync(p).isDirectory();
  } catch {
    return undefined;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function maxRejectsOf(flag: string | undefined, configured: string | number | undefined): RejectLimit {
  const text = flag ?? (configured === undefined ? undefined : String(configured));
  if (text === undefined) return DEFAULT_MAX_REJECTS;
  const limit = parseRejectLimit(text);
  if (!limit) {
    throw new UsageError(
      `invalid reject limit "${text}"${flag ? " (--max-rejects)" : " (import.max_rejects)"}`,
      "give a row count such as 100, or a percentage such as 1%",
    );
  }
  return limit;
}

async function run(ctx: CliContext, kind: RecordKind, files: string[], flags: ImportFlags): Promise<number> {
  if (files.filter((f) => f === "-").length > 1) throw new UsageError("stdin (-) can be given only once");
  const resolved = resolveConfigFor(ctx, { timezone: flags.tz });
  const extra = configProfiles(ctx);
  const forcedProfile = flags.profile ? findProfile(flags.profile, kind, extra) : undefined;
  const storePath = resolveStorePath(ctx);
  const maxRejects = maxRejectsOf(flags.maxRejects, ctx.config.config.import?.max_rejects);
  const sources = files.map((f) => describeSource(f, ctx.io.cwd));
  const base: Omit<ImportOptions, "rejectsPath"> = {
    kind,
    encoding: flags.encoding,
    timeZone: resolved.values.timezone,
    dateOrder: flags.dateOrder ?? ctx.config.config.import?.date_order,
    forcedProfile,
    extraProfiles: extra,
    maxRejects,
    force: flags.force === true,
    toolVersion: packageVersion(),
    now: () => Math.floor(Date.now() / 1000),
  };

  if (flags.dryRun) {
    const results: FileResult[] = [];
    for (const s of sources) results.push(await checkFile(s, ctx.io.stdin, { ...base, rejectsPath: null }));
    ctx.out(
      flags.json
        ? `${JSON.stringify(results.map(dryRunJson), null, 2)}\n`
        : results.map(renderDryRun).join("\n"),
    );
    return ExitCode.ok;
  }

  const busyTimeoutMs = busyTimeoutOf(ctx);
  const db = openStore({ path: storePath, busyTimeoutMs });
  const results: FileResult[] = [];
  let failed = false;
  try {
    for (const source of sources) {
      const rejectsPath = rejectsPathFor(source, flags.rejects, sources.length > 1, ctx, storePath);
      const progress = ctx.showProgress ? progressPrinter(ctx, source) : undefined;
      let result: FileResult;
      try {
        result = await withLockHandlingAsync(storePath, busyTimeoutMs, () =>
          importFile(db, source, ctx.io.stdin, { ...base, rejectsPath, onProgress: progress?.update }),
        );
      } catch (err) {
        progress?.clear();
        if (err instanceof DataError) {
          failed = true;
          ctx.io.stderr.write(`${ctx.errChalk.red("error:")} ${err.message}\n`);
          if (err.hint) ctx.io.stderr.write(`hint: ${err.hint}\n`);
          ctx.io.stderr.write(`${source.label}: nothing imported; the store is unchanged\n`);
          continue;
        }
        throw err;
      }
      progress?.clear();
      if (result.rejects.length > 0) {
        mkdirSync(dirname(rejectsPath), { recursive: true });
        writeRejects(rejectsPath, result.headers, result.rejects);
      }
      results.push(result);
      for (const w of result.warnings) ctx.warn(`${source.label}: ${w}`);
      if (result.status === "rejected-file") {
        failed = true;
        ctx.io.stderr.write(
          `${ctx.errChalk.red("error:")} ${source.label}: ${result.rejected} of ${result.rows} rows rejected, over the limit of ${describeLimit(maxRejects)}; nothing imported, the store is unchanged\n` +
            `rejects: ${rejectsPath}\nhint: fix the rows, or raise the limit with --max-rejects\n`,
        );
        continue;
      }
      ctx.info(renderSummaryLine(result, kind, result.rejected > 0 ? rejectsPath : null));
    }
  } finally {
    db.close();
  }
  if (flags.json) ctx.out(`${JSON.stringify(importJson(results), null, 2)}\n`);
  return failed ? ExitCode.dataError : ExitCode.ok;
}

async function withLockHandlingAsync<T>(path: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // The synchronous wrapper maps SQLITE_BUSY to TempFailError; reuse it for the async path.
    if (err instanceof TempFailError) throw err;
    return withLockHandling(path, timeoutMs, () => {
      throw err;
    });
  }
}

/** A one-line progress bar on stderr (only shown on an interactive stderr: see ctx.showProgress). */
function progressPrinter(ctx: CliContext, source: Source) {
  let shown = false;
  const width = 24;
  return {
    update(rows: number, bytes: number) {
      const rowText = `${rows.toLocaleString("en-US")} rows`;
      if (source.size) {
        const share = Math.min(1, bytes / source.size);
        const filled = Math.round(share * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        ctx.io.stderr.write(`\r${source.fileName} ${bar} ${Math.floor(share * 100)}%  ${rowText}  `);
      } else {
        ctx.io.stderr.write(`\r${source.fileName}: ${rowText}  `);
      }
      shown = true;
    },
    clear() {
      if (shown) ctx.io.stderr.write("\r\u001b[2K");
    },
  };
}

export function registerImportCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("import")
    .description("import ticket, survey or order exports into the store (one transaction per file)")
    .addArgument(
      new Argument("<kind>", "tickets, surveys or orders").choices(["tickets", "surveys", "orders"]),
    )
    .argument("<files...>", "CSV/TSV exports; - reads stdin")
    .addOption(
      new Option("--encoding <name>", "input encoding (default: detected from the bytes)")
        .choices([...INPUT_ENCODINGS])
        .default("auto"),
    )
    .option(
      "--tz <zone>",
      "time zone of timestamps without an offset (default: config timezone, $SUPPORTOPS_TZ, system)",
    )
    .addOption(
      new Option("--date-order <order>", "day order of ambiguous dates such as 01/02/2025").choices([
        "ymd",
        "dmy",
        "mdy",
      ]),
    )
    .option("--profile <name>", "use this profile instead of detecting one")
    .option(
      "--dry-run",
      "show the chosen profile, how each column maps, and what would be rejected; write nothing",
    )
    .option("--rejects <path>", "rejects file (or folder, with several inputs); default: next to the input")
    .option(
      "--max-rejects <n|pct>",
      "more rejected rows than this makes the file bad (exit 65, nothing imported); default 1%",
    )
    .option("--force", "import even if a file with the same SHA-256 was imported before")
    .option("--json", "print the summary as JSON on stdout")
    .action(
      action(deps, (ctx, kind: RecordKind, files: string[], flags: ImportFlags) =>
        run(ctx, kind, files, flags),
      ),
    );
  withExamples(cmd, [
    "supportops import tickets fixtures/tickets/zendesk.csv",
    "supportops import tickets export.csv --dry-run",
    "supportops import tickets ../shared/data/servicenow-incidents/incident_event_log.csv --json",
    "supportops import orders ../shared/data/cdnow/CDNOW_master.txt",
    "cat survey.csv | supportops import surveys - --encoding cp932",
  ]);
}
