import { existsSync } from "node:fs";
import { resolveConfigFor, resolveStorePath } from "../config/resolve.js";
import { type ImportOptions, importFile } from "../ingest/pipeline.js";
import { foldHeader, type Profile, type RecordKind } from "../ingest/profiles/index.js";
import { DEFAULT_MAX_REJECTS, describeLimit } from "../ingest/rejects.js";
import { describeSource } from "../ingest/source.js";
import { type Db, DEFAULT_BUSY_TIMEOUT_MS, openStore } from "../store/db.js";
import { openScratchStore } from "../store/scratch.js";
import { packageVersion } from "../version.js";
import type { CliContext } from "./context.js";
import { DataError, UsageError } from "./errors.js";

/** Files given on a report's command line (`--tickets FILE` …) instead of the store. */
export type AdHocFiles = Partial<Record<RecordKind, string[]>>;

export function hasAdHocFiles(files: AdHocFiles): boolean {
  return Object.values(files).some((f) => f !== undefined && f.length > 0);
}

/**
 * The store a report reads: the persistent one, or (when files are given) a temporary store
 * the files are imported into first, through the same import pipeline, so a report over files
 * and a report over the store run the same code. Closing it deletes it.
 */
export async function openStoreFor(
  ctx: CliContext,
  opts: { files?: AdHocFiles; write?: boolean; timezone?: string | undefined } = {},
): Promise<Db> {
  const files = opts.files ?? {};
  if (hasAdHocFiles(files)) return importAdHoc(ctx, files, opts.timezone);
  const path = resolveStorePath(ctx);
  if (!existsSync(path)) {
    throw new UsageError(
      `no store at ${path}`,
      "import data first (supportops import tickets FILE), point --db at a store, or give files (--tickets FILE)",
    );
  }
  return openStore({ path, busyTimeoutMs: busyTimeoutOf(ctx), readonly: opts.write !== true });
}

async function importAdHoc(ctx: CliContext, files: AdHocFiles, timezone: string | undefined): Promise<Db> {
  const db = openScratchStore();
  const resolved = resolveConfigFor(ctx, { timezone });
  const base: ImportOptions = {
    kind: "tickets",
    encoding: "auto",
    timeZone: resolved.values.timezone,
    dateOrder: ctx.config.config.import?.date_order,
    forcedProfile: undefined,
    extraProfiles: configProfiles(ctx),
    maxRejects: DEFAULT_MAX_REJECTS,
    rejectsPath: null,
    force: true,
    toolVersion: packageVersion(),
    now: () => Math.floor(Date.now() / 1000),
  };
  try {
    for (const kind of ["tickets", "surveys", "orders"] as const) {
      for (const file of files[kind] ?? []) {
        const source = describeSource(file, ctx.io.cwd);
        const r = await importFile(db, source, ctx.io.stdin, { ...base, kind });
        if (r.status === "rejected-file") {
          throw new DataError(
            `${r.rejected} of ${r.rows} rows rejected, over the limit of ${describeLimit(base.maxRejects)}`,
            { file: source.label, line: r.rejects[0]?.line },
            `first: ${r.rejects[0]?.reason ?? ""}; check it with: supportops import ${kind} ${file} --dry-run`,
          );
        }
        // As `import` does: what the file's data needs said (a truncated export, unknown values).
        for (const w of r.warnings) ctx.warn(`${source.label}: ${w}`);
        if (r.rejected > 0) {
          const first = r.rejects[0];
          ctx.warn(
            `${source.label}: ${r.rejected} rows skipped${first ? ` (first, line ${first.line}: ${first.reason})` : ""}; supportops import ${kind} ${file} --dry-run lists them`,
          );
        }
        ctx.debug(`${source.label}: ${r.rows} rows as ${kind} via ${r.profile}`);
      }
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Column mappings from the config file, as profiles that take part in detection. */
export function configProfiles(ctx: CliContext): Profile[] {
  const mapped = ctx.config.config.import?.profiles ?? {};
  return Object.entries(mapped).map(([name, m]) => ({
    name,
    label: `config profile "${name}"`,
    kind: m.kind,
    headers: Object.fromEntries(Object.entries(m.columns).map(([h, f]) => [foldHeader(h), f])),
    distinctive: Object.keys(m.columns).map(foldHeader),
    ...(m.date_order ? { dateOrder: m.date_order } : {}),
  }));
}

/** How long to wait for another process's lock: $SUPPORTOPS_BUSY_TIMEOUT_MS, default 30 s. */
export function busyTimeoutOf(ctx: CliContext): number {
  const raw = ctx.io.env.SUPPORTOPS_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === "") return DEFAULT_BUSY_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new UsageError(`SUPPORTOPS_BUSY_TIMEOUT_MS=${raw}: expected a whole number of milliseconds`);
  }
  return ms;
}
