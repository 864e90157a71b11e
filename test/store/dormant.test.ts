/** The dormant queries and migration 2 (`dormant_alerts`) against real SQLite stores. */
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localDayNumber } from "../../src/analytics/rfm/index.js";
import { type Db, openStore } from "../../src/store/db.js";
import {
  latestAlertAsOfDay,
  readOpenAlerts,
  readOrderDays,
  updateAlerts,
} from "../../src/store/queries/dormant.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/schema.js";

const DAY = 86_400;
/** 2025-01-01T00:00:00Z. */
const JAN1 = 1_735_689_600;
const JAN1_DAY = JAN1 / DAY; // 20089

let db: Db;

beforeEach(() => {
  db = openStore({ path: ":memory:" });
  db.prepare(
    `INSERT INTO imports (import_id, kind, file_name, sha256, profile, imported_at, rows_read, inserted,
       updated, unchanged, rejected, collapsed, seconds, tool_version)
     VALUES (1, 'orders', 'test.csv', 'x', 'generic', 0, 0, 0, 0, 0, 0, 0, 0, 'test')`,
  ).run();
});
afterEach(() => db.close());

function order(
  id: string,
  customer: string | null,
  at: number | null,
  amount = 10,
  coupon: number | null = null,
) {
  db.prepare(
    `INSERT INTO orders (order_id, customer_id, ordered_at, amount, coupon_used, import_id, first_import_id)
     VALUES (?, ?, ?, ?, ?, 1, 1)`,
  ).run(id, customer, at, amount, coupon);
}

describe("migration 2", () => {
  it("adds dormant_alerts on top of migration 1", () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const columns = (db.prepare("PRAGMA table_info(dormant_alerts)").all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    expect(columns).toEqual([
      "alert_id",
      "customer_id",
      "stage",
      "method",
      "last_order_day",
      "last_order_date",
      "as_of_day",
      "as_of",
      "alerted_at",
      "cleared_at",
      "cleared_as_of_day",
      "cleared_as_of",
    ]);
  });

  it("reads as 'nothing recorded' from a store that predates it", () => {
    const old = new Database(":memory:");
    for (const sql of MIGRATIONS[0] ?? []) old.exec(sql);
    expect(readOpenAlerts(old)).toEqual([]);
    expect(latestAlertAsOfDay(old)).toBeNull();
    old.close();
  });
});

describe("readOrderDays", () => {
  it("groups distinct order days per customer in id order, skipping rows without id or time", () => {
    order("o1", "B", JAN1 + 5 * DAY + 3600);
    order("o2", "A", JAN1 + 2 * DAY);
    order("o3", "B", JAN1 + 1 * DAY);
    order("o4", "B", JAN1 + 5 * DAY + 7200); // same day as o1: one purchase
    order("o5", "A", JAN1);
    order("o6", null, JAN1);
    order("o7", "C", null);
    const h = readOrderDays(db, (t) => Math.floor(t / DAY));
    expect(h.customerIds).toEqual(["A", "B"]);
    expect([...h.start]).toEqual([0, 2, 4]);
    expect([...h.days]).toEqual([JAN1_DAY, JAN1_DAY + 2, JAN1_DAY + 1, JAN1_DAY + 5]);
  });

  it("counts days in the data set's time zone", () => {
    // 2025-01-01T20:00Z is 2025-01-02 05:00 in Tokyo; 2025-01-02T10:00Z is the same Tokyo day.
    order("o1", "A", JAN1 + 20 * 3600);
    order("o2", "A", JAN1 + DAY + 10 * 3600);
    const h = readOrderDays(db, (t) => localDayNumber(t, "Asia/Tokyo"));
    expect([...h.days]).toEqual([JAN1_DAY + 1]);
    const utc = readOrderDays(db, (t) => localDayNumber(t, "UTC"));
    expect([...utc.days]).toEqual([JAN1_DAY, JAN1_DAY + 1]);
  });

  it("handles times before 1970", () => {
    order("o1", "A", -DAY);
    order("o2", "A", 0);
    expect([...readOrderDays(db, (t) => Math.floor(t / DAY)).days]).toEqual([-1, 0]);
  });
});

describe("updateAlerts", () => {
  const run = (asOfDay: number, now = 1_800_000_000) => ({ asOfDay, asOfDate: `day ${asOfDay}`, now });

  it("inserts and clears as sets in one transaction, keeping cleared rows as history", () => {
    updateAlerts(db, run(100), (open) => {
      expect(open).toEqual([]);
      return {
        insert: [
          {
            customerId: "X",
            stage: "watch",
            method: "fixed" as const,
            lastOrderDay: 60,
            lastOrderDate: "d60",
          },
          {
            customerId: "Y",
            stage: "watch",
            method: "cadence" as const,
            lastOrderDay: 70,
            lastOrderDate: "d70",
          },
        ],
        clear: [],
      };
    });
    expect(latestAlertAsOfDay(db)).toBe(100);
    updateAlerts(db, run(110), (open) => {
      expect(open).toEqual([
        { customerId: "X", stage: "watch", lastOrderDay: 60, alertedOnDay: 100 },
        { customerId: "Y", stage: "watch", lastOrderDay: 70, alertedOnDay: 100 },
      ]);
      return { insert: [], clear: ["X"] };
    });
    // A run that only clears still counts as the latest run.
    expect(latestAlertAsOfDay(db)).toBe(110);
    expect(readOpenAlerts(db).map((a) => a.customerId)).toEqual(["Y"]);
    expect(
      db
        .prepare(
          "SELECT customer_id, cleared_as_of_day, cleared_as_of FROM dormant_alerts WHERE cleared_at IS NOT NULL",
        )
        .all(),
    ).toEqual([{ customer_id: "X", cleared_as_of_day: 110, cleared_as_of: "day 110" }]);
  });

  it("rolls back everything when the decision fails, and rejects a second open alert for the same stage", () => {
    const watch = {
      customerId: "X",
      stage: "watch",
      method: "fixed" as const,
      lastOrderDay: 60,
      lastOrderDate: "d60",
    };
    updateAlerts(db, run(100), () => ({ insert: [watch], clear: [] }));
    expect(() => updateAlerts(db, run(101), () => ({ insert: [watch], clear: [] }))).toThrow(/UNIQUE/);
    expect(() =>
      updateAlerts(db, run(102), () => {
        db.prepare("DELETE FROM dormant_alerts").run();
        throw new Error("decision failed");
      }),
    ).toThrow("decision failed");
    expect(readOpenAlerts(db)).toHaveLength(1);
    expect(latestAlertAsOfDay(db)).toBe(100);
  });
});
