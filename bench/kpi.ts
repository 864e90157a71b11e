/**
 * npm run bench:kpi — the default KPI report (`--by channel --period week`) over 1,000,000
 * generated tickets, in one run:
 *   (a) supportops kpi from the store (imported once, cached in bench/.work);
 *   (b) supportops kpi ad hoc from the CSV (`--tickets FILE`: import into a temporary store, then report);
 *   (c) DuckDB (@duckdb/node-api, in-process in its own Node process) computing the same figures
 *       with SQL straight from the CSV (lib/kpi-duckdb.ts): every figure of the report's JSON for
 *       the range, each channel and each ISO week × channel — durations in calendar and business
 *       time with Japanese holidays, SLA, re-contact, backlog, rates, channel mix, top reasons;
 *   (c') DuckDB computing only what earlier versions of this bench asked of it: count, median and
 *       p90 of first response and resolution, reopen, one-touch and FCR rates per channel per
 *       ISO week (shown for reference: the target is against (c));
 *   (d) Miller (`mlr`, Debian's miller) computing count, median and p90 per channel per week.
 * Each runs as a child process under GNU time for wall time and peak RSS. The figures of (a) are
 * checked against (c), (c') and (d) cell by cell. Targets: (a) faster than (c), (b) faster than
 * (d), peak RSS ≤ 400 MB for (a) and (b). BENCH_ROWS changes the size. BENCH_REPEAT=N runs all
 * five N times, interleaved, and compares the fastest run of each (the machine is shared: one
 * run of each can land on a busy moment for one side only).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { generateTickets, WORK_DIR } from "./lib/generate.js";
import {
  type Cells,
  duckdbFigures,
  duckdbReportScript,
  figureCount,
  figureMismatches,
  ourFigures,
  readTicketsCsv,
} from "./lib/kpi-duckdb.js";
import { fmt, type Measured, measure, ROOT, supportops } from "./lib/measure.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const REPORT = ["kpi", "--tz", "UTC", "--by", "channel", "--period", "week", "--format", "json"];

/** (c'), run as plain JavaScript (no tsx start-up in its time). */
const duckdbSubsetScript = (csv: string): string => `
import { DuckDBInstance } from "@duckdb/node-api";
const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
const reader = await db.runAndReadAll(\`
  WITH t AS (
    SELECT *, epoch(first_response_at) - epoch(created_at) AS frt,
           CASE WHEN status IN ('solved', 'closed') THEN epoch(resolved_at) - epoch(created_at) END AS res,
           status IN ('solved', 'closed') AS done
      FROM ${readTicketsCsv(csv)}
  )
  SELECT strftime(created_at, '%G-W%V') AS week, channel, count(*) AS volume,
         quantile_cont(frt, 0.5) FILTER (WHERE frt >= 0) AS frt_median,
         quantile_cont(frt, 0.9) FILTER (WHERE frt >= 0) AS frt_p90,
         quantile_cont(res, 0.5) FILTER (WHERE res >= 0) AS res_median,
         quantile_cont(res, 0.9) FILTER (WHERE res >= 0) AS res_p90,
         avg(CASE WHEN reopen_count > 0 THEN 1.0 ELSE 0.0 END) FILTER (WHERE done OR reopen_count > 0) AS reopen,
         avg(CASE WHEN agent_replies < 2 THEN 1.0 ELSE 0.0 END) FILTER (WHERE done) AS one_touch,
         avg(CASE WHEN agent_replies = 1 AND reopen_count = 0 THEN 1.0 ELSE 0.0 END) FILTER (WHERE done) AS fcr
    FROM t GROUP BY ALL ORDER BY week, channel\`);
process.stdout.write(JSON.stringify(reader.getRowObjectsJson()));
`;

/** Miller: seconds from the timestamps, the Monday of each week, then count/median/p90 per group. */
const STAMP = '"%Y-%m-%d %H:%M:%S"';
const MILLER_PUT = [
  `var c = strptime($created_at, ${STAMP});`,
  `$frt = strptime($first_response_at, ${STAMP}) - c;`,
  `if ($status == "solved" || $status == "closed") { $res = strptime($resolved_at, ${STAMP}) - c } else { unset $res }`,
  // Day 0 (1970-01-01) was a Thursday, so (day + 3) % 7 counts days since Monday.
  "var d = floor(c / 86400);",
  `$week = strftime((d - (d + 3) % 7) * 86400, "%Y-%m-%d");`,
].join(" ");

const millerArgs = (csv: string): string[] => [
  "--icsv",
  "--ojson",
  "put",
  MILLER_PUT,
  "then",
  "stats1",
  "-i",
  "-a",
  "count,median,p90",
  "-f",
  "frt,res",
  "-g",
  "week,channel",
  csv,
];

