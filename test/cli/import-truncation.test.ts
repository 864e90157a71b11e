/**
 * Freshdesk's satisfaction-survey export stops at 50,000 responses and ends with a notice row: the
 * import warns about it instead of counting it as a reject (docs/import.md). Through the built
 * binary (the parse worker) and main() in-process (no worker), which must agree.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, runBin, runMain, tempDir } from "../helpers/cli.js";
import { count, query } from "../helpers/store.js";

let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
});
afterEach(() => cleanup());

const FIXTURE = join(FIXTURES, "surveys/freshdesk-survey-truncated.csv");
const NOTICE =
  '"This export contains only the first 50,000 survey responses. To export the remaining responses, select a shorter time period."';
const [HEADER, ...DATA] = readFileSync(FIXTURE, "utf8").trimEnd().split("\n").slice(0, -1) as [
  string,
  ...string[],
];

const args = (file: string, extra: string[]) => [
  "import",
  "surveys",
  file,
  "--db",
  db,
  "--tz",
  "Asia/Tokyo",
  "--rejects",
  join(dir, "r.csv"),
  ...extra,
];
const bin = (file: string, extra: string[] = []) => runBin(args(file, extra), { cwd: dir });
const inProcess = (file: string, extra: string[] = []) => runMain(args(file, extra), { cwd: dir });

/** A survey file in the temporary folder: the fixture's header, then these lines. */
function file(lines: string[], name = "export.csv", eol = "\n"): string {
  const p = join(dir, name);
  writeFileSync(p, [HEADER, ...lines].join(eol) + eol);
  return p;
}

const WARNING =
  /warning: .*freshdesk-survey-truncated\.csv: the export ends with Freshdesk's truncation notice \(line 14; neither imported nor rejected\): it holds at most 50,000 responses \(this file has 12\) and the rest were left out; export a shorter date range to get the rest\n/;

/** The --json summary without what differs between runs. */
const stable = (stdout: string) => {
  const j = JSON.parse(stdout);
  for (const f of j.files) f.seconds = 0;
  return j;
};

