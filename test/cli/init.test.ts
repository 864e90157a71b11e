import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CliContext } from "../../src/cli/context.js";
import { runInit } from "../../src/cli/init/run.js";
import type { ExportInspection, InspectExport, Prompter } from "../../src/cli/init/types.js";
import { runMain, tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A prompter answering from a script by message prefix, recording what it was asked. */
function scriptedPrompter(answers: Array<[string, string]>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string): string => {
    asked.push(message);
    const i = answers.findIndex(([prefix]) => message.startsWith(prefix));
    if (i < 0) throw new Error(`unexpected question: ${message}`);
    const [[, value] = ["", ""]] = answers.splice(i, 1);
    return value;
  };
  return {
    asked,
    input: async (q) => {
      const value = next(q.message) || q.default || "";
      const ok = q.validate ? q.validate(value) : true;
      if (ok !== true) throw new Error(`scripted answer "${value}" rejected: ${ok}`);
      return value;
    },
    select: async <T extends string>(q: { message: string; choices: Array<{ value: T }>; default?: T }) => {
      const value = next(q.message);
      const choice = q.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`"${value}" is not a choice of ${q.message}`);
      return choice.value;
    },
  };
}

const inspection: ExportInspection = {
  headers: ["受付No", "受付日時", "担当者", "メモ"],
  samples: [
    ["A-1", "2025/04/01 9:05", "佐藤", ""],
    ["A-2", "2025/04/01 10:40", "鈴木", "折返し"],
  ],
  columns: [
    { header: "受付No", field: "ticket_id", sure: false, detectedType: "text" },
    { header: "受付日時", field: "created_at", sure: true, detectedType: "datetime" },
    { header: "担当者", field: "agent", sure: false, detectedType: "text" },
    { header: "メモ", field: null, sure: false, detectedType: "text" },
  ],
  profile: null,
};
const fakeInspect: InspectExport = async () => inspection;

function context(env: Record<string, string> = {}): { ctx: CliContext; stderr: () => string } {
  let err = "";
  const stderr = new PassThrough();
  stderr.on("data", (d: Buffer) => {
    err += d.toString("utf8");
  });
  const io = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    env: { TZ: "Asia/Tokyo", ...env },
    cwd: dir,
  };
  return { ctx: new CliContext(io, {}), stderr: () => err };
}

const written = () =>
  parse(readFileSync(join(dir, "supportops.config.yaml"), "utf8")) as Record<string, unknown>;

