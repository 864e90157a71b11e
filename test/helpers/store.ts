import Database from "better-sqlite3";

/** Runs a query against a store file, read-only. */
export function query<T = Record<string, unknown>>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function count(dbPath: string, table: string): number {
  return (query<{ n: number }>(dbPath, `SELECT count(*) AS n FROM ${table}`)[0] as { n: number }).n;
}

/** Every table's rows, for "the store is exactly as before" checks. */
export function snapshot(dbPath: string): string {
  const tables = query<{ name: string }>(
    dbPath,
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  return JSON.stringify(tables.map((t) => [t.name, query(dbPath, `SELECT * FROM ${t.name} ORDER BY rowid`)]));
}
