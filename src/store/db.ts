import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DataError, SupportopsError, TempFailError } from "../errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

export type Db = Database.Database;

export interface OpenOptions {
  /** File path, or ":memory:" for ad-hoc runs. */
  path: string;
  /** How long to wait for another process's write lock, ms. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/** True for SQLite's "database is locked / busy" errors. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  return code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED";
}

/** Runs `fn`, turning a lock time-out into exit 75 with a message a cron log reader understands. */
export function withLockHandling<T>(path: string, timeoutMs: number, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isBusyError(err)) {
      throw new TempFailError(
        `the store ${path} is locked by another process (waited ${Math.round(timeoutMs / 1000)} s)`,
        "another import or report is writing to it; run again later",
      );
    }
    throw err;
  }
}

/**
 * Opens (creating if needed) a store: WAL so readers don't block the writer, a busy timeout so a
 * second writer waits instead of failing at once, and migrations up to SCHEMA_VERSION.
 */
export function openStore(opts: OpenOptions): Db {
  const timeout = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const memory = opts.path === ":memory:";
  if (!memory && !opts.readonly) mkdirSync(dirname(opts.path), { recursive: true });
  if (opts.readonly && !memory && !existsSync(opts.path)) {
    throw new SupportopsError(
      `no store at ${opts.path}`,
      2,
      "import data first: supportops import tickets FILE",
    );
  }
  let db: Db;
  try {
    db = new Database(opts.path, { readonly: opts.readonly === true, timeout });
  } catch (err) {
    throw new DataError(`cannot open the store ${opts.path}: ${(err as Error).message}`);
  }
  return withLockHandling(opts.path, timeout, () => {
    if (!memory && !opts.readonly) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Foreign keys are declared for readers and tools but not enforced (better-sqlite3 turns them
    // on by default): the importer writes the provenance row first, so a check per row buys nothing.
    db.pragma("foreign_keys = OFF");
    db.pragma("cache_size = -32768"); // 32 MiB
    if (!opts.readonly) migrate(db, opts.path);
    else checkVersion(db, opts.path);
    return db;
  });
}

function checkVersion(db: Db, path: string): void {
  const v = db.pragma("user_version", { simple: true }) as number;
  if (v > SCHEMA_VERSION) {
    throw new SupportopsError(
      `the store ${path} has schema version ${v}, newer than this supportops understands (${SCHEMA_VERSION})`,
      2,
      "upgrade supportops",
    );
  }
}

function migrate(db: Db, path: string): void {
  checkVersion(db, path);
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current === SCHEMA_VERSION) return;
  const run = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const v = db.pragma("user_version", { simple: true }) as number;
    for (let i = v; i < SCHEMA_VERSION; i++) {
      for (const sql of MIGRATIONS[i] ?? []) db.exec(sql);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}