describe("supportops init wizard", () => {
  it("asks each question, maps the unsure columns, and writes a valid file", async () => {
    writeFileSync(join(dir, "export.csv"), "x\n");
    const prompter = scriptedPrompter([
      ["Time zone", "Asia/Tokyo"],
      ["Business hours", "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-15:00"],
      ["Holiday calendar", "japan"],
      ["SLA first-response", "1h"],
      ["SLA resolution", "2d"],
      ["CSAT target", "90"],
      ["SLA compliance target", "95"],
      ["Glossary", "file"],
      ["Glossary file", "glossary/prh.yml"],
      ["Store file", ""],
      ["Sample export", "export.csv"],
      ["What does the export hold", "tickets"],
      ["Name for this column mapping", "helpdesk"],
      ['Column "受付No"', "ticket_id"],
      ['Column "担当者"', "agent"],
      ['Column "メモ"', "-"],
    ]);
    const { ctx } = context();
    const code = await runInit(ctx, {}, { prompter, inspectExport: fakeInspect });
    expect(code).toBe(0);
    expect(prompter.asked).toContain('Column "受付No" (detected: text; samples: "A-1", "A-2") maps to');
    expect(prompter.asked).toContain('Column "メモ" (detected: text; samples: "折返し") maps to');
    expect(written()).toEqual({
      timezone: "Asia/Tokyo",
      store: { path: ".supportops/supportops.db" },
      import: {
        profiles: {
          helpdesk: {
            kind: "tickets",
            columns: { 受付No: "ticket_id", 受付日時: "created_at", 担当者: "agent" },
          },
        },
      },
      business_hours: {
        schedule: {
          mon: ["09:00-12:00", "13:00-18:00"],
          tue: ["09:00-12:00", "13:00-18:00"],
          wed: ["09:00-12:00", "13:00-18:00"],
          thu: ["09:00-12:00", "13:00-18:00"],
          fri: ["09:00-12:00", "13:00-18:00"],
          sat: ["10:00-15:00"],
        },
        holidays: { japan: true },
      },
      sla: { basis: "business", targets: { default: { first_response: "1h", resolution: "2d" } } },
      targets: ["csat >= 90", "sla.first_response >= 95%"],
      lint: { builtin: true, glossaries: ["glossary/prh.yml"] },
    });
    const check = await runMain(["config", "validate"], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it("with --yes asks nothing, takes flags over defaults, and accepts detected guesses", async () => {
    writeFileSync(join(dir, "export.csv"), "x\n");
    const { ctx, stderr } = context();
    const code = await runInit(
      ctx,
      { yes: true, timezone: "UTC", sample: "export.csv", profile: "hd" },
      { prompter: scriptedPrompter([]), inspectExport: fakeInspect },
    );
    expect(code).toBe(0);
    const cfg = written();
    expect(cfg.timezone).toBe("UTC");
    expect(cfg.targets).toEqual(["csat >= 85", "sla.first_response >= 95%"]);
    expect(cfg.import).toEqual({
      profiles: {
        hd: { kind: "tickets", columns: { 受付No: "ticket_id", 受付日時: "created_at", 担当者: "agent" } },
      },
    });
    expect(stderr()).toContain("columns left unmapped (no detection to accept): メモ");
  });

  it("without a person it writes what the flags answer and exits 2 naming the rest", async () => {
    writeFileSync(join(dir, "export.csv"), "x\n");
    const { ctx, stderr } = context();
    const code = await runInit(
      ctx,
      {
        timezone: "Asia/Tokyo",
        csatTarget: "80",
        sample: "export.csv",
        profile: "hd",
        map: ["担当者=agent"],
      },
      { prompter: undefined, inspectExport: fakeInspect },
    );
    expect(code).toBe(2);
    expect(written()).toEqual({
      timezone: "Asia/Tokyo",
      import: { profiles: { hd: { kind: "tickets", columns: { 受付日時: "created_at", 担当者: "agent" } } } },
      targets: ["csat >= 80"],
    });
    const err = stderr();
    expect(err).toContain("business_hours.schedule: pass --hours (default: mon-fri 09:00-18:00)");
    expect(err).toContain(
      'import.profiles.hd.columns["受付No"]: pass --map "受付No=FIELD" (detected: ticket_id)',
    );
    expect(err).toContain('import.profiles.hd.columns["メモ"]: pass --map "メモ=FIELD"');
    expect(err).not.toContain("timezone: pass");
  });

  it("names --map for a required field no column provides", async () => {
    writeFileSync(join(dir, "export.csv"), "x\n");
    const { ctx, stderr } = context();
    const code = await runInit(
      ctx,
      { yes: true, sample: "export.csv", map: ["受付No=-"] },
      { prompter: undefined, inspectExport: fakeInspect },
    );
    expect(code).toBe(2);
    expect(stderr()).toContain(
      'import.profiles.export.columns: pass --map "HEADER=ticket_id" (ticket_id is required)',
    );
  });

  it("rejects a bad flag value and an unknown --map column before writing", async () => {
    writeFileSync(join(dir, "export.csv"), "x\n");
    const { ctx } = context();
    const services = { prompter: undefined, inspectExport: fakeInspect };
    await expect(runInit(ctx, { yes: true, hours: "weekdays 9-6" }, services)).rejects.toThrow(
      /--hours weekdays 9-6: expected days like mon-fri/,
    );
    await expect(
      runInit(ctx, { yes: true, sample: "export.csv", map: ["No=ticket_id"] }, services),
    ).rejects.toThrow(/the export has no column "No"/);
    expect(existsSync(join(dir, "supportops.config.yaml"))).toBe(false);
  });
});

describe("supportops init (CLI)", () => {
  it("refuses to overwrite without --force, replaces with it", async () => {
    writeFileSync(join(dir, "supportops.config.yaml"), "timezone: UTC\n");
    const refused = await runMain(["init", "--yes"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists");
    expect(readFileSync(join(dir, "supportops.config.yaml"), "utf8")).toBe("timezone: UTC\n");
    const forced = await runMain(["init", "--yes", "--force", "--timezone", "Asia/Tokyo"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(written().timezone).toBe("Asia/Tokyo");
  });

  it("never prompts in CI even on a terminal, and exits 2", async () => {
    const r = await runMain(["init"], { cwd: dir, tty: true, env: { CI: "true" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("timezone: pass --timezone");
    expect(r.stdout).toBe("");
  });

  it("maps a real CSV's header with the built-in inspector", async () => {
    writeFileSync(join(dir, "t.csv"), "ticket_id,受付日時\nA-1,2025/04/01 9:05\n");
    const r = await runMain(["init", "--yes", "--sample", "t.csv", "--map", "受付日時=created_at"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(written().import).toEqual({
      profiles: { t: { kind: "tickets", columns: { ticket_id: "ticket_id", 受付日時: "created_at" } } },
    });
  });
});
