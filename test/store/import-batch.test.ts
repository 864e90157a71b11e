import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openStore } from "../../src/store/db.js";
import { type Cell, ImportBatch, type ImportProvenance } from "../../src/store/import-batch.js";
import { recordColumns } from "../../src/store/schema.js";
import { ticketColumnsMeta } from "../../src/store/ticket-columns.js";
import { refreshTicketColumns } from "../../src/store/ticket-columns-refresh.js";

const COLS = recordColumns("tickets");
const WRITTEN = ["ticket_id", "created_at", "updated_at", "status", "customer_id"];

let db: Db;
beforeEach(() => {
  db = openStore({ path: ":memory:" });
});
afterEach(() => db.close());

type T = { id: string; status: string; updated?: number | null; customer?: string };

function ticket(t: T): Cell[] {
  const v = new Array<Cell>(COLS.length).fill(null);
  v[COLS.indexOf("ticket_id")] = t.id;
  v[COLS.indexOf("created_at")] = 1_743_465_600;
  v[COLS.indexOf("updated_at")] = t.updated ?? null;
  v[COLS.indexOf("status")] = t.status;
  v[COLS.indexOf("customer_id")] = t.customer ?? `C${t.id}`;
  return v;
}

const prov = (rowsRead: number): ImportProvenance => ({
  kind: "tickets",
  fileName: "t.csv",
  filePath: null,
  sha256: "x",
  profile: "generic-en",
  encoding: "utf8",
  delimiter: "comma",
  importedAt: 0,
  rowsRead,
  rejected: 0,
  rejectsPath: null,
  seconds: 0,
  toolVersion: "test",
});

/** Writes the rows as one file's import; returns its counts. */
function load(rows: T[], keepOpen?: (b: ImportBatch) => void) {
  const b = new ImportBatch(db, "tickets", WRITTEN);
  for (const [i, r] of rows.entries()) b.add(ticket(r), i + 2);
  keepOpen?.(b);
  const counts = b.finish(prov(rows.length));
  b.commit();
  return { ...counts, importId: b.importId };
}

const indexes = () =>
  db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' ORDER BY name",
    )
    .all() as Array<{ name: string; sql: string | null }>;

const ids = (from: number, n: number, status: string, updated?: number): T[] =>
  Array.from({ length: n }, (_, i) => ({ id: `K${from + i}`, status, updated: updated ?? null }));

