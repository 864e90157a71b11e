import { FIELDS, NATURAL_KEY } from "../ingest/profiles/fields.js";
import type { FieldType, RecordKind } from "../ingest/profiles/types.js";

/** SQLite column type for a field type. Timestamps are INTEGER Unix seconds (UTC); booleans 0/1. */
export function sqlType(t: FieldType): "TEXT" | "INTEGER" | "REAL" {
  switch (t) {
    case "timestamp":
    case "int":
    case "bool":
    case "sla_status":
      return "INTEGER";
    case "duration":
    case "number":
    case "score":
      return "REAL";
    default:
      return "TEXT";
  }
}

/** Columns of a record table that imports write, in order (the staging row layout). */
export function recordColumns(kind: RecordKind): string[] {
  const cols = Object.keys(FIELDS[kind]);
  if (kind === "surveys") cols.push("scale_min", "scale_max");
  return cols;
}

export const TABLE: Record<RecordKind, string> = { tickets: "tickets", surveys: "surveys", orders: "orders" };

function recordTable(kind: RecordKind, extra: string[] = []): string {
  const key = NATURAL_KEY[kind];
  const cols = Object.entries(FIELDS[kind]).map(([f, t]) =>
    key.includes(f)
      ? `${f} ${sqlType(t)} NOT NULL${f === "line_no" ? " DEFAULT 1" : ""}`
      : `${f} ${sqlType(t)}`,
  );
  if (kind === "surveys") cols.push("scale_min REAL", "scale_max REAL");
  // import_id: the import that last changed the row; first_import_id: the one that created it.
  cols.push(
    "import_id INTEGER NOT NULL REFERENCES imports(import_id)",
    "first_import_id INTEGER NOT NULL REFERENCES imports(import_id)",
    "source_line INTEGER",
    ...extra,
    `PRIMARY KEY (${key.join(", ")})`,
  );
  return `CREATE TABLE ${TABLE[kind]} (\n  ${cols.join(",\n  ")}\n)`;
}

/** Ordered migrations; PRAGMA user_version holds how many have run. Never edit a released one. */
export const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE imports (
      import_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('tickets', 'surveys', 'orders')),
      file_name TEXT NOT NULL,
      file_path TEXT,
      sha256 TEXT NOT NULL,
      profile TEXT NOT NULL,
      encoding TEXT,
      delimiter TEXT,
      imported_at INTEGER NOT NULL,
      rows_read INTEGER NOT NULL,
      inserted INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      collapsed INTEGER NOT NULL,
      rejects_path TEXT,
      seconds REAL NOT NULL,
      tool_version TEXT NOT NULL
    )`,
    "CREATE INDEX imports_sha256 ON imports (kind, sha256)",
    recordTable("tickets"),
    // No index on created_at alone: reports read whole ranges, where a scan beats an index walk,
    // and each index costs every imported row a B-tree insert.
    "CREATE INDEX tickets_customer ON tickets (customer_id, created_at)",
    recordTable("surveys"),
    "CREATE INDEX surveys_ticket ON surveys (ticket_id)",
    "CREATE INDEX surveys_customer ON surveys (customer_id)",
    recordTable("orders"),
    // Covers the per-customer aggregates (RFM, dormancy) so they never touch the table.
    "CREATE INDEX orders_customer ON orders (customer_id, order_id, ordered_at, amount, coupon_used)",
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ],
  // 2: dormant-customer alerts (`supportops dormant`). One row per alert raised: a customer, a stage
  // and the episode (the last order day it was raised for). A new order clears the customer's open
  // rows by setting cleared_at; rows are kept as the alert history. Days are local day numbers
  // (days since 1970-01-01 in the data set's time zone), with the same date as text for people.
  [
    `CREATE TABLE dormant_alerts (
      alert_id INTEGER PRIMARY KEY,
      customer_id TEXT NOT NULL,
      stage TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('fixed', 'cadence', 'bgnbd')),
      last_order_day INTEGER NOT NULL,
      last_order_date TEXT NOT NULL,
      as_of_day INTEGER NOT NULL,
      as_of TEXT NOT NULL,
      alerted_at INTEGER NOT NULL,
      cleared_at INTEGER,
      cleared_as_of_day INTEGER,
      cleared_as_of TEXT
    )`,
    // At most one open alert per customer, stage and episode: "alerted once per stage".
    `CREATE UNIQUE INDEX dormant_alerts_open ON dormant_alerts (customer_id, stage, last_order_day)
      WHERE cleared_at IS NULL`,
    "CREATE INDEX dormant_alerts_as_of ON dormant_alerts (as_of_day)",
  ],
  // 3: the tickets' column cache (src/store/ticket-columns.ts): one BLOB per KPI column, rewritten by
  // every tickets import. Derived data: any other change to tickets empties it (INSERTs are caught
  // by the max(rowid) stamp it keeps), and readers fall back to the rows.
  [
    "CREATE TABLE ticket_columns (name TEXT NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (name, chunk))",
    // An import's own updates (its provenance row is still unfinished, sha256 '') patch the cache
    // at its end; any other update empties it.
    `CREATE TRIGGER tickets_update_stales_columns AFTER UPDATE ON tickets
       WHEN NOT EXISTS (SELECT 1 FROM imports WHERE import_id = NEW.import_id AND sha256 = '')
       BEGIN DELETE FROM ticket_columns; END`,
    "CREATE TRIGGER tickets_delete_stales_columns AFTER DELETE ON tickets BEGIN DELETE FROM ticket_columns; END",
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;
