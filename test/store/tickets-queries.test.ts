/**
 * The KPI queries on the hand-computed fixture (fixtures/kpi-cli: the CSV form of
 * fixtures/kpi/tickets.json), imported through the real pipeline. Every case runs twice: on the
 * column cache the import wrote, and on a copy of the store without it (the rows path).
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeKpis, type TicketTable, ticketTableFromRecords } from "../../src/analytics/kpi/index.js";
import { type Db, openStore } from "../../src/store/db.js";
import { latestDataInstant, readSurveyRecords, readTicketTable } from "../../src/store/queries/tickets.js";
import { ticketColumnsMeta } from "../../src/store/ticket-columns.js";
import { epoch, loadKpiFixture } from "../analytics/kpi/load-fixture.js";
import { FIXTURES, runMain, tempDir } from "../helpers/cli.js";

const dir = tempDir("supportops-kpi-store-");
const dbPath = join(dir.dir, "store.db");
const rowsPath = join(dir.dir, "rows.db");
const stores: Record<string, Db> = {};

beforeAll(async () => {
  for (const kind of ["tickets", "surveys"]) {
    const r = await runMain(["--db", dbPath, "import", kind, join(FIXTURES, `kpi-cli/${kind}.csv`)]);
    expect(r.code, r.stderr).toBe(0);
  }
  stores.cache = openStore({ path: dbPath, readonly: true });
  copyFileSync(dbPath, rowsPath);
  const rows = openStore({ path: rowsPath });
  rows.exec("DELETE FROM ticket_columns");
  stores.rows = rows;
  expect(ticketColumnsMeta(stores.cache)?.rows).toBe(9);
  expect(ticketColumnsMeta(stores.rows)).toBeUndefined();
});
afterAll(() => {
  for (const db of Object.values(stores)) db.close();
  dir.cleanup();
});

const COLUMNS = [
  "createdAt",
  "firstResponseAt",
  "firstResolvedAt",
  "resolvedAt",
  "closedAt",
  "firstResponseMinutes",
  "fullResolutionMinutes",
  "firstResponseBusinessMinutes",
  "handleSeconds",
  "reopenCount",
  "agentReplies",
  "customerMessages",
  "status",
  "slaResolutionMet",
  "escalated",
  "knowledgeUsed",
  "selfService",
  "merged",
  "fcrFlag",
] as const;

describe.each(["cache", "rows"])("readTicketTable (%s)", (store) => {
  let db: Db;
  beforeAll(() => {
    db = stores[store] as Db;
  });

  it("reads every ticket into the same columns the records would give", () => {
    const fromStore = readTicketTable(db);
    const fromRecords = ticketTableFromRecords(loadKpiFixture().tickets);
    expect(fromStore.length).toBe(9);
    expect(fromStore.ids).toEqual(fromRecords.ids);
    for (const c of COLUMNS) expect([c, Array.from(fromStore[c])]).toEqual([c, Array.from(fromRecords[c])]);
    for (const c of ["channel", "priority", "reason", "agent", "customer"] as const) {
      expect(fromStore[c].values).toEqual(fromRecords[c].values);
      expect(Array.from(fromStore[c].codes)).toEqual(Array.from(fromRecords[c].codes));
    }
  });

  it("a window keeps later tickets and earlier ones still open at its start", () => {
    // From Tue 2025-01-07 00:00: t3 and t4 are created later; t2 (solved Wed), t6 (solved Tue 09:00)
    // and t9 (open) were open then; t1, t5, t7 and t8 were solved on Monday.
    const openAt = epoch("2025-01-07T00:00:00Z");
    expect(readTicketTable(db, { openAt }).ids).toEqual(["t2", "t3", "t4", "t6", "t9"]);
    // Created before Wed 00:00 leaves t3 out.
    const createdBefore = epoch("2025-01-08T00:00:00Z");
    expect(readTicketTable(db, { openAt, createdBefore }).ids).toEqual(["t2", "t4", "t6", "t9"]);
  });

  it("figures over a window equal the figures over every ticket for the same scope", () => {
    const all = readTicketTable(db);
    const asOf = epoch("2025-01-08T10:00:00Z");
    const scopes = [
      ["2025-01-06T20:00:00Z", "2025-01-08T00:00:00Z"],
      ["2025-01-07T00:00:00Z", "2025-01-08T10:00:00Z"],
      ["2025-01-08T00:00:00Z", "2025-01-08T10:00:00Z"],
    ] as const;
    for (const [from, to] of scopes) {
      const scope = { from: epoch(from), to: epoch(to) };
      const windowed: TicketTable = readTicketTable(db, { openAt: scope.from, createdBefore: asOf });
      expect(windowed.length).toBeLessThan(all.length);
      const expected = computeKpis(all, undefined, { asOf, scope }).overall;
      expect(computeKpis(windowed, undefined, { asOf, scope }).overall).toEqual(expected);
    }
  });
});

describe.each(["cache", "rows"])("readSurveyRecords and latestDataInstant (%s)", (store) => {
  let db: Db;
  beforeAll(() => {
    db = stores[store] as Db;
  });

  it("reads answers with their scales, up to a time", () => {
    const all = readSurveyRecords(db);
    expect(all.map((s) => s.response_id)).toEqual([
      "s1",
      "s2",
      "s3",
      "s4",
      "s5",
      "s6",
      "s7",
      "s8",
      "s9",
      "s10",
    ]);
    expect(all[2]).toMatchObject({ customer_id: "c3", kind: "csat", score: 0, scale_min: 0, scale_max: 1 });
    // s3 (Tue 15:00) and s4 (Tue 12:00) were answered after Tue 11:00; answers without a time stay.
    const early = readSurveyRecords(db, epoch("2025-01-07T11:00:00Z")).map((s) => s.response_id);
    expect(early).toEqual(["s1", "s2", "s5", "s6", "s7", "s8", "s9", "s10"]);
  });

  it("the latest instant is t2's last solve and t3's creation, Wed 09:00", () => {
    expect(latestDataInstant(db)).toBe(epoch("2025-01-08T09:00:00Z"));
    const empty = openStore({ path: ":memory:" });
    expect(latestDataInstant(empty)).toBeNull();
    empty.close();
  });
});
