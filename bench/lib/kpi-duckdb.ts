/**
 * The DuckDB peer of bench/kpi.ts: the figures of `supportops kpi --tz UTC --by channel --period
 * week` (the default report: business hours Mon–Fri 09:00–18:00 with Japanese holidays, SLA
 * targets 8h / 3d of business time, a 7-day re-contact window) computed with SQL straight from the
 * generated CSV, for the overall range, each channel and each ISO week × channel. The rules are
 * those of docs/metrics.md, written again in SQL for the columns the generated export has; every
 * figure is then compared with ours, cell by cell.
 *
 * Figures are flattened to paths (`first_response.business.p90`, `recontact.successes`,
 * `top_reasons.3.key`) so that both sides compare the same way.
 */
import holidayJp from "@holiday-jp/holiday_jp";

export type Value = number | string | null;
export type Figures = Map<string, Value>;
/** Cell key: `period|channel`, with `*` for "all". */
export type Cells = Map<string, Figures>;

const ABSURD = 365 * 86400;
const DAY_START = 9 * 3600;
const DAY_LENGTH = 9 * 3600;
const SLA_FIRST_RESPONSE = 8 * 3600;
const SLA_RESOLUTION = 3 * 86400;
const RECONTACT_WINDOW = 7 * 86400;
const DURATIONS = ["first_response", "first_resolution", "full_resolution", "handle"] as const;
const RATES = [
  "sla_first_response",
  "sla_resolution",
  "fcr",
  "one_touch",
  "recontact",
  "reopen",
  "escalation",
  "self_service",
  "knowledge",
] as const;
const EXCLUSIONS = ["missing", "open", "invalid", "absurd"] as const;

/** Day numbers (days since 1970-01-01) of the Japanese national holidays, substitutes included, 2000–2040. */
function holidayDays(): number[] {
  return holidayJp
    .between(new Date(2000, 0, 1), new Date(2040, 11, 31))
    .map(
      (h: { date: Date }) => Date.UTC(h.date.getFullYear(), h.date.getMonth(), h.date.getDate()) / 86400000,
    );
}

/** The generated export (bench/lib/generate.ts) read by DuckDB with its columns' types, for both peers. */
export const readTicketsCsv = (csv: string): string => `read_csv('${csv}', header = true, columns = {
      'ticket_id': 'VARCHAR', 'created_at': 'TIMESTAMP', 'first_response_at': 'TIMESTAMP',
      'resolved_at': 'TIMESTAMP', 'status': 'VARCHAR', 'channel': 'VARCHAR', 'priority': 'VARCHAR',
      'agent': 'VARCHAR', 'group_name': 'VARCHAR', 'customer_id': 'VARCHAR', 'reason': 'VARCHAR',
      'reopen_count': 'INTEGER', 'agent_replies': 'INTEGER'})`;

/**
 * Per ticket: the week (day number of its Monday), the durations (NULL when excluded) with their
 * exclusion code (0 none, 1 missing, 2 open, 3 invalid, 4 absurd), and each rate's outcome (1, 0,
 * or NULL when left out). Business seconds between two instants are B(end) − B(start), B being
 * the business seconds before an instant, read from a table of days.
 */