interface Cell {
  volume: number;
  frtMedian: number | null;
  frtP90: number | null;
  resMedian: number | null;
  resP90: number | null;
  reopen: number | null;
  oneTouch: number | null;
  fcr: number | null;
}

interface OursJson {
  by_period: Array<{
    period: string;
    key: { channel: string };
    figures: {
      volume: number;
      first_response: { calendar: { median: number | null; percentiles: Record<string, number | null> } };
      full_resolution: { calendar: { median: number | null; percentiles: Record<string, number | null> } };
      reopen: { rate: number | null };
      one_touch: { rate: number | null };
      fcr: { rate: number | null };
    };
  }>;
}

function oursCells(stdout: string): Map<string, Cell> {
  const doc = JSON.parse(stdout) as OursJson;
  const out = new Map<string, Cell>();
  for (const g of doc.by_period) {
    const f = g.figures;
    out.set(`${g.period}|${g.key.channel}`, {
      volume: f.volume,
      frtMedian: f.first_response.calendar.median,
      frtP90: f.first_response.calendar.percentiles.p90 ?? null,
      resMedian: f.full_resolution.calendar.median,
      resP90: f.full_resolution.calendar.percentiles.p90 ?? null,
      reopen: f.reopen.rate,
      oneTouch: f.one_touch.rate,
      fcr: f.fcr.rate,
    });
  }
  return out;
}

function duckdbCells(stdout: string): Map<string, Cell> {
  const rows = JSON.parse(stdout) as Array<Record<string, string | number | null>>;
  const n = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const out = new Map<string, Cell>();
  for (const r of rows) {
    out.set(`${r.week}|${r.channel}`, {
      volume: Number(r.volume),
      frtMedian: n(r.frt_median),
      frtP90: n(r.frt_p90),
      resMedian: n(r.res_median),
      resP90: n(r.res_p90),
      reopen: n(r.reopen),
      oneTouch: n(r.one_touch),
      fcr: n(r.fcr),
    });
  }
  return out;
}

/** The ISO week label (2025-W01) of a Monday, given as days since 1970-01-01. */
function isoWeekOfMondayDay(monday: number): string {
  const thursday = monday + 3;
  const year = new Date(thursday * 86400000).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / 86400000) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Miller's week key is the Monday's date; ours is the ISO week label of the same Monday. */
const isoWeekOfMonday = (date: string): string =>
  isoWeekOfMondayDay(Date.parse(`${date}T00:00:00Z`) / 86400000);

function millerCells(stdout: string): Map<string, Partial<Cell>> {
  const rows = JSON.parse(stdout) as Array<Record<string, number | string>>;
  const out = new Map<string, Partial<Cell>>();
  for (const r of rows) {
    out.set(`${isoWeekOfMonday(String(r.week))}|${r.channel}`, {
      volume: Number(r.frt_count),
      frtMedian: Number(r.frt_median),
      frtP90: Number(r.frt_p90),
      resMedian: r.res_median === undefined || r.res_median === "" ? null : Number(r.res_median),
      resP90: r.res_p90 === undefined || r.res_p90 === "" ? null : Number(r.res_p90),
    });
  }
  return out;
}

/** Cells and fields where the peer disagrees with ours, over the fields the peer computes. */
function mismatches(ours: Map<string, Cell>, peer: Map<string, Partial<Cell>>): string[] {
  const asFigures = (cells: Map<string, Partial<Cell>>, fieldsOf: (key: string) => string[]): Cells =>
    new Map(
      [...cells].map(([key, cell]) => [
        key,
        new Map(fieldsOf(key).map((f) => [f, (cell as Record<string, number | null>)[f] ?? null])),
      ]),
    );
  const peerFields = (key: string) => Object.keys(peer.get(key) ?? {});
  return figureMismatches(asFigures(ours, peerFields), asFigures(peer, peerFields));
}

const row = (label: string, m: Measured) =>
  `${label.padEnd(34)} ${fmt(m.seconds, 2).padStart(7)} s  peak RSS ${m.peakRssMb === null ? "n/a" : `${fmt(m.peakRssMb)} MB`}`;

function check(label: string, m: Measured): Measured {
  if (m.code !== 0) throw new Error(`${label} failed (${m.code}): ${m.stderr.slice(0, 2000)}`);
  return m;
}

