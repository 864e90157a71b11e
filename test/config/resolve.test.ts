import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/cli/errors.js";
import { loadConfig } from "../../src/config/load.js";
import { resolveConfig, resolveConfigFor, resolveStorePath } from "../../src/config/resolve.js";
import { tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "team", "sub"), { recursive: true });
  writeFileSync(
    join(dir, "team", "supportops.config.yaml"),
    [
      "timezone: Asia/Tokyo",
      "store: { path: data/team.db }",
      "business_hours:",
      "  schedule: { sat: ['10:00-15:00'] }",
      "kpi: { percentiles: [75] }",
      "lint: { glossaries: [glossary/prh.yml] }",
      "",
    ].join("\n"),
  );
});
afterEach(() => cleanup());

const ctxAt = (cwd: string, env: NodeJS.ProcessEnv = {}, opts: { db?: string; config?: string } = {}) => {
  const config = loadConfig({ explicitPath: opts.config, cwd, env });
  return { io: { env, cwd }, opts, config };
};

describe("resolveStorePath", () => {
  it("uses store.path relative to the config file's folder, found from a subfolder", () => {
    const ctx = ctxAt(join(dir, "team", "sub"));
    expect(resolveStorePath(ctx)).toBe(join(dir, "team", "data", "team.db"));
  });

  it("prefers SUPPORTOPS_DB (relative to the current folder) over the file", () => {
    const ctx = ctxAt(join(dir, "team", "sub"), { SUPPORTOPS_DB: "x.db" });
    expect(resolveStorePath(ctx)).toBe(join(dir, "team", "sub", "x.db"));
  });

  it("prefers --db over SUPPORTOPS_DB", () => {
    const ctx = ctxAt(join(dir, "team"), { SUPPORTOPS_DB: "x.db" }, { db: "/abs/flag.db" });
    expect(resolveStorePath(ctx)).toBe("/abs/flag.db");
  });

  it("falls back to ./.supportops/supportops.db without a file", () => {
    const ctx = ctxAt(dir);
    expect(resolveStorePath(ctx)).toBe(join(dir, ".supportops", "supportops.db"));
  });

  it("agrees with the resolved configuration", () => {
    const ctx = ctxAt(join(dir, "team"), { SUPPORTOPS_DB: "env.db" });
    expect(resolveConfigFor(ctx).values.store.path).toBe(resolveStorePath(ctx));
  });
});

describe("resolveConfig", () => {
  it("layers flags over environment over file over defaults, recording each source", () => {
    const ctx = ctxAt(join(dir, "team"), { SUPPORTOPS_TZ: "UTC", SUPPORTOPS_LANG: "ja", LANG: "C" });
    const r = resolveConfigFor(ctx, { lang: "en" });
    expect(r.values.timezone).toBe("UTC");
    expect(r.sources.timezone).toEqual({ source: "env", detail: "SUPPORTOPS_TZ" });
    expect(r.values.output.lang).toBe("en");
    expect(r.sources["output.lang"]).toEqual({ source: "flag", detail: "--lang" });
    expect(r.values.kpi.percentiles).toEqual([75]);
    expect(r.sources["kpi.percentiles"]?.source).toBe("file");
    expect(r.values.kpi.recontact_window_days).toBe(7);
    expect(r.sources["kpi.recontact_window_days"]?.source).toBe("default");
  });

  it("replaces a whole schedule instead of merging weekdays into it", () => {
    const r = resolveConfigFor(ctxAt(join(dir, "team")));
    expect(r.values.business_hours.schedule).toEqual({ sat: ["10:00-15:00"] });
    expect(r.sources["business_hours.schedule"]?.source).toBe("file");
    expect(Object.keys(r.sources).filter((k) => k.startsWith("business_hours.schedule."))).toEqual([]);
    expect(r.values.business_hours.holidays.japan).toBe(true);
  });

  it("makes file paths absolute against the config file's folder", () => {
    const r = resolveConfigFor(ctxAt(join(dir, "team", "sub")));
    expect(r.values.lint.glossaries).toEqual([join(dir, "team", "glossary", "prh.yml")]);
  });

  it("takes the default time zone from TZ and the language from LANG", () => {
    const r = resolveConfig({
      loaded: { config: {}, path: undefined, baseDir: dir },
      env: { TZ: "America/New_York", LANG: "ja_JP.UTF-8" },
      cwd: dir,
    });
    expect(r.values.timezone).toBe("America/New_York");
    expect(r.values.output.lang).toBe("ja");
    expect(r.sources["output.lang"]?.source).toBe("default");
  });

  it("rejects a bad environment value, naming the variable", () => {
    const ctx = ctxAt(dir, { SUPPORTOPS_TZ: "Mars/Base" });
    expect(() => resolveConfigFor(ctx)).toThrow(ConfigError);
    expect(() => resolveConfigFor(ctx)).toThrow(/SUPPORTOPS_TZ=Mars\/Base: expected an IANA time zone/);
  });
});

describe("loadConfig", () => {
  it("reads the file SUPPORTOPS_CONFIG names, and --config over it", () => {
    writeFileSync(join(dir, "other.yaml"), "timezone: UTC\n");
    expect(loadConfig({ cwd: dir, env: { SUPPORTOPS_CONFIG: "other.yaml" } }).config.timezone).toBe("UTC");
    const flag = loadConfig({
      cwd: dir,
      env: { SUPPORTOPS_CONFIG: "other.yaml" },
      explicitPath: "team/supportops.config.yaml",
    });
    expect(flag.config.timezone).toBe("Asia/Tokyo");
    expect(flag.baseDir).toBe(join(dir, "team"));
  });

  it("stops searching at the repository root", () => {
    mkdirSync(join(dir, "outer", "repo", ".git"), { recursive: true });
    mkdirSync(join(dir, "outer", "repo", "sub"));
    writeFileSync(join(dir, "outer", "supportops.config.yaml"), "timezone: UTC\n");
    expect(loadConfig({ cwd: join(dir, "outer", "repo", "sub"), env: {} }).path).toBeUndefined();
    expect(loadConfig({ cwd: join(dir, "outer"), env: {} }).path).toBe(
      join(dir, "outer", "supportops.config.yaml"),
    );
  });

  it("throws every problem with file, line and key", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "kpi:\n  week_start: friday\nrfm: { bins: 2 }\n");
    expect(() => loadConfig({ cwd: dir, env: {}, explicitPath: bad })).toThrow(
      `${bad}:2:15: kpi.week_start: expected one of: monday, sunday (got "friday")\n${bad}:3:14: rfm.bins: expected a number >= 3 (got 2)`,
    );
  });
});