function measuresSql(csv: string): string {
  const bt = (x: string, d: string) =>
    `${d}.cum + CASE WHEN ${d}.bs > 0 THEN least(greatest(${x} - ${d}.dn * 86400 - ${DAY_START}, 0), ${DAY_LENGTH}) ELSE 0 END`;
  const exclusion = (end: string) =>
    `CASE WHEN ${end} < c THEN 3 WHEN ${end} - c > ${ABSURD} THEN 4 ELSE 0 END`;
  return `
CREATE TEMP TABLE m AS
WITH t AS (
  SELECT ticket_id, channel, customer_id, reason, reopen_count AS reopens, agent_replies AS replies,
         epoch(created_at) AS c, epoch(first_response_at) AS f, epoch(resolved_at) AS r,
         status IN ('solved', 'closed') AS resolved
    FROM ${readTicketsCsv(csv)}
),
bounds AS (SELECT greatest(max(c), max(f), max(r)) + 1 AS as_of, floor(min(c) / 86400)::BIGINT AS lo FROM t),
days AS (
  SELECT dn, bs, sum(bs) OVER (ORDER BY dn) - bs AS cum FROM (
    SELECT dn, CASE WHEN (dn + 3) % 7 < 5 AND dn NOT IN (SELECT dn FROM holidays) THEN ${DAY_LENGTH} ELSE 0 END AS bs
      FROM (SELECT unnest(range(lo - 1, floor(as_of / 86400)::BIGINT + 400)) AS dn FROM bounds))
),
e AS (
  SELECT t.*, bounds.as_of, CASE WHEN resolved THEN r END AS e,
         lead(c) OVER (PARTITION BY customer_id, reason ORDER BY c, ticket_id) AS next_c
    FROM t, bounds
),
b AS (
  SELECT e.*, ${bt("c", "dc")} AS bc, ${bt("f", "df")} AS bf, ${bt("e", "de")} AS be, ${bt("as_of", "da")} AS b_as_of
    FROM e
    LEFT JOIN days dc ON dc.dn = floor(c / 86400)
    LEFT JOIN days df ON df.dn = floor(f / 86400)
    LEFT JOIN days de ON de.dn = floor(e / 86400)
    LEFT JOIN days da ON da.dn = floor(as_of / 86400)
),
x AS (
  SELECT b.*,
    CASE WHEN f IS NULL THEN CASE WHEN resolved THEN 1 ELSE 2 END ELSE ${exclusion("f")} END AS frt_x,
    CASE WHEN NOT resolved THEN 2 WHEN e IS NULL THEN 1 ELSE ${exclusion("e")} END AS full_x
  FROM b
)
SELECT channel, reason,
  (floor(c / 86400) - (floor(c / 86400) + 3) % 7)::BIGINT AS wk,
  c, as_of,
  CASE WHEN resolved THEN coalesce(e, c) END AS closing,
  frt_x, CASE WHEN frt_x = 0 THEN f - c END AS frt_cal, CASE WHEN frt_x = 0 THEN bf - bc END AS frt_bus,
  full_x, CASE WHEN full_x = 0 THEN e - c END AS full_cal, CASE WHEN full_x = 0 THEN be - bc END AS full_bus,
  -- never reopened: the first solve is the last; reopened, with no first-solve column: missing
  CASE WHEN coalesce(reopens, -1) > 0 THEN 1 WHEN NOT resolved THEN 2 ELSE full_x END AS first_x,
  CASE WHEN coalesce(reopens, -1) <= 0 AND full_x = 0 THEN e - c END AS first_cal,
  CASE WHEN coalesce(reopens, -1) <= 0 AND full_x = 0 THEN be - bc END AS first_bus,
  CASE WHEN f IS NOT NULL THEN CASE WHEN frt_x = 0 THEN (bf - bc <= ${SLA_FIRST_RESPONSE})::INTEGER END
       WHEN resolved OR as_of - c > ${ABSURD} THEN NULL
       WHEN b_as_of - bc > ${SLA_FIRST_RESPONSE} THEN 0 END AS sla_first_response,
  CASE WHEN e IS NOT NULL THEN CASE WHEN full_x = 0 THEN (be - bc <= ${SLA_RESOLUTION})::INTEGER END
       WHEN resolved OR as_of - c > ${ABSURD} THEN NULL
       WHEN b_as_of - bc > ${SLA_RESOLUTION} THEN 0 END AS sla_resolution,
  CASE WHEN NOT resolved THEN NULL WHEN coalesce(reopens, -1) > 0 THEN 0 WHEN replies IS NULL THEN NULL
       ELSE (replies <= 1)::INTEGER END AS fcr,
  CASE WHEN resolved AND replies IS NOT NULL THEN (replies < 2)::INTEGER END AS one_touch,
  CASE WHEN e IS NULL OR customer_id IS NULL OR reason IS NULL THEN NULL
       WHEN next_c <= e + ${RECONTACT_WINDOW} THEN 1 WHEN e + ${RECONTACT_WINDOW} <= as_of THEN 0 END AS recontact,
  CASE WHEN reopens IS NULL OR NOT (resolved OR reopens > 0) THEN NULL ELSE (reopens > 0)::INTEGER END AS reopen,
  CASE WHEN channel IS NOT NULL THEN (channel = 'self_service')::INTEGER END AS self_service
FROM x`;
}

