import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** One textlint-rule-prh finding reduced to what the agreement compares. */
export interface Observed {
  file: string;
  line: number;
  column: number;
  expected: string;
}

const ROOT = resolve(import.meta.dirname, "..");
const TEXTLINT = join(ROOT, "node_modules/.bin/textlint");

interface TextlintJson {
  filePath: string;
  messages: { line: number; column: number; message: string; ruleId: string; fix?: { text: string } }[];
}

/** Runs textlint + textlint-rule-prh (default options) over `glob` with `dictionary`; returns findings and seconds. */
export function runTextlint(dictionary: string, glob: string): { findings: Observed[]; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), "supportops-textlint-"));
  try {
    const rc = join(dir, ".textlintrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [resolve(dictionary)] } } }));
    const t0 = performance.now();
    const r = spawnSync(TEXTLINT, ["--config", rc, "--format", "json", glob], {
      cwd: dir,
      maxBuffer: 512 * 1024 * 1024,
      encoding: "utf8",
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.stdout.length === 0) throw new Error(`textlint failed: ${r.stderr}`);
    const results = JSON.parse(r.stdout) as TextlintJson[];
    const findings: Observed[] = [];
    for (const res of results) {
      for (const m of res.messages) {
        if (m.ruleId !== "prh") continue;
        // The fix text is the expected form; the message "actual => expected" is ambiguous when
        // the actual text itself contains " => ".
        const expected = m.fix?.text ?? (m.message.split("\n")[0] ?? "").split(" => ").slice(1).join(" => ");
        findings.push({ file: resolve(res.filePath), line: m.line, column: m.column, expected });
      }
    }
    return { findings, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
