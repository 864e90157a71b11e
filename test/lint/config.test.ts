import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/cli/errors.js";
import { builtinRules } from "../../src/lint/builtin.js";
import { resolveLintSettings } from "../../src/lint/config.js";
import { rulesForPath } from "../../src/lint/run.js";
import { tempDir } from "../helpers/cli.js";

describe("lint config", () => {
  it("has defaults when the section is missing", () => {
    const s = resolveLintSettings(undefined, "/p", undefined);
    expect([s.builtin, s.glossaries, s.include, s.maxFileSize]).toEqual([
      true,
      [],
      ["**/*.md", "**/*.markdown", "**/*.txt"],
      2 * 1024 * 1024,
    ]);
  });

  it("resolves glossary paths against the config folder and parses sizes", () => {
    const s = resolveLintSettings(
      { glossaries: ["g/prh.yml", { path: "/abs/t.csv", severity: "warning" }], max_file_size: "500kB" },
      "/p",
      undefined,
    );
    expect(s.glossaries).toEqual([
      { path: "/p/g/prh.yml", severity: "error" },
      { path: "/abs/t.csv", severity: "warning" },
    ]);
    expect(s.maxFileSize).toBe(512_000);
  });

  it("names the file, line and key of a bad value", () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, "supportops.config.yaml");
      writeFileSync(
        file,
        "lint:\n  builtin: true\n  overrides:\n    - files: [docs/**]\n      severity: loud\n",
      );
      const section = { builtin: true, overrides: [{ files: ["docs/**"], severity: "loud" }] };
      expect(() => resolveLintSettings(section, dir, file)).toThrow(ConfigError);
      expect(() => resolveLintSettings(section, dir, file)).toThrow(
        `${file}:5: lint.overrides[0].severity: expected error, warning or info, got "loud"`,
      );
    } finally {
      cleanup();
    }
  });

  it("rejects unknown keys", () => {
    expect(() => resolveLintSettings({ glosaries: [] }, "/p", undefined)).toThrow(
      /lint.glosaries: unknown key/,
    );
  });

  it("applies per-path overrides: severities, rules switched off, extra terms", () => {
    const s = resolveLintSettings(
      {
        overrides: [
          {
            files: ["docs/billing/**"],
            severity: "info",
            rules: { ユーザー: "off" },
            terms: [{ preferred: "顧客", variants: ["ユーザー"] }],
          },
        ],
      },
      "/p",
      undefined,
    );
    const base = builtinRules();
    const billing = rulesForPath(s, base, "/p/docs/billing/a.md");
    const other = rulesForPath(s, base, "/p/docs/a.md");
    expect(other.rules).toBe(base);
    expect(billing.rules.some((r) => r.id === "顧客")).toBe(true);
    const user = base.find((r) => r.id === "ユーザー");
    const channel = base.find((r) => r.id === "チャネル");
    expect(user && billing.severityOf?.(user)).toBe("off");
    expect(channel && billing.severityOf?.(channel)).toBe("info");
  });
});
