/**
 * Contact reasons spelt differently by two exports (Billing / billing / ＢＩＬＬＩＮＧ) are one reason
 * in the report: in top reasons, in --by reason, and for re-contact (docs/metrics.md).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/db.js";
import { runBin, tempDir } from "../helpers/cli.js";

const dir = tempDir("supportops-kpi-reasons-");
afterAll(() => dir.cleanup());

const HEADER = "ticket_id,created_at,first_response_at,resolved_at,status,channel,customer_id,reason\n";
const ROWS = [
  "T1,2025-03-03 10:00:00,2025-03-03 10:30:00,2025-03-03 12:00:00,solved,email,C1,Billing",
  "T2,2025-03-04 10:00:00,2025-03-04 10:30:00,2025-03-04 12:00:00,solved,email,C1,billing",
  "T3,2025-03-05 10:00:00,2025-03-05 10:30:00,2025-03-05 12:00:00,solved,chat,C2,ＢＩＬＬＩＮＧ",
  "T4,2025-03-06 10:00:00,2025-03-06 10:30:00,2025-03-06 12:00:00,solved,chat,C2,Refund",
  "T5,2025-03-07 10:00:00,2025-03-07 10:30:00,2025-03-07 12:00:00,solved,chat,C3,Billing",
];

describe("kpi groups contact reasons across case and width", () => {
  const db = join(dir.dir, "store.db");
  const csv = join(dir.dir, "tickets.csv");
  writeFileSync(csv, HEADER + ROWS.join("\n"));

  it("counts them as one reason, shown in its most frequent spelling", () => {
    const imported = runBin(["--db", db, "import", "tickets", csv, "--tz", "UTC"]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = runBin([
      "--db",
      db,
      "kpi",
      "--tz",
      "UTC",
      "--as-of",
      "2025-04-01",
      "--by",
      "reason",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.overall.top_reasons).toEqual([
      { key: "Billing", count: 4, share: 0.8 },
      { key: "Refund", count: 1, share: 0.2 },
    ]);
    expect(doc.groups.map((g: { key: { reason: string } }) => g.key.reason).sort()).toEqual([
      "Billing",
      "Refund",
    ]);
    // T2 (billing) re-contacts T1 (Billing): same customer, same reason, within 7 days.
    expect(doc.overall.recontact).toMatchObject({ n: 5, successes: 1 });
  });

  it("leaves the store as the exports said, its column cache included", () => {
    const store = openStore({ path: db, readonly: true });
    try {
      const spellings = ["Billing", "billing", "ＢＩＬＬＩＮＧ", "Refund"];
      expect(store.prepare("SELECT DISTINCT reason FROM tickets ORDER BY rowid").pluck().all()).toEqual(
        spellings,
      );
      const cached = store
        .prepare("SELECT data FROM ticket_columns WHERE name = 'reason.values'")
        .pluck()
        .get();
      expect(JSON.parse(String(cached))).toEqual(spellings);
    } finally {
      store.close();
    }
  });
});
