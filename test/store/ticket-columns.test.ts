/**
 * The tickets' column cache: written by every tickets import, in chunks, atomically with the rows;
 * never read when stale (hand-made changes), and the same table as reading the rows.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openStore } from "../../src/store/db.js";
import { readTicketTable } from "../../src/store/queries/tickets.js";
import { CACHE_CHUNK_ROWS, ticketColumnsMeta } from "../../src/store/ticket-columns.js";
import { refreshTicketColumns } from "../../src/store/ticket-columns-refresh.js";
import { FIXTURES, runMain, tempDir } from "../helpers/cli.js";

const dir = tempDir("supportops-ticket-columns-");
afterAll(() => dir.cleanup());

let counter = 0;
async function storeWithFixture(): Promise<string> {
  const path = join(dir.dir, `store-${counter++}.db`);
  const r = await runMain(["--db", path, "import", "tickets", join(FIXTURES, "kpi-cli/tickets.csv")]);
  expect(r.code, r.stderr).toBe(0);
  return path;
}

/** The table read from the rows: the cache emptied inside a transaction that is rolled back. */
function fromRows(db: Db, window = {}) {
  db.exec("BEGIN");
  try {
    db.exec("DELETE FROM ticket_columns");
    return readTicketTable(db, window);
  } finally {
    db.exec("ROLLBACK");
  }
}

function plain(t: ReturnType<typeof readTicketTable>) {
  return {
    length: t.length,
    ids: [...t.ids],
    createdAt: Array.from(t.createdAt),
    resolvedAt: Array.from(t.resolvedAt),
    handleSeconds: Array.from(t.handleSeconds),
    status: Array.from(t.status),
    merged: Array.from(t.merged),
    reopenCount: Array.from(t.reopenCount),
    channel: Array.from(t.channel.codes, (c) => t.channel.values[c] ?? null),
    customer: Array.from(t.customer.codes, (c) => t.customer.values[c] ?? null),
    group: Array.from(t.group.codes, (c) => t.group.values[c] ?? null),
  };
}

describe("ticket column cache", () => {
  it("is written by a tickets import and reads back as the rows do, whole and windowed", async () => {
    const db = openStore({ path: await storeWithFixture() });
    const meta = ticketColumnsMeta(db);
    expect(meta?.rows).toBe(9);
    // Columns without any value (group_name in this export) are not stored.
    expect(meta?.columns).toContain("createdAt");
    expect(meta?.columns).not.toContain("group");
    expect(plain(readTicketTable(db))).toEqual(plain(fromRows(db)));
    const openAt = Date.parse("2025-01-07T00:00:00Z") / 1000;
    const createdBefore = Date.parse("2025-01-08T00:00:00Z") / 1000;
    expect(readTicketTable(db, { openAt, createdBefore }).ids).toEqual(["t2", "t4", "t6", "t9"]);
    expect(plain(readTicketTable(db, { openAt, createdBefore }))).toEqual(
      plain(fromRows(db, { openAt, createdBefore })),
    );
    db.close();
  });

  it("splits into chunks that share one dictionary per text column", async () => {
    const db = openStore({ path: await storeWithFixture() });
    const whole = plain(readTicketTable(db));
    refreshTicketColumns(db, undefined, 2);
    const chunks = db.prepare("SELECT count(*) FROM ticket_columns WHERE name = 'createdAt'").pluck().get();
    expect(chunks).toBe(5);
    expect(plain(readTicketTable(db))).toEqual(whole);
    db.close();
  });

  it("is emptied by a hand-made UPDATE or DELETE and ignored after a hand-made INSERT", async () => {
    const db = openStore({ path: await storeWithFixture() });
    db.prepare("UPDATE tickets SET channel = 'phone' WHERE ticket_id = 't1'").run();
    expect(ticketColumnsMeta(db)).toBeUndefined();
    expect(readTicketTable(db).channel.values).toContain("phone");

    refreshTicketColumns(db);
    db.prepare("DELETE FROM tickets WHERE ticket_id = 't9'").run();
    expect(ticketColumnsMeta(db)).toBeUndefined();
    expect(readTicketTable(db).ids).not.toContain("t9");

    refreshTicketColumns(db);
    db.prepare(
      "INSERT INTO tickets (ticket_id, created_at, import_id, first_import_id) VALUES ('t10', 1736150400, 1, 1)",
    ).run();
    expect(ticketColumnsMeta(db)).toBeUndefined();
    expect(readTicketTable(db).ids).toContain("t10");
    db.close();
  });

  it("is left as it was when an import is rolled back", async () => {
    const path = await storeWithFixture();
    const before = (() => {
      const db = openStore({ path });
      const t = plain(readTicketTable(db));
      db.close();
      return t;
    })();
    const bad = join(dir.dir, "half-bad.csv");
    writeFileSync(
      bad,
      "ticket_id,created_at,status\nt1,2025-01-06T09:00:00Z,open\nx2,2025-02-30 10:00,open\nx3,not a date,open\n",
    );
    const r = await runMain(["--db", path, "import", "tickets", bad, "--max-rejects", "0"]);
    expect(r.code).toBe(65);
    const db = openStore({ path });
    expect(ticketColumnsMeta(db)?.rows).toBe(9);
    expect(plain(readTicketTable(db))).toEqual(before);
    db.close();
  });

  it("a store written before the cache existed is read from its rows, even read-only", async () => {
    const path = await storeWithFixture();
    const db = openStore({ path });
    db.exec("DROP TABLE ticket_columns");
    db.pragma("user_version = 2");
    db.close();
    const old = openStore({ path, readonly: true });
    expect(ticketColumnsMeta(old)).toBeUndefined();
    expect(readTicketTable(old).length).toBe(9);
    old.close();
  });
});