function aggregatesSql(): string {
  const duration = (name: string, col: string) => `
    count(${col}_cal) AS ${name}_cal_n, avg(${col}_cal) AS ${name}_cal_mean,
    quantile_cont(${col}_cal, [0.5, 0.9]) AS ${name}_cal_q,
    count(${col}_bus) AS ${name}_bus_n, avg(${col}_bus) AS ${name}_bus_mean,
    quantile_cont(${col}_bus, [0.5, 0.9]) AS ${name}_bus_q,
    ${EXCLUSIONS.map((x, k) => `count(*) FILTER (WHERE ${col}_x = ${k + 1}) AS ${name}_${x}`).join(", ")}`;
  const rate = (name: string) => `count(${name}) AS ${name}_n, coalesce(sum(${name}), 0) AS ${name}_s`;
  return `
SELECT grouping(wk) AS gw, grouping(channel) AS gc, wk, channel, count(*) AS volume,
  ${duration("first_response", "frt")}, ${duration("first_resolution", "first")}, ${duration("full_resolution", "full")},
  ${["sla_first_response", "sla_resolution", "fcr", "one_touch", "recontact", "reopen", "self_service"].map(rate).join(", ")},
  count(*) FILTER (WHERE c < as_of AND coalesce(closing, 'infinity'::DOUBLE) > as_of) AS backlog_now
FROM m GROUP BY GROUPING SETS ((wk, channel), (channel), ())`;
}

/** Open at the end of each week (created before it, closing after it): +1 from the creation's week, −1 from the first week ending at or after the closing. */
const BACKLOG_SQL = `
WITH closed AS (
  -- the Monday of the week holding the instant just before the closing: the first week whose end is not before it
  SELECT channel, wk, (ceil(closing / 86400) - 1 - (ceil(closing / 86400) - 1 + 3) % 7)::BIGINT AS cw FROM m
),
deltas AS (
  SELECT channel, w, sum(d) AS d FROM (
    SELECT channel, wk AS w, 1 AS d FROM closed WHERE cw IS NULL OR cw > wk
    UNION ALL
    SELECT channel, cw, -1 FROM closed WHERE cw > wk)
  GROUP BY ALL
),
cells AS (SELECT DISTINCT wk, channel FROM m)
SELECT cells.wk, cells.channel, sum(d) AS backlog
  FROM cells JOIN deltas ON deltas.channel = cells.channel AND deltas.w <= cells.wk
 GROUP BY ALL`;

const TOP_REASONS_SQL = `
SELECT * FROM (
  SELECT grouping(wk) AS gw, grouping(channel) AS gc, wk, channel, reason, count(*) AS n,
         row_number() OVER (PARTITION BY grouping(wk), grouping(channel), wk, channel
                            ORDER BY count(*) DESC, reason) AS rank
    FROM m GROUP BY GROUPING SETS ((wk, channel, reason), (channel, reason), (reason)))
 WHERE rank <= 10`;

/** The peer's program, run as plain JavaScript in its own process; prints the figures' rows as JSON. */
export function duckdbReportScript(csv: string): string {
  const holidays = holidayDays()
    .map((d) => `(${d})`)
    .join(", ");
  return `
import { DuckDBInstance } from "@duckdb/node-api";
const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
await db.run(\`CREATE TEMP TABLE holidays (dn BIGINT); INSERT INTO holidays VALUES ${holidays};\`);
await db.run(${JSON.stringify(measuresSql(csv))});
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const [aggregates, backlog, reasons] = [await rows(${JSON.stringify(aggregatesSql())}), await rows(${JSON.stringify(BACKLOG_SQL)}), await rows(${JSON.stringify(TOP_REASONS_SQL)})];
process.stdout.write(JSON.stringify({ aggregates, backlog, reasons }));
`;
}

