/**
 * npm run bench:import — a 1,000,000-row ticket export (about 125 MB) into a fresh store.
 * Prints rows/s, peak RSS at 100k and 1M rows (flat memory), and the ratio to sqlite3's .import
 * of the same file, run in the same script. Needs Debian's sqlite3 and time packages.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateTickets, TICKET_HEADER, WORK_DIR } from "./lib/generate.js";
import { fmt, measure, supportops } from "./lib/measure.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

async function main(): Promise<void> {
  const small = await generateTickets(100_000);
  const big = await generateTickets(ROWS);
  const mb = statSync(big).size / 1e6;
  console.log(`input: ${fmt(ROWS)} rows, ${fmt(mb, 1)} MB (${big})`);

  const results: Array<{ label: string; rows: number; seconds: number; rss: number | null }> = [];
  for (const [file, rows] of [
    [small, 100_000],
    [big, ROWS],
  ] as const) {
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
    results.push({ label: `supportops ${fmt(rows)} rows`, rows, seconds: m.seconds, rss: m.peakRssMb });
  }

  // The peer: sqlite3's own CSV import of the same file into a table with the same columns.
  const peerDb = join(WORK_DIR, "bench-sqlite3.db");
  rmSync(peerDb, { force: true });
  const cols = TICKET_HEADER.trim()
    .split(",")
    .map((c) => `${c} TEXT`)
    .join(", ");
  const peer = measure("sqlite3", [
    peerDb,
    `CREATE TABLE tickets (${cols});`,
    ".mode csv",
    `.import --skip 1 ${big} tickets`,
    "SELECT count(*) FROM tickets;",
  ]);
  if (peer.code !== 0) throw new Error(`sqlite3 failed: ${peer.stderr || "is Debian's sqlite3 installed?"}`);

  const ours = results[1] as (typeof results)[number];
  const rate = ours.rows / ours.seconds;
  console.log("");
  for (const r of results) {
    console.log(
      `${r.label.padEnd(28)} ${fmt(r.seconds, 2).padStart(7)} s  ${fmt(r.rows / r.seconds).padStart(9)} rows/s  peak RSS ${r.rss === null ? "n/a" : `${fmt(r.rss)} MB`}`,
    );
  }
  console.log(
    `${"sqlite3 .import".padEnd(28)} ${fmt(peer.seconds, 2).padStart(7)} s  ${fmt(ROWS / peer.seconds).padStart(9)} rows/s  peak RSS ${peer.peakRssMb === null ? "n/a" : `${fmt(peer.peakRssMb)} MB`}`,
  );
  console.log("");
  const ratio = ours.seconds / peer.seconds;
  const rssSmall = results[0]?.rss ?? null;
  const checks: Array<[string, boolean]> = [
    [`rows/s >= 150,000: ${fmt(rate)}`, rate >= 150_000],
    [`within 3x of sqlite3 .import: ${fmt(ratio, 2)}x`, ratio <= 3],
    [
      `peak RSS <= 300 MB: ${ours.rss === null ? "n/a" : fmt(ours.rss)}`,
      ours.rss !== null && ours.rss <= 300,
    ],
    [
      `RSS flat from 100k to 1M rows: ${rssSmall === null || ours.rss === null ? "n/a" : `${fmt(rssSmall)} -> ${fmt(ours.rss)} MB`}`,
      rssSmall !== null && ours.rss !== null && ours.rss <= rssSmall * 1.5,
    ],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "MISS"}  ${label}`);
}

await main();
