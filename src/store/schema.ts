import { FIELDS } from "../ingest/profiles/fields.js";
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

function recordTable(kind: RecordKind, key: string, extra: string[] = []): string {
  const cols = Object.entries(FIELDS[kind]).map(([f, t]) =>
    f === key ? `${f} TEXT NOT NULL PRIMARY KEY` : `${f} ${sqlType(t)}`,
  );
  if (kind === "surveys") cols.push("scale_min REAL", "scale_max REAL");
  // import_id: the import that last changed the row; first_import_id: the one that created it.
  cols.push(
    "import_id INTEGER NOT NULL REFERENCES imports(import_id)",
    "first_import_id INTEGER NOT NULL REFERENCES imports(import_id)",
    "source_line INTEGER",
    ...extra,
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
    recordTable("tickets", "ticket_id"),
    "CREATE INDEX tickets_created_at ON tickets (created_at)",
    "CREATE INDEX tickets_customer ON tickets (customer_id, created_at)",
    recordTable("surveys", "response_id"),
    "CREATE INDEX surveys_ticket ON surveys (ticket_id)",
    "CREATE INDEX surveys_customer ON surveys (customer_id)",
    recordTable("orders", "order_id"),
    "CREATE INDEX orders_customer ON orders (customer_id, ordered_at)",
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;