type Row = Record<string, string | number | null | Array<number | null>>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Z for 95%, as src/analytics/stats/wilson.ts writes it. */
const Z = 1.96;

function rateFigures(out: Figures, name: string, successes: number, n: number): void {
  out.set(`${name}.n`, n);
  out.set(`${name}.successes`, n === 0 ? 0 : successes);
  if (n === 0) {
    for (const k of ["rate", "low", "high"]) out.set(`${name}.${k}`, null);
    return;
  }
  const p = successes / n;
  const centre = p + (Z * Z) / (2 * n);
  const spread = Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  const denominator = 1 + (Z * Z) / n;
  out.set(`${name}.rate`, p);
  out.set(`${name}.low`, Math.max(0, (centre - spread) / denominator));
  out.set(`${name}.high`, Math.min(1, (centre + spread) / denominator));
}

/** `weekLabel` turns a Monday's day number into the report's label (2025-W01). */
export function duckdbFigures(stdout: string, weekLabel: (mondayDay: number) => string): Cells {
  const { aggregates, backlog, reasons } = JSON.parse(stdout) as Record<string, Row[]>;
  const keyOf = (r: Row) =>
    `${Number(r.gw) === 1 ? "*" : weekLabel(Number(r.wk))}|${Number(r.gc) === 1 ? "*" : r.channel}`;
  const cells: Cells = new Map();
  const volumes = new Map<string, number>();
  for (const r of aggregates ?? []) {
    const f: Figures = new Map();
    const volume = Number(r.volume);
    f.set("volume", volume);
    for (const d of DURATIONS) {
      for (const basis of ["calendar", "business"] as const) {
        const col = `${d}_${basis === "calendar" ? "cal" : "bus"}`;
        const q = d === "handle" ? [null, null] : (r[`${col}_q`] as Array<number | null> | null);
        const n = d === "handle" ? 0 : Number(r[`${col}_n`]);
        f.set(`${d}.${basis}.n`, n);
        f.set(`${d}.${basis}.mean`, d === "handle" ? null : num(r[`${col}_mean`]));
        f.set(`${d}.${basis}.median`, num(q?.[0]));
        f.set(`${d}.${basis}.p90`, num(q?.[1]));
      }
      // The export has no handle-time column: every ticket misses it.
      for (const x of EXCLUSIONS)
        f.set(`${d}.excluded.${x}`, d === "handle" ? (x === "missing" ? volume : 0) : Number(r[`${d}_${x}`]));
    }
    for (const rate of RATES) {
      // The export has no escalation or knowledge column: no ticket is counted.
      const n = rate === "escalation" || rate === "knowledge" ? 0 : Number(r[`${rate}_n`]);
      rateFigures(f, rate, n === 0 ? 0 : Number(r[`${rate}_s`]), n);
    }
    if (Number(r.gw) === 1) f.set("backlog", Number(r.backlog_now));
    cells.set(keyOf(r), f);
    if (Number(r.gw) === 1 && Number(r.gc) === 0) volumes.set(String(r.channel), volume);
  }
  for (const r of backlog ?? [])
    cells.get(`${weekLabel(Number(r.wk))}|${r.channel}`)?.set("backlog", Number(r.backlog));
  for (const r of reasons ?? []) {
    const f = cells.get(keyOf(r));
    if (!f) continue;
    const rank = Number(r.rank);
    f.set(`top_reasons.${rank}.key`, String(r.reason));
    f.set(`top_reasons.${rank}.count`, Number(r.n));
    f.set(`top_reasons.${rank}.share`, Number(r.n) / (f.get("volume") as number));
  }
  // Channel mix: a channel's cells are all that channel; the overall mix is the channels' volumes.
  for (const [key, f] of cells) {
    const channel = key.split("|")[1] as string;
    const entries: Array<[string, number]> =
      channel === "*" ? [...volumes] : [[channel, f.get("volume") as number]];
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    entries.forEach(([k, count], i) => {
      f.set(`channel_mix.${i + 1}.key`, k);
      f.set(`channel_mix.${i + 1}.count`, count);
      f.set(`channel_mix.${i + 1}.share`, count / (f.get("volume") as number));
    });
  }
  return cells;
}

