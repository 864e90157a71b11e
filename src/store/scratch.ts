import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openStore } from "./db.js";

/**
 * A throw-away store for reports over files (`kpi --tickets FILE`): a fresh file in a private
 * temporary folder rather than ":memory:", so a million imported rows live in the file (and the
 * OS's page cache), not in the process's memory. No durability is needed: the rollback journal is
 * kept in memory (a rejected file still rolls back) and nothing is synced. Closing the store
 * removes the folder; callers close it as they close any store.
 */
export function openScratchStore(): Db {
  const dir = mkdtempSync(join(tmpdir(), "supportops-"));
  let db: Db;
  try {
    db = openStore({ path: join(dir, "scratch.db") });
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
    // The file sits in the OS's page cache anyway; a smaller SQLite cache keeps the report's peak
    // memory (the imported table plus the KPI arrays) lower.
    db.pragma("cache_size = -8192");
    // The tickets' customer index serves lookups a one-report store never repeats (reports read
    // tickets through the column cache); not building it saves about a second per million rows.
    db.exec("DROP INDEX IF EXISTS tickets_customer");
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const close = db.close.bind(db);
  db.close = () => {
    close();
    rmSync(dir, { recursive: true, force: true });
    return db;
  };
  return db;
}
