/**
 * `supportops kpi` through the built binary on the hand-computed fixture (fixtures/kpi-cli, the CSV
 * form of fixtures/kpi/tickets.json; test/analytics/kpi/fixture.test.ts works out every figure).
 * T0 = Mon 2025-01-06 09:00 UTC; reports as of Wed 2025-01-08 10:00 UTC = T0 + 49 h. The config
 * (fixtures/kpi-cli/supportops.config.yaml): UTC, open 09:00–18:00 daily, SLA on calendar time,
 * high 1h/8h, default 8h/3d; targets frt.p90 <= 60m (missed: 78 min), sla.first_response >= 80%
 * (met: 4/5), csat >= 50 (met: 2/4).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/db.js";
import { FIXTURES, runBin, tempDir } from "../helpers/cli.js";

const H = 3600;
const dir = tempDir("supportops-kpi-cli-");
const db = join(dir.dir, "store.db");
const config = join(FIXTURES, "kpi-cli/supportops.config.yaml");
const AS_OF = "2025-01-08T10:00:00Z";

beforeAll(() => {
  for (const kind of ["tickets", "surveys"]) {
    const r = runBin(["--db", db, "--config", config, "import", kind, join(FIXTURES, `kpi-cli/${kind}.csv`)]);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => dir.cleanup());

function kpi(args: string[], configPath = config) {
  return runBin(["--db", db, "--config", configPath, "kpi", "--as-of", AS_OF, ...args]);
}

interface Rate {
  n: number;
  successes: number;
  rate: number | null;
}
interface Dist {
  n: number;
  mean: number | null;
  median: number | null;
  percentiles: Record<string, number | null>;
}
interface Figures {
  volume: number;
  merged: number;
  backlog: number;
  first_response: { calendar: Dist; business: Dist; excluded: Record<string, number>; from_export: number };
  full_resolution: { calendar: Dist; business: Dist };
  fcr: Rate;
  reopen: Rate;
  recontact: Rate;
  sla_first_response: Rate;
  sla_resolution: Rate;
  csat: Rate;
  nps: { nps: number | null; n: number };
  ces: { mean: number | null };
  channel_mix: Array<{ key: string; count: number }>;
}
interface KpiJson {
  version: number;
  kind: string;
  as_of: string;
  range: { from: string | null; to: string } | null;
  overall: Figures;
  groups: Array<{ key: Record<string, string>; figures: Figures }>;
  periods: Array<{ label: string }>;
  by_period: Array<{ period: string; figures: Figures }>;
  comparison: {
    range: { from: string; to: string };
    overall: Figures;
    deltas: Array<{ metric: string; stat: string | null; absolute: number | null; verdict: string | null }>;
  } | null;
  targets: Array<{ expression: string; status: string; actual: number | null }>;
}

function json(args: string[]): KpiJson {
  const r = kpi(["--format", "json", ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as KpiJson;
}

describe("kpi --format json on the fixture", () => {
  const doc = () => json([]);

  it("overall figures match the hand computation", () => {
    const d = doc();
    expect([d.version, d.kind, d.as_of, d.range]).toEqual([1, "kpi", AS_OF, null]);
    const o = d.overall;
    expect([o.volume, o.merged, o.backlog]).toEqual([8, 1, 2]);
    // first responses: t1 3600, t2 5400, t4 600, t7 120, t8 2700 (export's 45 min)
    expect(o.first_response.calendar).toEqual({
      n: 5,
      mean: 2484,
      median: 2700,
      percentiles: { p50: 2700, p90: 4680 },
    });
    // business (09:00–18:00): t1 3600, t2 1800, t4 600, t7 120, t8 1800 (export's 30 min)
    expect(o.first_response.business).toMatchObject({ median: 1800, mean: 1584 });
    expect(o.first_response.excluded).toEqual({ missing: 0, open: 2, invalid: 1, absurd: 0 });
    expect(o.full_resolution.calendar).toMatchObject({ n: 5, median: 5 * H, mean: 49560 });
    expect(o.fcr).toMatchObject({ n: 6, successes: 3 });
    expect(o.reopen).toMatchObject({ n: 5, successes: 1 });
    expect(o.recontact).toMatchObject({ n: 1, successes: 1 });
    expect(o.sla_first_response).toMatchObject({ n: 5, successes: 4 });
    expect(o.sla_resolution).toMatchObject({ n: 6, successes: 4 });
    // s11 (CSAT 7 on 1–5) was rejected at import, so four CSAT answers remain: 5, 2, Bad, 4.
    expect(o.csat).toMatchObject({ n: 4, successes: 2 });
    expect(o.nps).toMatchObject({ n: 4, nps: 25 });
    expect(o.ces.mean).toBe(4.5);
    expect(d.targets.map((t) => [t.expression, t.status])).toEqual([
      ["frt.p90 <= 60m", "missed"],
      ["sla.first_response >= 80%", "met"],
      ["csat >= 50", "met"],
    ]);
  });

  it("default as-of is one second after the latest timestamp (t2's solve, t3's creation)", () => {
    const r = runBin(["--db", db, "--config", config, "kpi", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as KpiJson).as_of).toBe("2025-01-08T09:00:01Z");
  });

  it("--by channel: one group per channel", () => {
    const d = json(["--by", "channel"]);
    const group = (name: string) => d.groups.find((g) => g.key.channel === name)?.figures as Figures;
    expect(d.groups.map((g) => g.key.channel).sort()).toEqual(["chat", "email", "phone", "web_form"]);
    // email: t1, t3, t6, t9 (t5 merged)
    expect([group("email").volume, group("email").merged]).toEqual([4, 1]);
    // chat: t2 5400 s and t7 120 s
    expect(group("chat").first_response.calendar.median).toBe(2760);
  });

  it("--period day over Mon–Wed: volume and backlog per day", () => {
    const d = json(["--period", "day", "--since", "2025-01-06..2025-01-08"]);
    expect(d.periods.map((p) => p.label)).toEqual(["2025-01-06", "2025-01-07", "2025-01-08"]);
    // Mon: t1 t2 t6 t8 t9; Tue: t4; Wed: t3. Open at Tue 00:00: t2 t6 t9; at Wed 00:00: t2 t9;
    // at Thu 00:00: t3 t9.
    expect(d.by_period.map((p) => [p.period, p.figures.volume, p.figures.backlog])).toEqual([
      ["2025-01-06", 5, 3],
      ["2025-01-07", 1, 2],
      ["2025-01-08", 1, 2],
    ]);
  });

  it("--compare previous: Tue–Wed against Sun–Mon", () => {
    const d = json(["--since", "2025-01-07..2025-01-08", "--compare", "previous", "--metrics", "volume"]);
    expect(d.comparison?.range).toEqual({ from: "2025-01-05T00:00:00Z", to: "2025-01-07T00:00:00Z" });
    const delta = (metric: string) => d.comparison?.deltas.find((x) => x.metric === metric);
    // volume 2 (t3, t4) against 5 (t1 t2 t6 t8 t9)
    expect(delta("volume")?.absolute).toBe(-3);
    // FCR: t4 1/1 against t1 ✓, t2 ✗ (3 replies), t6 ✗ (2 replies), t8 ✗ (export flag) = 1/4
    expect(delta("fcr")).toMatchObject({ absolute: 0.75, verdict: "better" });
  });
});

describe("kpi table output", () => {
  it("shows calendar and business time side by side, deltas and a trend column", () => {
    const r = kpi([
      "--metrics",
      "frt,fcr",
      "--since",
      "2025-01-06..2025-01-08",
      "--period",
      "day",
      "--compare",
      "baseline:2025-01-06",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const frt = r.stdout.slice(r.stdout.indexOf("First response time"));
    expect(frt).toContain("median (calendar)");
    expect(frt).toContain("median (business)");
    expect(frt).toContain("Trend");
    // All row over Mon–Wed: t1 3600, t2 5400, t4 600, t8 2700 → median 3150 s = 53 min; business
    // t1 3600, t2 1800, t4 600, t8 1800 → 30m. Per day: Mon 60m, Tue 10m, Wed none: "█▁ ".
    expect(frt).toMatch(/│ All\s+│ 4 │\s+53m │/);
    expect(frt).toContain("█▁");
    expect(frt).toContain("missed (frt.p90 <= 60m)");
    // FCR against Monday alone (t1 ✓ t2 ✗ t6 ✗ t8 ✗: 25%), now 2/5 with t4: +15.0 pt
    const fcr = r.stdout.slice(r.stdout.indexOf("First-contact resolution"));
    expect(fcr).toContain("+15.0 pt");
    expect(r.stdout.indexOf("First response time")).toBeLessThan(
      r.stdout.indexOf("First-contact resolution"),
    );
  });

  it("--lang ja gives Japanese labels in the default order", () => {
    const r = kpi(["--lang", "ja"]);
    expect(r.code, r.stderr).toBe(0);
    const order = ["初回応答時間", "一次解決率", "再接触率", "顧客満足度"].map((l) => r.stdout.indexOf(l));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toContain("中央値（営業時間）");
  });
});

describe("kpi --drill", () => {
  it("lists resolution SLA breaches worst first", () => {
    const r = kpi(["--drill", "sla.resolution", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      total: number;
      rows: Array<{ ticket_id: string; value: number | null }>;
    };
    // t9 overdue since Mon 09:00 (49 h), t4 breached by the export's verdict (no elapsed time)
    expect(d.rows).toEqual([
      { ticket_id: "t9", value: 49 * H, detail: null, url: null },
      { ticket_id: "t4", value: null, detail: null, url: null },
    ]);
  });

  it("links each ticket to the help desk with config kpi.ticket_url", () => {
    const file = join(dir.dir, "linked.yaml");
    writeFileSync(
      file,
      `${readFileSync(config, "utf8")}\nkpi:\n  ticket_url: "https://acme.zendesk.com/agent/tickets/{ticket_id}"\n`,
    );
    const json = JSON.parse(kpi(["--drill", "sla.resolution", "--format", "json"], file).stdout) as {
      rows: Array<{ ticket_id: string; url: string }>;
    };
    expect(json.rows.map((r) => r.url)).toEqual([
      "https://acme.zendesk.com/agent/tickets/t9",
      "https://acme.zendesk.com/agent/tickets/t4",
    ]);
    const csv = kpi(["--drill", "sla.resolution", "--format", "csv"], file).stdout.trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/,Link$/);
    expect(csv[1]).toMatch(/,https:\/\/acme\.zendesk\.com\/agent\/tickets\/t9$/);
    const html = kpi(["--drill", "sla.resolution", "--format", "html"], file).stdout;
    expect(html).toContain('<a href="https://acme.zendesk.com/agent/tickets/t9">');
    const bad = join(dir.dir, "bad-link.yaml");
    writeFileSync(
      bad,
      `${readFileSync(config, "utf8")}\nkpi:\n  ticket_url: "https://acme.zendesk.com/tickets/"\n`,
    );
    const r = kpi(["--drill", "sla.resolution"], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("{ticket_id}");
  });

  it("lists low CSAT answers and re-contacts with their follow-up", () => {
    const csat = JSON.parse(kpi(["--drill", "csat", "--format", "json"]).stdout) as {
      rows: Array<{ ticket_id: string; value: number; detail: string }>;
    };
    // s3 (Bad, joined by customer c3 to t4) and s2 (2 on t2)
    expect(csat.rows.map((x) => [x.ticket_id, x.value, x.detail])).toEqual([
      ["t4", 0, "s3"],
      ["t2", 2, "s2"],
    ]);
    const r = kpi(["--drill", "recontact", "--format", "csv"]);
    // t1 solved Mon 14:00, t3 came Wed 09:00: 43 h = 2580 min
    expect(r.stdout.trim().split(/\r?\n/).slice(1)).toEqual(["t1,2580,t3"]);
  });
});

describe("kpi --check", () => {
  it("exits 1 and names the missed target on stderr", () => {
    const r = kpi(["--check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("target missed: frt.p90 <= 60m");
    expect(r.stderr).not.toContain("sla.first_response >= 80%");
    expect(r.stdout).toContain("missed");
  });

  it("exits 0 when every target is met", () => {
    const file = join(dir.dir, "met.yaml");
    writeFileSync(file, readFileSync(config, "utf8").replace('"frt.p90 <= 60m"', '"frt.p90 <= 80m"'));
    const r = kpi(["--check"], file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("target missed");
  });
});

describe("kpi output files and encodings", () => {
  it("CSV in CP932 for Excel with Japanese labels, written atomically with --out", () => {
    const out = join(dir.dir, "kpi.csv");
    const r = kpi([
      "--format",
      "csv",
      "--encoding",
      "cp932",
      "--lang",
      "ja",
      "--metrics",
      "frt,csat",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const bytes = readFileSync(out);
    const utf8 = kpi(["--format", "csv", "--lang", "ja", "--metrics", "frt,csat"]).stdout;
    expect(iconv.decode(bytes, "cp932")).toBe(utf8);
    expect(bytes.equals(Buffer.from(utf8, "utf8"))).toBe(false);
    expect(utf8).toContain("初回応答時間");
    expect(readdirSync(dir.dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("ad hoc over files gives the same figures as the store", () => {
    const adHoc = runBin([
      "--config",
      config,
      "kpi",
      "--tickets",
      join(FIXTURES, "kpi-cli/tickets.csv"),
      "--surveys",
      join(FIXTURES, "kpi-cli/surveys.csv"),
      "--as-of",
      AS_OF,
      "--format",
      "json",
    ]);
    expect(adHoc.code, adHoc.stderr).toBe(0);
    expect(JSON.parse(adHoc.stdout)).toEqual(json([]));
  });
});

describe("kpi usage and configuration errors (exit 2)", () => {
  it("names the flag or key", () => {
    const by = kpi(["--by", "colour"]);
    expect([by.code, by.stderr.includes("--by")]).toEqual([2, true]);
    const compare = kpi(["--compare", "previous"]);
    expect([compare.code, compare.stderr.includes("--since")]).toEqual([2, true]);
    const since = kpi(["--since", "fortnight"]);
    expect([since.code, since.stderr.includes("--since")]).toEqual([2, true]);

    const badTarget = join(dir.dir, "bad-target.yaml");
    writeFileSync(badTarget, 'timezone: UTC\ntargets: ["frt.p90 <= soon"]\n');
    const t = kpi([], badTarget);
    expect([t.code, t.stderr.includes("targets[0]")]).toEqual([2, true]);

    const badSla = join(dir.dir, "bad-sla.yaml");
    writeFileSync(
      badSla,
      "timezone: UTC\nsla:\n  basis: calendar\n  targets:\n    default: { first_response: soon }\n",
    );
    const s = kpi([], badSla);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/sla\.targets\.default\.first_response/);
  });

  it("an empty store says what to do", () => {
    const empty = join(dir.dir, "empty.db");
    openStore({ path: empty }).close();
    const r = runBin(["--db", empty, "kpi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("import tickets first");
  });
});