interface DistributionJson {
  n: number;
  mean: number | null;
  median: number | null;
  percentiles: Record<string, number | null>;
}
interface FiguresJson {
  volume: number;
  backlog: number;
  channel_mix: Array<{ key: string; count: number; share: number }>;
  top_reasons: Array<{ key: string; count: number; share: number }>;
  [metric: string]: unknown;
}

function flatten(j: FiguresJson): Figures {
  const f: Figures = new Map();
  f.set("volume", j.volume);
  f.set("backlog", j.backlog);
  for (const d of DURATIONS) {
    const m = j[d] as {
      calendar: DistributionJson;
      business: DistributionJson;
      excluded: Record<string, number>;
    };
    for (const basis of ["calendar", "business"] as const) {
      const s = m[basis];
      f.set(`${d}.${basis}.n`, s.n);
      f.set(`${d}.${basis}.mean`, s.mean);
      f.set(`${d}.${basis}.median`, s.median);
      f.set(`${d}.${basis}.p90`, s.percentiles.p90 ?? null);
    }
    for (const x of EXCLUSIONS) f.set(`${d}.excluded.${x}`, m.excluded[x] as number);
  }
  for (const rate of RATES) {
    const r = j[rate] as Record<string, number | null>;
    for (const k of ["n", "successes", "rate", "low", "high"]) f.set(`${rate}.${k}`, r[k] ?? null);
  }
  for (const [name, list] of [
    ["channel_mix", j.channel_mix],
    ["top_reasons", j.top_reasons],
  ] as const) {
    list.forEach((e, i) => {
      f.set(`${name}.${i + 1}.key`, e.key);
      f.set(`${name}.${i + 1}.count`, e.count);
      f.set(`${name}.${i + 1}.share`, e.share);
    });
  }
  return f;
}

/** Our report's JSON as the same cells. */
export function ourFigures(stdout: string): Cells {
  const doc = JSON.parse(stdout) as {
    overall: FiguresJson;
    groups: Array<{ key: { channel: string }; figures: FiguresJson }>;
    by_period: Array<{ period: string; key: { channel: string }; figures: FiguresJson }>;
  };
  const cells: Cells = new Map([["*|*", flatten(doc.overall)]]);
  for (const g of doc.groups) cells.set(`*|${g.key.channel}`, flatten(g.figures));
  for (const g of doc.by_period) cells.set(`${g.period}|${g.key.channel}`, flatten(g.figures));
  return cells;
}

/** Where two sets of cells differ (numbers: relative 1e-9 or absolute 1e-6). */
export function figureMismatches(ours: Cells, peer: Cells): string[] {
  const out: string[] = [];
  if (ours.size !== peer.size) out.push(`cells: ours ${ours.size}, peer ${peer.size}`);
  for (const [key, theirs] of peer) {
    const mine = ours.get(key);
    if (!mine) {
      out.push(`${key}: missing in ours`);
      continue;
    }
    for (const path of new Set([...mine.keys(), ...theirs.keys()])) {
      const a = mine.get(path) ?? null;
      const b = theirs.get(path) ?? null;
      const same =
        a === b ||
        (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-6 + 1e-9 * Math.abs(b));
      if (!same) out.push(`${key} ${path}: ours ${a}, peer ${b}`);
    }
  }
  return out;
}

/** Number of figures compared (paths over all cells). */
export const figureCount = (cells: Cells): number => [...cells.values()].reduce((n, f) => n + f.size, 0);
