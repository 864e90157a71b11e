import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, runBin, runMain, SHARED_DATA, tempDir } from "../helpers/cli.js";
import { count, query, snapshot } from "../helpers/store.js";

let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
});
afterEach(() => cleanup());

const imp = (kind: string, files: string[], extra: string[] = [], input?: string | Buffer) =>
  runBin(["import", kind, ...files, "--db", db, "--tz", "Asia/Tokyo", ...extra], {
    cwd: dir,
    ...(input ? { input } : {}),
  });
const fx = (p: string) => join(FIXTURES, p);
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe("supportops import tickets", () => {
  it("imports every vendor fixture with its profile", () => {
    const cases: Array<[string, string, number]> = [
      ["tickets/zendesk.csv", "zendesk", 24],
      ["tickets/freshdesk.csv", "freshdesk", 20],
      ["tickets/freshdesk-ja-bom.csv", "freshdesk", 12],
      ["tickets/zoho.csv", "zoho", 16],
      ["tickets/servicenow-incidents.csv", "servicenow", 25],
      ["tickets/generic-ja-sjis.csv", "generic-ja", 15],
      ["tickets/excel-unicode-utf16le.txt", "generic-en", 10],
    ];
    let total = 0;
    for (const [file, profile, n] of cases) {
      const r = imp("tickets", [fx(file)], ["--json", "--rejects", join(dir, "rejects.csv")]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.files[0].profile).toBe(profile);
      expect(j.inserted, file).toBe(n);
      expect(j.rejected, file).toBe(0);
      total += n;
      expect(count(db, "tickets")).toBe(total);
    }
    const imports = query<{ profile: string; sha256: string; rows_read: number }>(
      db,
      "SELECT * FROM imports ORDER BY import_id",
    );
    expect(imports.map((i) => i.profile)).toEqual(cases.map((c) => c[1]));
    expect(imports.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it("stores normalised values: UTC seconds, canonical channels and statuses, minutes", () => {
    expect(imp("tickets", [fx("tickets/zendesk.csv")]).code).toBe(0);
    const t = query(db, "SELECT * FROM tickets WHERE ticket_id = '1001'")[0];
    // Created 2025-04-01 09:00 in the account's zone (Asia/Tokyo) = 00:00Z.
    expect(t).toMatchObject({
      created_at: epoch("2025-04-01T00:00:00Z"),
      resolved_at: epoch("2025-04-01T01:00:00Z"),
      channel: "email",
      channel_raw: "Mail",
      status: "solved",
      customer_id: "5000",
      agent: "Sato",
      first_response_minutes: 12,
      first_response_business_minutes: 12,
      agent_replies: 1,
    });
    expect(imp("tickets", [fx("tickets/generic-ja-sjis.csv")]).code).toBe(0);
    const q = query(db, "SELECT * FROM tickets WHERE ticket_id = 'Q-100'")[0];
    // 令和7年6月1日 9時00分 JST
    expect(q).toMatchObject({
      created_at: epoch("2025-06-01T00:00:00Z"),
      channel: "phone",
      reason: "請求",
      handle_seconds: 300,
    });
    expect(imp("tickets", [fx("tickets/zoho.csv")]).code).toBe(0);
    const z = query(db, "SELECT * FROM tickets WHERE ticket_id = '72000000000'")[0];
    // 13/01/2025 16:48 day-first; 4 h of business time in milliseconds.
    expect(z).toMatchObject({
      created_at: epoch("2025-01-13T07:48:00Z"),
      full_resolution_business_minutes: 240,
      fcr_flag: 1,
    });
    expect(imp("tickets", [fx("tickets/freshdesk.csv")]).code).toBe(0);
    const f = query(db, "SELECT * FROM tickets WHERE ticket_id = '201'")[0];
    expect(f).toMatchObject({
      sla_resolution_met: 1,
      first_response_business_minutes: 23,
      channel: "web_form",
    });
  });

  it("re-importing is idempotent: same file skipped, --force changes nothing, overlap updates", () => {
    const file = fx("tickets/zendesk.csv");
    expect(imp("tickets", [file]).code).toBe(0);
    const before = snapshot(db);
    const again = imp("tickets", [file, "--json"].slice(0, 1), ["--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).files[0].status).toBe("skipped");
    expect(again.stderr).toMatch(/skipped, already imported as import #1/);
    expect(snapshot(db)).toBe(before);
    const forced = JSON.parse(imp("tickets", [file], ["--force", "--json"]).stdout);
    expect(forced).toMatchObject({ inserted: 0, updated: 0, unchanged: 24 });
    // An overlapping export: 2 rows changed, 1 new.
    const lines = readFileSync(file, "utf8").trimEnd().split(/\r?\n/);
    lines[1] = (lines[1] as string).replace(",Solved,", ",Closed,");
    lines[2] = (lines[2] as string).replace(",Sato,", ",Ito,").replace(",Suzuki,", ",Ito,");
    lines.push((lines[3] as string).replace(/^1003,/, "2003,"));
    const overlap = join(dir, "overlap.csv");
    writeFileSync(overlap, `${lines.join("\n")}\n`);
    const o = JSON.parse(imp("tickets", [overlap], ["--json"]).stdout);
    expect(o).toMatchObject({ rows: 25, inserted: 1, updated: 2, unchanged: 22 });
    expect(count(db, "tickets")).toBe(25);
  });

  it("ServiceNow's event log collapses to the latest state of each of its 890 incidents", () => {
    const src = join(SHARED_DATA, "servicenow-incidents/incident_event_log.csv");
    const r = imp("tickets", [src], ["--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ rows: 5998, inserted: 890, updated: 0, rejected: 0 });
    // The other 5,108 event rows either changed a record this file had inserted (collapsed) or repeated it.
    expect(j.collapsed + j.unchanged).toBe(5108);
    expect(count(db, "tickets")).toBe(890);
    // Independent check: the last row of each incident in file order.
    const last = new Map<string, string[]>();
    for (const l of readFileSync(src, "utf8").trim().split("\n").slice(1)) {
      const f = l.split(",");
      last.set(f[0] as string, f);
    }
    const stored = new Map(
      query<{
        ticket_id: string;
        status_raw: string;
        reopen_count: number;
        sla_resolution_met: number;
        knowledge_used: number;
      }>(
        db,
        "SELECT ticket_id, status_raw, reopen_count, sla_resolution_met, knowledge_used FROM tickets",
      ).map((t) => [t.ticket_id, t]),
    );
    for (const [id, f] of last) {
      const t = stored.get(id);
      expect(t?.status_raw, id).toBe(f[1]);
      expect(t?.reopen_count, id).toBe(Number(f[4]));
      expect(t?.sla_resolution_met, id).toBe(f[6] === "TRUE" ? 1 : 0);
      expect(t?.knowledge_used, id).toBe(f[25] === "TRUE" ? 1 : 0);
    }
  });

  it("rejects bad rows to a rejects file with line, column and reason", () => {
    const r = imp(
      "tickets",
      [fx("broken/ragged.csv")],
      ["--rejects", join(dir, "r.csv"), "--max-rejects", "10"],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(count(db, "tickets")).toBe(2);
    const rej = readFileSync(join(dir, "r.csv"), "utf8");
    expect(rej.charCodeAt(0)).toBe(0xfeff);
    expect(rej.slice(1).split(/\r?\n/).slice(0, 3)).toEqual([
      "line,column,field,reason,ticket_id,created_at,status,channel,column 5",
      '3,,,"expected 4 fields, found 3",T2,2025-04-01 10:00,open',
      '4,,,"expected 4 fields, found 5",T3,2025-04-01 11:00,solved,phone,extra',
    ]);
    const d = imp(
      "tickets",
      [fx("broken/bad-dates.csv")],
      ["--rejects", join(dir, "d.csv"), "--max-rejects", "5"],
    );
    expect(d.code).toBe(0);
    const lines = readFileSync(join(dir, "d.csv"), "utf8").split(/\r?\n/);
    expect(lines[1]).toMatch(
      /^3,2,created_at,"column ""created_at"" \(created_at\): expected a date .* found ""2025-02-30 10:00""/,
    );
    expect(lines[2]).toMatch(/^4,2,created_at,.*yesterday/);
  });

  it("over the reject limit: exit 65 and the store exactly as before", () => {
    expect(imp("tickets", [fx("tickets/zendesk.csv")]).code).toBe(0);
    const before = snapshot(db);
    const r = imp("tickets", [fx("broken/bad-dates.csv")], ["--rejects", join(dir, "x.csv")]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/2 of 4 rows rejected, over the limit of 1% of rows; nothing imported/);
    expect(snapshot(db)).toBe(before);
    expect(readFileSync(join(dir, "x.csv"), "utf8")).toMatch(/yesterday/);
  });

  it("an unclosed quote fails the file with its name and line, store unchanged", () => {
    const r = imp("tickets", [fx("broken/unclosed-quote.csv")]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/unclosed-quote\.csv:\d+: a quoted field is never closed/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(count(db, "tickets")).toBe(0);
  });

  it("invalid bytes for the encoding reject just that row", () => {
    const r = imp(
      "tickets",
      [fx("broken/invalid-sjis.csv")],
      ["--rejects", join(dir, "s.csv"), "--max-rejects", "1"],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(query(db, "SELECT ticket_id, status FROM tickets ORDER BY 1")).toEqual([
      { ticket_id: "Q-1", status: "closed" },
      { ticket_id: "Q-3", status: "closed" },
    ]);
    expect(readFileSync(join(dir, "s.csv"), "utf8")).toMatch(
      /^\uFEFFline.*\n3,\d*,,invalid bytes for the cp932 encoding/,
    );
  });

  it("reads stdin with -", () => {
    const r = imp("tickets", ["-"], ["--json"], readFileSync(fx("tickets/zendesk.csv")));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).inserted).toBe(24);
    const again = imp("tickets", ["-"], ["--json"], readFileSync(fx("tickets/zendesk.csv")));
    expect(JSON.parse(again.stdout).files[0].status).toBe("skipped");
  });

  it("shows a progress bar only on an interactive stderr, never in CI or with --quiet", async () => {
    const big = join(dir, "big.csv");
    const rows = Array.from({ length: 25_000 }, (_, i) => `T${i},2025-04-01 09:00,solved,email`);
    writeFileSync(big, `ticket_id,created_at,status,channel\n${rows.join("\n")}\n`);
    const args = ["import", "tickets", big, "--db", db, "--tz", "UTC", "--force"];
    const tty = await runMain(args, { tty: true });
    expect(tty.code, tty.stderr).toBe(0);
    expect(tty.stderr).toMatch(/big\.csv [█░]{24} \d+% +[\d,]+ rows/);
    for (const quiet of [
      await runMain(args, { tty: true, env: { CI: "true" } }),
      await runMain([...args, "--quiet"], { tty: true }),
      await runMain(args),
    ]) {
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).not.toMatch(/█/);
    }
  });

  it("--dry-run prints the mapping and writes nothing", () => {
    const r = imp("tickets", [fx("tickets/freshdesk-ja-bom.csv")], ["--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/profile:\s+freshdesk \(/);
    expect(r.stdout).toMatch(/初回応答時間（時間）\s+→ first_response_business_minutes \(hours\)/);
    expect(r.stdout).toMatch(/会社\s+\(ignored: not a known column\)/);
    expect(r.stdout).toMatch(/encoding:\s+utf8 \(UTF-8 byte-order mark\)/);
    expect(() => query(db, "SELECT 1")).toThrow();
  });
});

describe("supportops import surveys and orders", () => {
  it("imports each survey layout, one record per answered question", () => {
    const cases: Array<[string, string, number]> = [
      ["surveys/google-forms-ja.csv", "google-forms", 12 + 12 + 8],
      ["surveys/surveymonkey.csv", "surveymonkey", 30],
      ["surveys/qualtrics.csv", "qualtrics", 16],
      ["surveys/freshdesk-survey.csv", "freshdesk-survey", 10],
    ];
    for (const [file, profile, n] of cases) {
      const r = imp("surveys", [fx(file)], ["--json"]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.files[0].profile, file).toBe(profile);
      expect(j.inserted, file).toBe(n);
    }
    const byKind = query(db, "SELECT kind, count(*) AS n FROM surveys GROUP BY kind ORDER BY kind");
    expect(byKind).toEqual([
      { kind: "ces", n: 8 + 10 },
      { kind: "csat", n: 12 + 10 + 8 + 10 },
      { kind: "nps", n: 12 + 10 + 8 },
    ]);
    // SurveyMonkey's month-first 12-hour dates: 04/03/2025 09:18:00 AM in Tokyo.
    const sm = query(db, "SELECT responded_at FROM surveys WHERE response_id = '114000000:csat'")[0];
    expect(sm).toEqual({ responded_at: epoch("2025-04-03T00:18:00Z") });
  });

  it("CDNOW master: 69,659 order rows for 23,570 customers", () => {
    const r = imp("orders", [join(SHARED_DATA, "cdnow/CDNOW_master.txt")], ["--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 69659, inserted: 69659, rejected: 0 });
    expect(
      query(
        db,
        "SELECT count(*) AS n, count(DISTINCT customer_id) AS c, round(sum(amount), 2) AS s FROM orders",
      ),
    ).toEqual([{ n: 69659, c: 23570, s: 2500315.63 }]);
  });

  it("keeps order lines: the n-th line of an order id is (order_id, n), idempotent on re-import", () => {
    const file = fx("rfm/orders.csv");
    expect(imp("orders", [file]).code).toBe(0);
    expect(
      query(db, "SELECT line_no, amount FROM orders WHERE order_id = 'A-0106' ORDER BY line_no"),
    ).toEqual([
      { line_no: 1, amount: 6000 },
      { line_no: 2, amount: 4000 },
    ]);
    const again = JSON.parse(imp("orders", [file], ["--force", "--json"]).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, collapsed: 0 });
    expect(again.unchanged).toBe(again.rows);
  });

  it("Japanese order exports: yen amounts, coupon flags, order ids", () => {
    const r = imp("orders", [fx("orders/orders-ja.csv")], ["--json"]);
    expect(r.code, r.stderr).toBe(0);
    const o = query(db, "SELECT * FROM orders WHERE order_id = 'ORD-00001'")[0];
    expect(o).toMatchObject({
      customer_id: "M000",
      amount: 1980,
      coupon_used: 1,
      ordered_at: epoch("2025-01-04T15:00:00Z"),
    });
  });
});