describe("Freshdesk survey export ending with its truncation notice", () => {
  it("imports the responses, warns, reports `truncated` in --json, no reject (parse worker)", () => {
    const r = bin(FIXTURE, ["--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(WARNING);
    expect(r.stderr).toMatch(
      /surveys via freshdesk-survey: 12 rows, 12 inserted, 0 updated, 0 unchanged, 0 rejected/,
    );
    expect(r.stderr).not.toMatch(/rejects:/);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ rows: 12, inserted: 12, rejected: 0 });
    expect(j.files[0]).toMatchObject({
      status: "imported",
      profile: "freshdesk-survey",
      rows: 12,
      rejected: 0,
      truncated: {
        line: 14,
        limit: 50000,
        notice:
          "This export contains only the first 50,000 survey responses. To export the remaining responses, select a shorter time period.",
      },
    });
    expect(j.files[0].warnings).toEqual([
      expect.stringMatching(/^the export ends with Freshdesk's truncation notice \(line 14;/),
    ]);
    // The store has the 12 responses; `imports` counts them and no reject (it has no column for the notice).
    expect(count(db, "surveys")).toBe(12);
    expect(query(db, "SELECT DISTINCT kind FROM surveys")).toEqual([{ kind: "csat" }]);
    expect(query(db, "SELECT rows_read, inserted, rejected, rejects_path FROM imports")).toEqual([
      { rows_read: 12, inserted: 12, rejected: 0, rejects_path: null },
    ]);
    expect(existsSync(join(dir, "r.csv"))).toBe(false);
  });

  it("in-process (no worker) behaves exactly like the worker", async () => {
    const worker = bin(FIXTURE, ["--json"]);
    const db2 = db;
    db = join(dir, "other.db");
    const local = await inProcess(FIXTURE, ["--json"]);
    expect(local.code, local.stderr).toBe(0);
    expect(stable(local.stdout)).toEqual(stable(worker.stdout));
    const warnings = (s: string) => s.split("\n").filter((l) => l.startsWith("warning:"));
    expect(warnings(local.stderr)).toEqual(warnings(worker.stderr));
    expect(warnings(local.stderr)).toHaveLength(1);
    expect(
      query(db, "SELECT * FROM surveys ORDER BY response_id").map((r) => ({ ...r, import_id: 0 })),
    ).toEqual(query(db2, "SELECT * FROM surveys ORDER BY response_id").map((r) => ({ ...r, import_id: 0 })));
  });

  it("does not count against --max-rejects, even 0", async () => {
    const r = await inProcess(FIXTURE, ["--max-rejects", "0", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ rows: 12, rejected: 0, truncated: { line: 14 } });
  });

  it("--dry-run: 12 rows read, none would be rejected, and the warning", async () => {
    const r = await inProcess(FIXTURE, ["--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rows:\s+12 read, 0 would be rejected\n/);
    expect(r.stdout).toMatch(/warning:\s+the export ends with Freshdesk's truncation notice \(line 14;/);
    const j = await inProcess(FIXTURE, ["--dry-run", "--json"]);
    expect(JSON.parse(j.stdout)[0]).toMatchObject({
      rows: 12,
      rejected: 0,
      truncated: { line: 14, limit: 50000 },
    });
  });

  it("recognises the notice unquoted (split at its commas), padded, after blank lines, CRLF, 50000, Japanese", async () => {
    const variants: Array<[string, string[], string]> = [
      ["unquoted", [...DATA, NOTICE.slice(1, -1)], "\n"],
      ["padded", [...DATA, `${NOTICE},,,,,,,,,`], "\n"],
      ["blank lines after", [...DATA, NOTICE, "", ""], "\r\n"],
      ["no separator", [...DATA, "Report truncated: limit of 50000 rows reached"], "\n"],
      [
        "Japanese",
        [...DATA, "エクスポートは上限の5万件までです。残りは期間を短くしてエクスポートしてください。"],
        "\n",
      ],
    ];
    for (const [name, lines, eol] of variants) {
      const r = await inProcess(file(lines, `${name.replace(/ /g, "-")}.csv`, eol), [
        "--json",
        "--max-rejects",
        "0",
      ]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const f = JSON.parse(r.stdout).files[0];
      expect(f, name).toMatchObject({ rows: 12, rejected: 0, truncated: { line: 14 } });
      // The same responses each time: inserted by the first file, unchanged after.
      expect(f.inserted + f.unchanged, name).toBe(12);
    }
  });

  it("the same row in the middle of the file is an ordinary reject", async () => {
    const mid = file([...DATA.slice(0, 6), NOTICE, ...DATA.slice(6)]);
    for (const r of [
      bin(mid, ["--json", "--max-rejects", "1"]),
      await inProcess(mid, ["--json", "--max-rejects", "1", "--force"]),
    ]) {
      expect(r.code, r.stderr).toBe(0);
      const f = JSON.parse(r.stdout).files[0];
      expect(f).toMatchObject({ rows: 13, rejected: 1 });
      expect(f.truncated).toBeUndefined();
      expect(r.stderr).not.toMatch(/truncation notice/);
      expect(readFileSync(join(dir, "r.csv"), "utf8")).toMatch(
        /\n8,,,"expected 10 fields, found 1","This export contains only/,
      );
    }
    // With the default limit (1%) that one row makes the file bad, as before.
    expect((await inProcess(mid, ["--force"])).code).toBe(65);
    // In the middle and at the end: the last one is the notice, the other a reject.
    const both = await inProcess(file([...DATA.slice(0, 6), NOTICE, ...DATA.slice(6), NOTICE], "both.csv"), [
      "--json",
      "--max-rejects",
      "1",
    ]);
    expect(JSON.parse(both.stdout).files[0]).toMatchObject({
      rows: 13,
      rejected: 1,
      truncated: { line: 15 },
    });
  });

  it("a last row that could be a response, or says nothing of a limit, is still a reject", async () => {
    const cases: Array<[string, string]> = [
      [
        "bad date",
        "2025-06-31 10:00:00,4200,Satisfied,How would you rate your overall satisfaction?,over the limit,Contact 1,c401@example.com,Shop,Tier1,Sato",
      ],
      [
        "bad rating",
        "2025-06-06 10:00:00,4200,Limited,How would you rate your overall satisfaction?,,Contact 1,c401@example.com,Shop,Tier1,Sato",
      ],
      ["a date first", "2025-06-06 10:00:00,only the first 50,000 responses"],
      ["no limit", '"Exported by admin@example.com on 2025-06-06"'],
      ["four cells", "Only the first 50,000 responses,were,exported,today"],
      ["a number", "50000"],
    ];
    for (const [name, last] of cases) {
      const r = await inProcess(file([...DATA, last], `${name.replace(/ /g, "-")}.csv`), [
        "--json",
        "--max-rejects",
        "1",
      ]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const f = JSON.parse(r.stdout).files[0];
      expect(f, name).toMatchObject({ rows: 13, rejected: 1 });
      expect(f.truncated, name).toBeUndefined();
    }
  });

  it("only the Freshdesk survey profile knows the notice", async () => {
    const generic = join(dir, "generic.csv");
    writeFileSync(
      generic,
      `response_id,responded_at,kind,score\nR1,2025-06-01 10:00,csat,5\nR2,2025-06-01 11:00,csat,4\n${NOTICE}\n`,
    );
    const r = await inProcess(generic, ["--json", "--max-rejects", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ profile: "survey-generic", rows: 3, rejected: 1 });
    // --profile freshdesk-survey (a renamed header, say) gets it too.
    const forced = await inProcess(FIXTURE, ["--json", "--profile", "freshdesk-survey"]);
    expect(JSON.parse(forced.stdout).files[0]).toMatchObject({
      rows: 12,
      rejected: 0,
      truncated: { line: 14 },
    });
  });

  it("an ad hoc report over the file says so on stderr too", async () => {
    const r = await runMain([
      "kpi",
      "--tickets",
      join(FIXTURES, "kpi-cli/tickets.csv"),
      "--surveys",
      FIXTURE,
      "--tz",
      "Asia/Tokyo",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "freshdesk-survey-truncated.csv: the export ends with Freshdesk's truncation notice (line 14",
    );
    expect(r.stderr).not.toContain("rows skipped");
  });
});
