/**
 * npm run bench:dormant — `supportops dormant --method bgnbd` on 100,000 customers with about
 * 1,000,000 orders, read from a store. The orders are imported once into cached stores in
 * bench/.work/; the timed runs are the built CLI as a child process, with `--debug` so it prints
 * its phase timings (read, fit, score, alert state, explain, RFM segments) on stderr. Prints
 * those, the wall time and peak RSS. Targets: fit < 2 s, scoring < 1 s.
 *
 * Two data sets:
 * - simulated from a BG/NBD process (seeded, per-day r 1.5, α 34, a 1, b 6): the timed run,
 *   which also shows the fit recovering the parameters;
 * - `generateOrders(1_000_000, 100_000)` (bench/lib): customers there never drop out, so the
 *   dropout parameters run to a boundary and the command must refuse the fit (exit 65). Checked.
 *
 *   npm run bench:dormant          (BENCH_CUSTOMERS changes the size of the simulated set)
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generateOrders, ORDER_HEADER, prng, WORK_DIR } from "./lib/generate.js";
import { fmt, type Measured, supportops } from "./lib/measure.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const TARGETS = { fit: 2, score: 1 };
/** Per-day purchase rate ~ Gamma(r, α); dropout after each repeat purchase ~ Beta(a, b). */
const TRUE = { r: 1.5, alpha: 34, a: 1, b: 6 };
const FIRST = Date.UTC(2024, 0, 1) / 1000;
const ACQUISITION_DAYS = 365;
const END_DAYS = 730;

/** Phase lines the command prints with --debug, e.g. "debug: fit: 0.532 s (1105 evaluations)". */
const PHASE = /debug: ([a-zA-Z +]+): ([0-9.]+) s/g;

const random = prng(20251123);

function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang gamma(shape, 1). */
function gamma(shape: number): number {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function stamp(sec: number): string {
  const d = new Date(sec * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Orders simulated from BG/NBD, in the generateOrders layout; written once and cached. */
async function simulatedOrders(): Promise<string> {
  const path = join(WORK_DIR, `orders-bgnbd-${CUSTOMERS}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(WORK_DIR, { recursive: true });
  const out = createWriteStream(`${path}.tmp`, { highWaterMark: 1 << 20 });
  out.write(ORDER_HEADER);
  let order = 0;
  let buffer = "";
  const end = FIRST + END_DAYS * 86400;
  for (let c = 0; c < CUSTOMERS; c++) {
    const lambda = gamma(TRUE.r) / TRUE.alpha / 86400;
    const ga = gamma(TRUE.a);
    const p = ga / (ga + gamma(TRUE.b));
    let t = FIRST + Math.floor(random() * ACQUISITION_DAYS * 86400);
    // BG/NBD: dropout can follow a repeat purchase only, never the first one.
    for (let repeat = false; ; repeat = true) {
      buffer += `O${order++},C${c},${stamp(Math.floor(t))},${(5 + random() * 100).toFixed(2)},1,${random() < 0.2 ? "TRUE" : "FALSE"}\n`;
      if (repeat && random() < p) break;
      t += -Math.log(1 - random()) / lambda;
      if (t > end) break;
    }
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(`${path}.tmp`, path);
  return path;
}

/** A store holding `csv`, imported once; renamed into place last, so a broken import is redone. */
function storeWith(csv: string, name: string): string {
  const db = join(WORK_DIR, name);
  if (existsSync(db)) return db;
  const tmp = `${db}.tmp`;
  for (const ext of ["", "-wal", "-shm"]) rmSync(tmp + ext, { force: true });
  const m = supportops(["import", "orders", csv, "--db", tmp, "--tz", "UTC", "--json", "--max-rejects", "0"]);
  if (m.code !== 0) throw new Error(`supportops import failed (${m.code}): ${m.stderr}`);
  const { inserted } = JSON.parse(m.stdout) as { inserted: number };
  console.log(`imported ${fmt(inserted)} orders once in ${fmt(m.seconds, 1)} s (cached: ${db})`);
  renameSync(tmp, db);
  return db;
}

function dormantBgNbd(db: string): Measured {
  return supportops([
    "dormant",
    "--db",
    db,
    "--tz",
    "UTC",
    "--method",
    "bgnbd",
    "--dry-run",
    "--format",
    "json",
    "--debug",
  ]);
}

async function main(): Promise<void> {
  const db = storeWith(await simulatedOrders(), `dormant-bgnbd-${CUSTOMERS}.db`);
  const m = dormantBgNbd(db);
  if (m.code !== 0) throw new Error(`supportops dormant failed (${m.code}): ${m.stderr}`);
  const phases = new Map<string, number>();
  for (const match of m.stderr.matchAll(PHASE)) phases.set(match[1] as string, Number(match[2]));
  const report = JSON.parse(m.stdout) as {
    facts: Array<{ label: { en: string }; value: unknown }>;
    sections: Array<{ id: string; rows: unknown[] }>;
  };
  const rows = report.sections.find((s) => s.id === "alerts")?.rows.length ?? 0;
  const params = report.facts.find((f) => f.label.en.startsWith("BG/NBD parameters"))?.value;

  console.log(
    `supportops dormant --method bgnbd --dry-run --format json: ${fmt(CUSTOMERS)} simulated customers`,
  );
  for (const [phase, seconds] of phases) console.log(`  ${phase.padEnd(26)} ${fmt(seconds, 3)} s`);
  console.log(`  ${"wall (whole process)".padEnd(26)} ${fmt(m.seconds, 3)} s`);
  console.log(
    `  ${"peak RSS".padEnd(26)} ${m.peakRssMb === null ? "n/a (needs /usr/bin/time)" : `${fmt(m.peakRssMb)} MB`}`,
  );
  console.log(`  ${"alert rows written".padEnd(26)} ${fmt(rows)}`);
  const fit = phases.get("fit");
  const score = phases.get("score");
  if (fit === undefined || score === undefined)
    throw new Error(`phase timings missing from stderr:\n${m.stderr}`);
  const verdict = (s: number, target: number) => (s < target ? "ok" : "MISSED");
  console.log(
    `targets: fit ${fmt(fit, 3)} s < ${TARGETS.fit} s ${verdict(fit, TARGETS.fit)}; ` +
      `scoring ${fmt(score, 3)} s < ${TARGETS.score} s ${verdict(score, TARGETS.score)}`,
  );
  const summary = m.stderr.split("\n").find((l) => l.startsWith("dormant as of"));
  if (summary) console.log(summary);
  console.log(
    `fitted (weeks): ${String(params)}; simulated from r ${TRUE.r}, α ${fmt(TRUE.alpha / 7, 3)}, a ${TRUE.a}, b ${TRUE.b}`,
  );

  // generateOrders' customers never drop out: the fit must be refused, not used.
  const flat = storeWith(await generateOrders(1_000_000, 100_000), "dormant-generated-1000000-100000.db");
  const refused = dormantBgNbd(flat);
  const error = refused.stderr.split("\n").find((l) => l.startsWith("error:")) ?? "";
  console.log(
    `generateOrders(1,000,000, 100,000): exit ${refused.code} in ${fmt(refused.seconds, 2)} s (expected 65): ${error}`,
  );
  if (refused.code !== 65) throw new Error("the degenerate fit was not refused");
}

await main();