describe("ticket column cache, patched by later imports", () => {
  it("rewrites updated rows, appends new ones and backfills a column that gains values", async () => {
    const path = await storeWithFixture();
    const db = openStore({ path });
    // Small chunks, so the patch spans several: the patch keeps the chunk size it finds.
    refreshTicketColumns(db, undefined, 2);
    db.close();
    const next = join(dir.dir, "next.csv");
    writeFileSync(
      next,
      [
        "ticket_id,created_at,first_response_at,status,channel,group_name,customer_id",
        "t1,2025-01-06T09:00:00Z,,open,phone,Tier 2,c1",
        "t5,2025-01-06T11:00:00Z,2025-01-06T11:30:00Z,solved,web,,c9",
        "t10,2025-01-08T08:00:00Z,2025-01-08T08:10:00Z,open,chat,Tier 1,c1",
        "t11,2025-01-08T08:30:00Z,,new,email,Tier 1,c2",
        "t12,2025-01-08T08:45:00Z,,new,sms,,c3",
      ].join("\n"),
    );
    const r = await runMain(["--db", path, "import", "tickets", next]);
    expect(r.code, r.stderr).toBe(0);
    const after = openStore({ path });
    const meta = ticketColumnsMeta(after);
    expect(meta).toMatchObject({ rows: 12, chunkRows: 2 });
    expect(meta?.columns).toContain("group");
    expect(plain(readTicketTable(after))).toEqual(plain(fromRows(after)));
    const t = readTicketTable(after);
    expect(t.ids.slice(-3)).toEqual(["t10", "t11", "t12"]);
    expect(t.group.values).toEqual(["Tier 2", "Tier 1"]);
    // The second export has first_response_at, empty for t1: the store now holds NULL, and so must the cache.
    expect(Number.isNaN(t.firstResponseAt[0] as number)).toBe(true);
    after.close();
  });

  it("falls back to a rebuild after a hand-made INSERT made the cache stale", async () => {
    const path = await storeWithFixture();
    const db = openStore({ path });
    refreshTicketColumns(db, undefined, 2);
    db.prepare(
      "INSERT INTO tickets (ticket_id, created_at, import_id, first_import_id) VALUES ('h1', 1736150400, 1, 1)",
    ).run();
    db.close();
    const next = join(dir.dir, "next2.csv");
    writeFileSync(next, "ticket_id,created_at,status\nt20,2025-01-08T08:00:00Z,open\n");
    const r = await runMain(["--db", path, "import", "tickets", next]);
    expect(r.code, r.stderr).toBe(0);
    const after = openStore({ path });
    // Rebuilt with the default chunk size, holding the hand-made row too.
    expect(ticketColumnsMeta(after)).toMatchObject({ rows: 11, chunkRows: CACHE_CHUNK_ROWS });
    expect(plain(readTicketTable(after))).toEqual(plain(fromRows(after)));
    after.close();
  });
});

/** Every row of the cache, for byte-for-byte comparison. */
function cacheRows(db: Db) {
  return db.prepare("SELECT name, chunk, data FROM ticket_columns ORDER BY name, chunk").all();
}

describe("ticket column cache, captured while importing into an empty table", () => {
  const exports = [
    "kpi-cli/tickets.csv",
    "tickets/zendesk.csv",
    "tickets/freshdesk.csv",
    "tickets/freshdesk-ja-bom.csv",
    "tickets/zoho.csv",
    "tickets/generic-ja-sjis.csv",
    "tickets/excel-unicode-utf16le.txt",
    // An event log: the capture gives up at the first update and the import rebuilds instead.
    "tickets/servicenow-incidents.csv",
  ];
  it.each(exports)("%s: the cache is byte for byte what a rebuild from the rows writes", async (file) => {
    const path = join(dir.dir, `capture-${counter++}.db`);
    const r = await runMain(["--db", path, "import", "tickets", join(FIXTURES, file)]);
    expect(r.code, r.stderr).toBe(0);
    const db = openStore({ path });
    const captured = cacheRows(db);
    expect(ticketColumnsMeta(db)).toBeDefined();
    refreshTicketColumns(db);
    expect(captured).toEqual(cacheRows(db));
    db.close();
  });
});
