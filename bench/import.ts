/**
 * npm run bench:import — a 1,000,000-row ticket export (about 118 MB) into a fresh store.
 * Prints rows/s, CPU time (both of the importer's threads), peak RSS at 100k and 1M rows (flat
 * memory), and the ratio to sqlite3's .import of the same file, run in the same script. Needs
 * Debian's sqlite3 and time packages. BENCH_REPEAT=N runs everything N times, interleaved, and
 * compares the fastest runs (the development machine is shared).
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateTickets, TICKET_HEADER, WORK_DIR } from "./lib/generate.js";
import { fmt, type Measured, measure, supportops } from "./lib/measure.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));

interface Run {
  label: string;
  rows: number;
  m: Measured;
}

function importInto(file: string, rows: number): Run {
  const db = join(WORK_DIR, "bench-import.db");
  for (const ext of ["", "-wal", "-shm"]) rmSync(db + ext, { force: true });
  const m = supportops([
    "import",
    "tickets",
    file,
    "--db",
    db,
    "--tz",
    "UTC",
    "--json",
    "--max-rejects",
    "0",
  ]);
  if (m.code !== 0) throw new Error(`supportops import failed (${m.code}): ${m.stderr}`);
  const j = JSON.parse(m.stdout) as { inserted: number };
  if (j.inserted !== rows) throw new Error(`expected ${rows} inserted, got ${j.inserted}`);
  return { label: `supportops ${fmt(rows)} rows`, rows, m };
}

/** The peer: sqlite3's own CSV import of the same file into a table with the same columns. */
function sqlite3Import(file: string): Run {
  const peerDb = join(WORK_DIR, "bench-sqlite3.db");
  rmSync(peerDb, { force: true });
  const cols = TICKET_HEADER.trim()
    .split(",")
    .map((c) => `${c} TEXT`)
    .join(", ");
  const m = measure("sqlite3", [
    peerDb,
    `CREATE TABLE tickets (${cols});`,
    ".mode csv",
    `.import --skip 1 ${file} tickets`,
    "SELECT count(*) FROM tickets;",
  ]);
  if (m.code !== 0) throw new Error(`sqlite3 failed: ${m.stderr || "is Debian's sqlite3 installed?"}`);
  return { label: "sqlite3 .import", rows: ROWS, m };
}

const line = (r: Run) =>
  `${r.label.padEnd(28)} ${fmt(r.m.seconds, 2).padStart(7)} s  ${fmt(r.rows / r.m.seconds).padStart(9)} rows/s  ` +
  `cpu ${r.m.cpuSeconds === null ? "n/a" : `${fmt(r.m.cpuSeconds, 2)} s`}  ` +
  `peak RSS ${r.m.peakRssMb === null ? "n/a" : `${fmt(r.m.peakRssMb)} MB`}`;

const fastest = (runs: Run[]): Run => runs.reduce((a, b) => (b.m.seconds < a.m.seconds ? b : a));
const maxRss = (runs: Run[]): number | null =>
  runs.some((r) => r.m.peakRssMb === null) ? null : Math.max(...runs.map((r) => r.m.peakRssMb as number));

async function main(): Promise<void> {
  const small = await generateTickets(100_000);
  const big = await generateTickets(ROWS);
  const mb = statSync(big).size / 1e6;
  console.log(
    `input: ${fmt(ROWS)} rows, ${fmt(mb, 1)} MB (${big})${REPEAT > 1 ? `, ${REPEAT} runs each` : ""}`,
  );

  const smallRuns: Run[] = [];
  const bigRuns: Run[] = [];
  const peerRuns: Run[] = [];
  for (let i = 0; i < REPEAT; i++) {
    smallRuns.push(importInto(small, 100_000));
    bigRuns.push(importInto(big, ROWS));
    peerRuns.push(sqlite3Import(big));
  }

  console.log("");
  if (REPEAT > 1) {
    for (const r of [...smallRuns, ...bigRuns, ...peerRuns]) console.log(line(r));
    console.log("fastest:");
  }
  const ours = fastest(bigRuns);
  const peer = fastest(peerRuns);
  for (const r of [fastest(smallRuns), ours, peer]) console.log(line(r));
  console.log("");
  const rate = ours.rows / ours.m.seconds;
  const ratio = ours.m.seconds / peer.m.seconds;
  const rssSmall = maxRss(smallRuns);
  const rssBig = maxRss(bigRuns);
  const checks: Array<[string, boolean]> = [
    [`rows/s >= 150,000: ${fmt(rate)}`, rate >= 150_000],
    [`within 3x of sqlite3 .import: ${fmt(ratio, 2)}x`, ratio <= 3],
    [`peak RSS <= 300 MB: ${rssBig === null ? "n/a" : fmt(rssBig)}`, rssBig !== null && rssBig <= 300],
    [
      `RSS flat from 100k to 1M rows: ${rssSmall === null || rssBig === null ? "n/a" : `${fmt(rssSmall)} -> ${fmt(rssBig)} MB`}`,
      rssSmall !== null && rssBig !== null && rssBig <= rssSmall * 1.5,
    ],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "MISS"}  ${label}`);
}

await main();
