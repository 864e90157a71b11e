import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, FIXTURES, runBin, tempDir, testEnv } from "../helpers/cli.js";
import { count, query } from "../helpers/store.js";

let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
});
afterEach(() => cleanup());

function spawnImport(file: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, "import", "tickets", file, "--db", db, "--tz", "UTC"], {
    env: testEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

async function writeBigExport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("ticket_id,created_at,status,channel,agent,customer_id,reason\n");
  for (let i = 0; i < rows; i++) {
    const line = `T${i},2025-04-0${(i % 9) + 1} 1${i % 10}:00:00,solved,email,agent${i % 50},C${i % 5000},reason${i % 20}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

describe("imports and other writers", () => {
  it("a store locked by another writer: exit 75 after the busy timeout, nothing written", () => {
    expect(runBin(["import", "tickets", join(FIXTURES, "tickets/zendesk.csv"), "--db", db]).code).toBe(0);
    const holder = new Database(db);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const r = runBin(["import", "tickets", join(FIXTURES, "tickets/freshdesk.csv"), "--db", db], {
        env: { SUPPORTOPS_BUSY_TIMEOUT_MS: "300" },
      });
      expect(r.code).toBe(75);
      expect(r.stderr).toMatch(/is locked by another process.*\nhint: .*run again later/);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(count(db, "tickets")).toBe(24);
    expect(count(db, "imports")).toBe(1);
  });

  it("a second import waits for the lock and then succeeds", async () => {
    expect(runBin(["import", "tickets", join(FIXTURES, "tickets/zendesk.csv"), "--db", db]).code).toBe(0);
    const holder = new Database(db);
    holder.exec("BEGIN IMMEDIATE");
    const { done } = spawnImport(join(FIXTURES, "tickets/freshdesk.csv"), {
      SUPPORTOPS_BUSY_TIMEOUT_MS: "20000",
    });
    await new Promise((r) => setTimeout(r, 800));
    holder.exec("ROLLBACK");
    holder.close();
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(count(db, "tickets")).toBe(44);
  });

  it("an import killed midway leaves the store intact and the next run imports everything", async () => {
    const big = join(dir, "big.csv");
    await writeBigExport(big, 300_000);
    expect(runBin(["import", "tickets", join(FIXTURES, "tickets/zendesk.csv"), "--db", db]).code).toBe(0);
    const { child, done } = spawnImport(big);
    // Kill once the import has its write lock and is staging rows.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          const probe = new Database(db, { timeout: 0 });
          try {
            probe.exec("BEGIN IMMEDIATE");
            probe.exec("ROLLBACK");
          } finally {
            probe.close();
          }
        } catch {
          clearInterval(poll);
          setTimeout(resolve, 300);
        }
      }, 50);
    });
    child.kill("SIGKILL");
    const r = await done;
    expect(r.signal).toBe("SIGKILL");
    expect(query(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(count(db, "tickets")).toBe(24);
    expect(count(db, "imports")).toBe(1);
    const again = runBin(["import", "tickets", big, "--db", db, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 300_000 });
  });
});