describe("ImportBatch", () => {
  it("counts inserted, updated, unchanged and collapsed rows, within and across statements", () => {
    // 30 new keys; K0–K9 again, changed (collapsed), in the same 16-row statement as their first row
    // for K0–K5; K10–K14 again, identical (unchanged).
    const first = [
      ...ids(0, 6, "open"),
      ...ids(0, 6, "solved"),
      ...ids(6, 24, "open"),
      ...ids(6, 4, "solved"),
      ...ids(10, 5, "open"),
    ];
    expect(load(first)).toMatchObject({ inserted: 30, updated: 0, unchanged: 5, collapsed: 10 });
    const status = (id: string) =>
      (db.prepare("SELECT status, source_line FROM tickets WHERE ticket_id = ?").get(id) as object) ?? null;
    expect(status("K0")).toEqual({ status: "solved", source_line: 8 }); // the later row wins
    expect(status("K20")).toEqual({ status: "open", source_line: 28 });

    // A second file: 5 changed, 5 identical, 10 new, and 3 rows older than the stored ones.
    load(ids(40, 3, "open", 2000));
    const second = [
      ...ids(0, 5, "closed"),
      ...ids(5, 5, "solved"),
      ...ids(30, 10, "open"),
      ...ids(40, 3, "pending", 1000),
    ];
    const r = load(second);
    expect(r).toMatchObject({ inserted: 10, updated: 5, unchanged: 8, collapsed: 0 });
    expect(status("K40")).toMatchObject({ status: "open" });
    const row = db.prepare("SELECT import_id, first_import_id FROM tickets WHERE ticket_id = 'K0'").get();
    expect(row).toEqual({ import_id: r.importId, first_import_id: 1 });
    const counts = db.prepare(
      "SELECT inserted, updated, unchanged, collapsed FROM imports WHERE import_id = ?",
    );
    expect(counts.get(r.importId)).toEqual({ inserted: 10, updated: 5, unchanged: 8, collapsed: 0 });
  });

  it("a large load into a small table builds its secondary indexes once, at the end", () => {
    const before = indexes();
    expect(before.some((i) => i.name === "tickets_customer")).toBe(true);
    const rows = ids(0, 25_000, "open").map((t, i) => ({ ...t, customer: `C${(i * 7919) % 3000}` }));
    let during: string[] = [];
    const r = load(rows, () => {
      during = indexes().map((i) => i.name);
    });
    expect(during).not.toContain("tickets_customer");
    expect(r).toMatchObject({ inserted: 25_000, unchanged: 0, collapsed: 0 });
    expect(indexes()).toEqual(before);
    expect(db.prepare("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE customer_id = 'C7'").all();
    expect(JSON.stringify(plan)).toMatch(/tickets_customer/);

    // A small import into the now large table keeps them.
    let kept: string[] = [];
    load(ids(30_000, 12_000, "open"), () => {
      kept = indexes().map((i) => i.name);
    });
    expect(kept).toContain("tickets_customer");
  });

  it("rollback restores the rows and the indexes dropped for the load", () => {
    load(ids(0, 10, "open"));
    const before = JSON.stringify([indexes(), db.prepare("SELECT * FROM tickets ORDER BY rowid").all()]);
    const b = new ImportBatch(db, "tickets", WRITTEN);
    for (const [i, t] of ids(100, 20_000, "open").entries()) b.add(ticket(t), i + 2);
    expect(indexes().map((i) => i.name)).not.toContain("tickets_customer");
    b.rollback();
    expect(JSON.stringify([indexes(), db.prepare("SELECT * FROM tickets ORDER BY rowid").all()])).toBe(
      before,
    );
  });
});

describe("ImportBatch and the tickets' column cache", () => {
  const cache = () => db.prepare("SELECT name, chunk, data FROM ticket_columns ORDER BY name, chunk").all();
  /** Imports `rows` (one file) with 4-row cache chunks; returns how the cache was brought up to date. */
  function loadChunked(rows: T[]) {
    const b = new ImportBatch(db, "tickets", WRITTEN, 4);
    for (const [i, r] of rows.entries()) b.add(ticket(r), i + 2);
    b.finish(prov(rows.length));
    b.commit();
    return b.columnCache;
  }
  const statuses = ["open", "solved", "pending", "closed", "weird"];
  const many = (n: number, from = 0): T[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `T${from + i}`,
      status: statuses[i % statuses.length] as string,
      updated: i % 3 === 0 ? null : 1_743_500_000 + i,
      customer: i % 4 === 0 ? "" : `C${i % 6}`,
    }));

  it("is captured from the rows written into an empty table: what a rebuild writes, byte for byte", () => {
    // 37 rows: 10 chunks of 4 rows, the last one partial, over 16-row statements and a tail.
    expect(loadChunked(many(37))).toBe("captured");
    const captured = cache();
    expect(ticketColumnsMeta(db)?.rows).toBe(37);
    expect(ticketColumnsMeta(db)?.latest).toBe(1_743_500_035);
    refreshTicketColumns(db, undefined, 4);
    expect(captured).toEqual(cache());
  });

  it("an empty file captures an empty cache", () => {
    expect(loadChunked([])).toBe("captured");
    const captured = cache();
    refreshTicketColumns(db, undefined, 4);
    expect(captured).toEqual(cache());
  });

  it("is rebuilt when a row updates an earlier one (event logs), and patched by the next file", () => {
    const rows = many(20);
    rows.push({ id: "T3", status: "closed", updated: 1_743_600_000 });
    rows.push(...many(5, 100));
    expect(loadChunked(rows)).toBe("rebuilt");
    const rebuilt = cache();
    refreshTicketColumns(db, undefined, 4);
    expect(rebuilt).toEqual(cache());
    expect(loadChunked(many(6, 200))).toBe("patched");
    expect(ticketColumnsMeta(db)?.rows).toBe(31);
  });
});
