/**
 * Reports over files import them into a temporary store (src/store/scratch.ts) that is deleted
 * when the report ends, whether it succeeds or fails.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openScratchStore } from "../../src/store/scratch.js";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

const tmp = tempDir("supportops-adhoc-");
afterAll(() => tmp.cleanup());

describe("ad hoc reports' temporary store", () => {
  it("is removed after a report, and after a file that is rejected", () => {
    const env = { TMPDIR: tmp.dir };
    const ok = runBin(["kpi", "--tickets", join(FIXTURES, "kpi-cli/tickets.csv"), "--format", "json"], {
      env,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveProperty("overall");
    expect(readdirSync(tmp.dir)).toEqual([]);

    const bad = runBin(["kpi", "--tickets", join(FIXTURES, "broken/unclosed-quote.csv")], { env });
    expect(bad.code).toBe(65);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it("has the store's schema without the tickets' customer index (one report never needs it)", () => {
    const db = openScratchStore();
    try {
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL",
        )
        .pluck()
        .all();
      expect(indexes).not.toContain("tickets_customer");
      expect(db.prepare("SELECT count(*) FROM tickets").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
