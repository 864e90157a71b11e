import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/lint/builtin.js";
import { resolveLintSettings } from "../../src/lint/config.js";
import { type LintRunOptions, lintFiles, rulesForPath } from "../../src/lint/run.js";
import { writeFileAtomic } from "../../src/util/atomic-write.js";
import { tempDir } from "../helpers/cli.js";

function options(dir: string, over: Partial<LintRunOptions> = {}): LintRunOptions & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    settings: resolveLintSettings({ max_file_size: 64 }, dir, undefined),
    rules: builtinRules(),
    lang: "en",
    fix: "none",
    displayPath: (p) => p.slice(dir.length + 1),
    warn: (m) => warnings.push(m),
    writeFile: writeFileAtomic,
    warnings,
    ...over,
  };
}

describe("lintFiles", () => {
  it("skips files over lint.max_file_size with a warning", () => {
    const { dir, cleanup } = tempDir();
    try {
      // 30 × ユーザ: 30 × 3 characters × 3 UTF-8 bytes = 270 bytes.
      writeFileSync(join(dir, "big.md"), "ユーザ".repeat(30));
      writeFileSync(join(dir, "small.md"), "ユーザ");
      const opts = options(dir);
      const r = lintFiles([join(dir, "big.md"), join(dir, "small.md")], opts);
      expect(r.files.map((f) => [f.path, f.findings.length])).toEqual([["small.md", 1]]);
      expect(opts.warnings).toEqual([
        "big.md: skipped: 270 bytes is over the 64-byte limit (lint.max_file_size)",
      ]);
    } finally {
      cleanup();
    }
  });

  it("keeps a UTF-8 BOM when fixing and reports columns without it", () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, "bom.md");
      writeFileSync(file, "\uFEFFユーザ\n");
      const r = lintFiles([file], options(dir, { fix: "write" }));
      expect(r.fixedFiles).toBe(1);
      expect(readFileSync(file, "utf8")).toBe("\uFEFFユーザー\n");
      const again = lintFiles([file], options(dir));
      expect(again.files[0]?.findings).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it("shares one merged rule list between files with the same overrides", () => {
    const { dir, cleanup } = tempDir();
    try {
      const settings = resolveLintSettings(
        {
          overrides: [
            { files: ["billing/**"], terms: [{ preferred: "顧客", variants: ["ユーザー"] }] },
            { files: ["**/*.md"], severity: "info" },
          ],
        },
        dir,
        join(dir, "supportops.config.yaml"),
      );
      const rules = builtinRules();
      const a = rulesForPath(settings, rules, join(dir, "billing/a.md"));
      const b = rulesForPath(settings, rules, join(dir, "billing/b.md"));
      const c = rulesForPath(settings, rules, join(dir, "docs/c.md"));
      expect(b.rules).toBe(a.rules);
      expect(c.rules).not.toBe(a.rules);
      expect(a.rules.some((r) => r.preferred === "顧客")).toBe(true);
      expect(c.rules.some((r) => r.preferred === "顧客")).toBe(false);
    } finally {
      cleanup();
    }
  });
});
