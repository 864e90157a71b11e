/**
 * npm run bench:rfm — RFM over 1,000,000 generated orders from 100,000 customers.
 * The orders are imported into a store once (cached in bench/.work); then, in the same run, it times
 * `supportops rfm --format json` from that store and DuckDB computing the same recency, frequency,
 * monetary and NTILE scores from the same CSV (both in child processes, so peak RSS is per side).
 * Both use rank mode (NTILE by value, then customer id) so the scores are the same by definition;
 * an untimed run compares every customer's scores. Target: within 2× of DuckDB, RSS ≤ 400 MB.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generateOrders, WORK_DIR } from "./lib/generate.js";
import { fmt, measure, ROOT, supportops } from "./lib/measure.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const AS_OF = "2025-12-31";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The peer, run as plain JavaScript (no tsx start-up in its time). Reads its inputs from the environment. */
const DUCKDB_SCRIPT = `
import { DuckDBInstance } from "@duckdb/node-api";
const { BENCH_CSV: csv, BENCH_AS_OF: asOf, BENCH_OUT: out } = process.env;
const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
const scored = \`
  WITH o AS (
    SELECT * FROM read_csv('\${csv}', header = true, columns = {
      'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP',
      'amount': 'DOUBLE', 'quantity': 'INTEGER', 'coupon_used': 'BOOLEAN'})
  ),
  c AS (
    SELECT customer_id,
           date_diff('day', CAST(max(ordered_at) AS DATE), DATE '\${asOf}') AS recency_days,
           count(*) AS frequency,
           sum(amount) AS revenue
      FROM o WHERE ordered_at <= TIMESTAMP '\${asOf} 23:59:59'
     GROUP BY customer_id
  )
  SELECT customer_id, recency_days, frequency, revenue,
         NTILE(5) OVER (ORDER BY recency_days DESC, customer_id) AS r,
         NTILE(5) OVER (ORDER BY frequency, customer_id) AS f,
         NTILE(5) OVER (ORDER BY revenue, customer_id) AS m
    FROM c\`;
if (out) {
  await db.run(\`COPY (\${scored} ORDER BY customer_id) TO '\${out}' (HEADER, DELIMITER ',')\`);
} else {
  // The summary a report needs: customers, mean recency/frequency/monetary per R × F cell.
  const reader = await db.runAndReadAll(\`
    SELECT r, f, count(*) AS customers, avg(recency_days), avg(frequency), avg(revenue)
      FROM (\${scored}) GROUP BY r, f ORDER BY r, f\`);
  process.stdout.write(JSON.stringify(reader.getRowsJson()));
}
`;

function duckdb(csv: string, out?: string) {
  return measure(process.execPath, ["--input-type=module", "-e", DUCKDB_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, BENCH_CSV: csv, BENCH_AS_OF: AS_OF, BENCH_OUT: out ?? "" },
  });
}

function ours(db: string, extra: string[] = []) {
  return supportops([
    "--db",
    db,
    "rfm",
    "--tz",
    "UTC",
    "--as-of",
    AS_OF,
    "--tie-mode",
    "rank",
    "--format",
    "json",
    ...extra,
  ]);
}

/** Imports the generated CSV into a cached store (only when the store is missing). */
function ensureStore(csv: string): string {
  const db = join(WORK_DIR, `bench-rfm-${ROWS}-${CUSTOMERS}.db`);
  if (existsSync(db)) return db;
  console.log(`importing ${csv} into ${db} (once) …`);
  const m = supportops(["import", "orders", csv, "--db", db, "--tz", "UTC", "--json", "--max-rejects", "0"]);
  if (m.code !== 0) {
    for (const ext of ["", "-wal", "-shm"]) rmSync(db + ext, { force: true });
    throw new Error(`supportops import failed (${m.code}): ${m.stderr}`);
  }
  console.log(`imported in ${fmt(m.seconds, 1)} s`);
  return db;
}

/** Every customer's R, F, M scores from both sides, compared. */
function compareScores(db: string): { customers: number; mismatches: number } {
  const oursFile = join(WORK_DIR, "bench-rfm-ours.csv");
  const peerFile = join(WORK_DIR, "bench-rfm-duckdb.csv");
  const a = ours(db, ["--customers", oursFile]);
  if (a.code !== 0) throw new Error(`supportops rfm failed: ${a.stderr}`);
  const b = duckdb(CSV_PATH, peerFile);
  if (b.code !== 0) throw new Error(`duckdb failed: ${b.stderr}`);
  const scoresOf = (file: string, cols: [string, string, string, string]) => {
    const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
    const header = (lines[0] ?? "").split(",");
    const at = cols.map((c) => header.indexOf(c));
    return new Map(
      lines.slice(1).map((line) => {
        const cells = line.split(",");
        return [
          cells[at[0] as number],
          at
            .slice(1)
            .map((i) => cells[i])
            .join(""),
        ] as const;
      }),
    );
  };
  const mine = scoresOf(oursFile, ["customer_id", "r", "f", "m"]);
  const theirs = scoresOf(peerFile, ["customer_id", "r", "f", "m"]);
  let mismatches = Math.abs(mine.size - theirs.size);
  for (const [id, s] of mine) if (theirs.get(id) !== s) mismatches++;
  return { customers: mine.size, mismatches };
}

let CSV_PATH = "";

async function main(): Promise<void> {
  CSV_PATH = await generateOrders(ROWS, CUSTOMERS);
  const db = ensureStore(CSV_PATH);
  const check = compareScores(db);
  console.log(`scores compared on ${fmt(check.customers)} customers: ${fmt(check.mismatches)} differ`);

  const best = (runs: ReturnType<typeof ours>[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const oursRuns: ReturnType<typeof ours>[] = [];
  const peerRuns: ReturnType<typeof ours>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = ours(db);
    if (a.code !== 0) throw new Error(`supportops rfm failed: ${a.stderr}`);
    oursRuns.push(a);
    const b = duckdb(CSV_PATH);
    if (b.code !== 0) throw new Error(`duckdb failed: ${b.stderr}`);
    peerRuns.push(b);
  }
  const a = best(oursRuns);
  const b = best(peerRuns);
  const peakOurs = Math.max(...oursRuns.map((r) => r.peakRssMb ?? 0));
  const ratio = a.seconds / b.seconds;
  console.log("");
  console.log(`input: ${fmt(ROWS)} orders, ${fmt(CUSTOMERS)} customers; best of ${RUNS} runs each`);
  console.log(
    `${"supportops rfm (store)".padEnd(26)} ${fmt(a.seconds, 2).padStart(6)} s  peak RSS ${fmt(peakOurs)} MB`,
  );
  console.log(
    `${"DuckDB (same CSV)".padEnd(26)} ${fmt(b.seconds, 2).padStart(6)} s  peak RSS ${b.peakRssMb === null ? "n/a" : `${fmt(b.peakRssMb)} MB`}`,
  );
  console.log(`ratio supportops / DuckDB: ${fmt(ratio, 2)}×`);
  const checks: Array<[string, boolean]> = [
    [`within 2× of DuckDB: ${fmt(ratio, 2)}×`, ratio <= 2],
    [`peak RSS <= 400 MB: ${fmt(peakOurs)} MB`, peakOurs > 0 && peakOurs <= 400],
    [`same scores as DuckDB: ${fmt(check.mismatches)} differ`, check.mismatches === 0],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"} ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

await main();