async function main(): Promise<void> {
  const csv = await generateTickets(ROWS);
  console.log(`input: ${fmt(ROWS)} tickets, ${fmt(statSync(csv).size / 1e6, 1)} MB (${csv})`);
  // The store is imported once and kept; its name carries the schema version, so a store from an
  // older layout (e.g. without the tickets' column cache) is never measured.
  const store = join(WORK_DIR, `bench-kpi-${ROWS}-v${SCHEMA_VERSION}.db`);
  if (!existsSync(store)) {
    const imported = check(
      "import",
      supportops(["--db", store, "import", "tickets", csv, "--tz", "UTC", "--quiet"]),
    );
    console.log(row("import into the store (once)", imported));
  }

  const runs = {
    a: () => check("(a) kpi from the store", supportops(["--db", store, ...REPORT])),
    b: () => check("(b) kpi ad hoc", supportops([...REPORT, "--tickets", csv])),
    c: () =>
      check(
        "(c) DuckDB",
        measure(process.execPath, ["--input-type=module", "-e", duckdbReportScript(csv)], { cwd: ROOT }),
      ),
    cSubset: () =>
      check(
        "(c') DuckDB",
        measure(process.execPath, ["--input-type=module", "-e", duckdbSubsetScript(csv)], { cwd: ROOT }),
      ),
    d: () => check("(d) Miller", measure("mlr", millerArgs(csv))),
  };
  const all: Record<keyof typeof runs, Measured[]> = { a: [], b: [], c: [], cSubset: [], d: [] };
  for (let i = 0; i < REPEAT; i++) {
    for (const k of Object.keys(runs) as Array<keyof typeof runs>) all[k].push(runs[k]());
  }
  if (REPEAT > 1) {
    console.log("");
    for (const k of Object.keys(all) as Array<keyof typeof all>)
      console.log(`${k.padEnd(8)} ${all[k].map((m) => fmt(m.seconds, 2)).join("  ")} s`);
    console.log(`fastest of ${REPEAT}:`);
  }
  const fastest = (list: Measured[]) => list.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const peakRss = (list: Measured[]) => Math.max(...list.map((m) => m.peakRssMb ?? Number.POSITIVE_INFINITY));
  const [a, b, c, cSubset, d] = [all.a, all.b, all.c, all.cSubset, all.d].map(fastest) as [
    Measured,
    Measured,
    Measured,
    Measured,
    Measured,
  ];

  console.log("");
  console.log(row("(a) supportops kpi, store", a));
  console.log(row("(b) supportops kpi --tickets CSV", b));
  console.log(row("(c) DuckDB SQL, the same figures", c));
  console.log(row("(c') DuckDB SQL, 8 of the figures", cSubset));
  console.log(row("(d) Miller stats1 on the CSV", d));

  const ours = oursCells(a.stdout);
  const oursAll = ourFigures(a.stdout);
  const adHocSame = figureMismatches(oursAll, ourFigures(b.stdout)).length === 0;
  const vsDuck = figureMismatches(oursAll, duckdbFigures(c.stdout, isoWeekOfMondayDay));
  const vsDuckSubset = mismatches(ours, duckdbCells(cSubset.stdout));
  const vsMiller = mismatches(ours, millerCells(d.stdout));
  console.log("");
  console.log(`figures: ${fmt(ours.size)} channel-week cells`);
  console.log(`  (b) same as (a): ${adHocSame ? "yes" : "NO"}`);
  console.log(
    `  (c) DuckDB disagrees on ${vsDuck.length} of ${fmt(figureCount(oursAll))} figures in ${fmt(oursAll.size)} cells${vsDuck.length ? `, e.g. ${vsDuck.slice(0, 3).join("; ")}` : ""}`,
  );
  console.log(
    `  (c') DuckDB disagrees on ${vsDuckSubset.length} values${vsDuckSubset.length ? `, e.g. ${vsDuckSubset.slice(0, 3).join("; ")}` : ""}`,
  );
  console.log(
    `  Miller disagrees on ${vsMiller.length} values${vsMiller.length ? `, e.g. ${vsMiller.slice(0, 3).join("; ")}` : ""}`,
  );

  const ratioA = a.seconds / c.seconds;
  const ratioB = b.seconds / d.seconds;
  const rss = Math.max(peakRss(all.a), peakRss(all.b));
  const checks: Array<[string, boolean]> = [
    [
      `(a) faster than DuckDB computing the same figures (c): ${fmt(ratioA, 2)}× its time (${fmt(a.seconds / cSubset.seconds, 2)}× that of (c'))`,
      ratioA < 1,
    ],
    [`(b) faster than Miller (d): ${fmt(ratioB, 2)}× its time`, ratioB < 1],
    [`peak RSS of (a) and (b) <= 400 MB: ${fmt(rss)} MB`, rss <= 400],
    [
      "same figures as DuckDB and Miller",
      vsDuck.length === 0 && vsDuckSubset.length === 0 && vsMiller.length === 0 && adHocSame,
    ],
  ];
  console.log("");
  for (const [text, ok] of checks) console.log(`${ok ? "PASS" : "MISS"}  ${text}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
