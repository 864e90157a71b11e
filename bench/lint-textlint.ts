import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * CPU seconds used by this process's finished children (Linux: cutime + cstime of /proc/self/stat,
 * in USER_HZ = 100 ticks a second); undefined elsewhere.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the command name start at field 3 (state); cutime and cstime are 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs textlint + textlint-rule-prh (default options) over `glob` with `dictionary`; returns
 * findings, wall seconds and the CLI process's CPU seconds (when the platform tells).
 */
export function runTextlint(
  dictionary: string,
  glob: string,
): { findings: Observed[]; seconds: number; cpuSeconds: number | undefined } {
  const dir = mkdtempSync(join(tmpdir(), "supportops-textlint-"));
  try {
    const rc = join(dir, ".textlintrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [resolve(dictionary)] } } }));
    const t0 = performance.now();
    const cpu0 = childrenCpuSeconds();
    const r = spawnSync(TEXTLINT, ["--config", rc, "--format", "json", glob], {
      cwd: dir,
      maxBuffer: 512 * 1024 * 1024,
      encoding: "utf8",
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = childrenCpuSeconds();
    const cpuSeconds = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
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
    return { findings, seconds, cpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
