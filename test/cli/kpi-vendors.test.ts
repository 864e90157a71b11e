/**
 * `supportops kpi` over vendor exports imported with `supportops import` (fixtures/tickets,
 * fixtures/surveys) and over the real ServiceNow incident log (../shared/data), each figure
 * checked against a computation by hand or straight from the raw file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, runBin, SHARED_DATA, tempDir } from "../helpers/cli.js";

const dir = tempDir("supportops-kpi-vendors-");
afterAll(() => dir.cleanup());

/** Imports the files into a fresh store and returns a kpi runner over it. */
function storeWith(name: string, files: Array<["tickets" | "surveys", string]>) {
  const db = join(dir.dir, `${name}.db`);
  for (const [kind, file] of files) {
    const r = runBin(["--db", db, "import", kind, file]);
    expect(r.code, r.stderr).toBe(0);
  }
  return (args: string[]) => {
    const r = runBin(["--db", db, "kpi", ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
}

interface Rate {
  n: number;
  successes: number;
  rate: number;
}
interface Dist {
  n: number;
  mean: number;
  median: number;
  percentiles: Record<string, number>;
}
interface Figures {
  volume: number;
  first_response: { calendar: Dist; business: Dist; from_export: number };
  full_resolution: { calendar: Dist };
  reopen: Rate;
  sla_first_response: Rate;
  sla_resolution: Rate;
  knowledge: Rate;
  csat: Rate;
  channel_mix: Array<{ key: string; count: number; share: number }>;
}

describe("Zendesk export (24 tickets, precomputed minutes only)", () => {
  const kpi = storeWith("zendesk", [["tickets", join(FIXTURES, "tickets/zendesk.csv")]]);
  const o = (JSON.parse(kpi(["--format", "json"])) as { overall: Figures }).overall;

  it("first reply from the export's minutes, calendar and business", () => {
    // First reply minutes cycle 12, 45, 90, 5, 240, 30 four times: sorted 5×4 12×4 30×4 45×4 90×4
    // 240×4. Median between the 12th and 13th: (30 + 45) / 2 = 37.5 min; p90 at rank 20.7 → 240;
    // mean 422 / 6 = 70.33 min. Business minutes 12, 45, 60, 5, 60, 30: median 37.5, p90 60, mean 35.33.
    expect(o.first_response.from_export).toBe(24);
    expect(o.first_response.calendar).toEqual({
      n: 24,
      mean: 4220,
      median: 2250,
      percentiles: { p50: 2250, p90: 14400 },
    });
    expect(o.first_response.business).toEqual({
      n: 24,
      mean: 2120,
      median: 2250,
      percentiles: { p50: 2250, p90: 3600 },
    });
  });

  it("volume, channel mix and reopen rate", () => {
    expect(o.volume).toBe(24);
    // Via cycles Mail, Web, Chat, Voice: six each
    expect(o.channel_mix.map((c) => [c.key, c.count])).toEqual([
      ["chat", 6],
      ["email", 6],
      ["phone", 6],
      ["web_form", 6],
    ]);
    // Solved at least once: 16 solved/closed plus pending 1004 (1 reopen); reopened: 1004, 1011, 1018
    expect(o.reopen).toMatchObject({ n: 17, successes: 3 });
  });
});

describe("Freshdesk tickets and survey", () => {
  const kpi = storeWith("freshdesk", [
    ["tickets", join(FIXTURES, "tickets/freshdesk.csv")],
    ["surveys", join(FIXTURES, "surveys/freshdesk-survey.csv")],
  ]);

  it("first response from timestamps, SLA from the export's statuses, CSAT from labels", () => {
    const o = (JSON.parse(kpi(["--format", "json"])) as { overall: Figures }).overall;
    // Initial response after 20, 23, …, 77 minutes (step 3): median 48.5 min, p90 at rank 17.1 →
    // 71 + 0.1 × 3 = 71.3 min, mean 48.5 min.
    expect(o.first_response.calendar.n).toBe(20);
    expect(o.first_response.calendar.median).toBe(2910);
    expect(o.first_response.calendar.percentiles.p90).toBeCloseTo(4278, 6);
    expect(o.first_response.calendar.mean).toBeCloseTo(2910, 6);
    // "First response status": SLA Violated on 200, 203, 206, 209, 212, 215, 218
    expect(o.sla_first_response).toMatchObject({ n: 20, successes: 13 });
    // Ratings: 5, 4, 3, 2, 1 twice: positive (4–5) 4 of 10
    expect(o.csat).toMatchObject({ n: 10, successes: 4 });
  });

  it("--drill csat lists the answers of 2 or less, lowest first", () => {
    const rows = (
      JSON.parse(kpi(["--drill", "csat", "--format", "json"])) as {
        rows: Array<{ ticket_id: string; value: number }>;
      }
    ).rows;
    expect(rows.map((r) => [r.ticket_id, r.value])).toEqual([
      ["204", 1],
      ["209", 1],
      ["203", 2],
      ["208", 2],
    ]);
  });
});

describe("ServiceNow incident event log (real data)", () => {
  const file = join(SHARED_DATA, "servicenow-incidents/incident_event_log.csv");
  const kpi = storeWith("servicenow", [["tickets", file]]);
  const doc = JSON.parse(kpi(["--by", "priority", "--format", "json"])) as {
    overall: Figures;
    groups: Array<{ key: { priority: string }; figures: Figures }>;
  };

  // The independent computation (as in test/analytics/kpi/servicenow.test.ts): split the raw
  // lines, keep each incident's last row, parse DD-MM-YYYY HH:MM plainly.
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const col = (name: string) => header.indexOf(name);
  const last = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const r = line.split(",");
    last.set(r[col("number")] as string, r);
  }
  const incidents = [...last.values()];
  const field = (r: string[], name: string) => r[col(name)] as string;
  const parse = (s: string): number | null => {
    const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(s);
    return m
      ? Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5])) / 1000
      : null;
  };
  const percentile = (values: number[], p: number): number => {
    const s = [...values].sort((a, b) => a - b);
    const h = ((s.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, s.length - 1);
    return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
  };
  const count = (pred: (r: string[]) => boolean) => incidents.filter(pred).length;

  it("resolution time median and p90 by priority", () => {
    const byPriority = new Map<string, number[]>();
    for (const r of incidents) {
      const opened = parse(field(r, "opened_at")) as number;
      const end = parse(field(r, "resolved_at")) ?? parse(field(r, "closed_at"));
      if (end === null || end < opened || end - opened > 365 * 86400) continue;
      const list = byPriority.get(field(r, "priority")) ?? [];
      list.push(end - opened);
      byPriority.set(field(r, "priority"), list);
    }
    expect(doc.groups.map((g) => g.key.priority).sort()).toEqual([...byPriority.keys()].sort());
    for (const g of doc.groups) {
      const expected = byPriority.get(g.key.priority) ?? [];
      const cal = g.figures.full_resolution.calendar;
      expect(cal.n).toBe(expected.length);
      expect(cal.median).toBeCloseTo(percentile(expected, 50), 6);
      expect(cal.percentiles.p90).toBeCloseTo(percentile(expected, 90), 6);
    }
  });

  it("reopen, SLA-made and knowledge rates and the channel mix", () => {
    const o = doc.overall;
    const n = incidents.length;
    expect(o.volume).toBe(n);
    expect(o.reopen).toMatchObject({ n, successes: count((r) => Number(field(r, "reopen_count")) > 0) });
    expect(o.sla_resolution).toMatchObject({ n, successes: count((r) => field(r, "made_sla") === "TRUE") });
    expect(o.knowledge).toMatchObject({ n, successes: count((r) => field(r, "knowledge") === "TRUE") });
    const channels = new Map<string, number>();
    for (const r of incidents)
      channels.set(field(r, "contact_type"), (channels.get(field(r, "contact_type")) ?? 0) + 1);
    // Every contact_type in this sample is Phone (the importer maps it to "phone").
    expect([...channels.keys()]).toEqual(["Phone"]);
    expect(o.channel_mix).toEqual([{ key: "phone", count: n, share: 1 }]);
  });
});
