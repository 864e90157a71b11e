import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runMain, tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, ".git"));
});
afterEach(() => cleanup());

describe("supportops config", () => {
  it("validate exits 0 on a valid file and 2 with file:line:col messages on an invalid one", async () => {
    writeFileSync(join(dir, "supportops.config.yaml"), "timezone: UTC\n");
    const ok = await runMain(["config", "validate"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("");

    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "sla:\n  basis: wall\n");
    const r = await runMain(["config", "validate", bad], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${bad}:2:10: sla.basis: expected one of: business, calendar (got "wall")`);
  });

  it("validate --json reports the issues as data", async () => {
    writeFileSync(join(dir, "c.yaml"), "kpi:\n  percentiles: 90\n");
    const r = await runMain(["config", "validate", "c.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      file: join(dir, "c.yaml"),
      valid: false,
      issues: [{ line: 2, col: 16, key: "kpi.percentiles", message: "expected a list (got 90)" }],
    });
  });

  it("validate without any file exits 2 and points at init", async () => {
    const r = await runMain(["config", "validate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("supportops init");
  });

  it("show --json gives values and their sources: flag > env > file > default", async () => {
    writeFileSync(join(dir, "supportops.config.yaml"), "timezone: Asia/Tokyo\nstore: { path: a.db }\n");
    const r = await runMain(["--db", "flag.db", "config", "show", "--json"], {
      cwd: dir,
      env: { SUPPORTOPS_DB: "env.db", SUPPORTOPS_FORMAT: "csv" },
    });
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout) as {
      file: string;
      values: { timezone: string; store: { path: string }; output: { format: string } };
      sources: Record<string, { source: string; detail: string }>;
    };
    expect(shown.file).toBe(join(dir, "supportops.config.yaml"));
    expect(shown.values.store.path).toBe(join(dir, "flag.db"));
    expect(shown.sources["store.path"]).toEqual({ source: "flag", detail: "--db" });
    expect(shown.values.output.format).toBe("csv");
    expect(shown.sources["output.format"]).toEqual({ source: "env", detail: "SUPPORTOPS_FORMAT" });
    expect(shown.sources.timezone?.source).toBe("file");
    expect(shown.sources["kpi.week_start"]).toEqual({ source: "default", detail: "built-in" });
  });

  it("show prints one line per setting with its source", async () => {
    writeFileSync(join(dir, "supportops.config.yaml"), "kpi: { week_start: sunday }\n");
    const r = await runMain(["config", "show"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`# file: ${join(dir, "supportops.config.yaml")}`);
    expect(r.stdout).toMatch(/^kpi\.week_start +sunday +file$/m);
    expect(r.stdout).toMatch(/^kpi\.fcr_variant +one_reply +default \(built-in\)$/m);
  });

  it("any command fails with exit 2 on an invalid config file", async () => {
    writeFileSync(join(dir, "supportops.config.yaml"), "timezone: Nowhere/City\n");
    const r = await runMain(["config", "show"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("supportops.config.yaml:1:11: timezone: expected an IANA time zone");
  });
});
