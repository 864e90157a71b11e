/**
 * `npm run bench:lint` (npx tsx bench/lint.ts): the glossary linter against textlint +
 * textlint-rule-prh in the same run, and memory over 10,000 generated documents.
 *   1. WEB+DB_PRESS.yml (1,296 prh rules) over js-primer's 88 chapters: wall and CPU time of each
 *      (ours in-process, dictionary loading included; textlint as its CLI, start-up included),
 *      the speed ratios and whether the findings are the same on (file, line, column, expected).
 *      CPU time is less disturbed by other processes sharing the machine than wall time.
 *   2. The `supportops lint` pipeline (discovery, reading, linting, JSON output) over 2,000 and
 *      10,000 generated documents: peak heap, to show it does not grow with the number of files
 *      beyond the findings kept for the report.
 * Options: --runs N (ours, best of N; default 3), --docs N (default 10000), --skip-textlint.
 * Run with a collectable heap for exact memory figures: node --expose-gc --import tsx bench/lint.ts
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Chalk } from "chalk";
import { builtinRules } from "../src/lint/builtin.js";
import { resolveLintSettings } from "../src/lint/config.js";
import { discoverFiles } from "../src/lint/discover.js";
import { lintFiles } from "../src/lint/run.js";
import { LINT_FORMATTERS, STREAMING_LINT_FORMATTERS } from "../src/report/lint/index.js";
import { writeCorpus } from "./lint-corpus.js";
import { keyOf, runOurs } from "./lint-ours.js";
import { runTextlint } from "./lint-textlint.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    docs: { type: "string", default: "10000" },
    "skip-textlint": { type: "boolean", default: false },
  },
});
const LINT_FORMATTERS_STREAM = STREAMING_LINT_FORMATTERS.stylish ?? {
  begin: () => "",
  file: () => "",
  end: () => "",
};
const DATA = resolve(import.meta.dirname, "../../shared/data");
const dictionary = join(DATA, "prh-rules/media/WEB+DB_PRESS.yml");
const corpus = join(DATA, "js-primer/source/**/*.md");

function speed(): void {
  console.log("== WEB+DB_PRESS.yml over js-primer/source (88 files, 1.4 MB) ==");
  // The first run warms the JIT up; then the best wall time and the best CPU time of N runs.
  let ours = runOurs(dictionary, corpus);
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let i = 0; i < Number(values.runs); i++) {
    const r = runOurs(dictionary, corpus);
    bestCpu = Math.min(bestCpu, r.cpuSeconds);
    if (r.seconds < best) {
      best = r.seconds;
      ours = r;
    }
  }
  console.log(
    `supportops: ${best.toFixed(2)} s (best of ${values.runs}; CPU ${bestCpu.toFixed(2)} s), ${ours.findings.length} findings`,
  );
  if (values["skip-textlint"]) return;
  const theirs = runTextlint(dictionary, corpus);
  const theirCpu = theirs.cpuSeconds === undefined ? "" : `; CPU ${theirs.cpuSeconds.toFixed(2)} s`;
  console.log(
    `textlint + textlint-rule-prh: ${theirs.seconds.toFixed(2)} s${theirCpu}, ${theirs.findings.length} findings`,
  );
  const cpuRatio =
    theirs.cpuSeconds === undefined ? "" : `, ${(theirs.cpuSeconds / bestCpu).toFixed(1)}× in CPU time`;
  console.log(`speed-up: ${(theirs.seconds / best).toFixed(1)}×${cpuRatio} (target 20×)`);
  const a = new Set(ours.findings.map(keyOf));
  const b = new Set(theirs.findings.map(keyOf));
  const same = [...a].filter((k) => b.has(k)).length;
  console.log(`same findings: ${same} of ${b.size} textlint / ${a.size} ours (differences: docs/lint.md)`);
}

/** Heap in use after a full collection when run with --expose-gc (else as it stands). */
function heapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * One `supportops lint` run over `count` generated documents: discovery, reading, linting and
 * formatting. "stream" prints stylish file by file as the CLI does (keeps only counts); "json"
 * keeps every finding for the one JSON document at the end.
 */
function memory(count: number, mode: "stream" | "json"): void {
  const dir = join(tmpdir(), `supportops-lint-bench-${process.pid}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  writeCorpus(dir, count);
  try {
    const formatOptions = { chalk: new Chalk({ level: 0 }), lang: "en" as const, version: "bench" };
    const before = heapMiB();
    let printed = 0;
    const t0 = performance.now();
    const settings = resolveLintSettings(undefined, dir, undefined);
    const { files } = discoverFiles({
      root: dir,
      targets: [],
      include: settings.include,
      ignorePatterns: [],
    });
    const result = lintFiles(files, {
      settings,
      rules: builtinRules(),
      lang: "en",
      fix: "none",
      displayPath: (p) => p.slice(dir.length + 1),
      warn: () => {},
      writeFile: () => {},
      onReport:
        mode === "stream"
          ? (report) => {
              printed += LINT_FORMATTERS_STREAM.file(report, formatOptions).length;
            }
          : undefined,
    });
    const retained = heapMiB() - before;
    if (mode === "json") printed = LINT_FORMATTERS.json(result.files, formatOptions).length;
    const seconds = (performance.now() - t0) / 1000;
    const c = result.counts;
    console.log(
      `${mode.padEnd(6)} ${count} documents (${((count * 1.5) / 1024).toFixed(1)} MiB): ${seconds.toFixed(2)} s, ` +
        `${c.errors + c.warnings + c.infos} findings, heap retained after the run ${retained.toFixed(1)} MiB, ` +
        `output ${(printed / 1024 / 1024).toFixed(1)} MiB, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

speed();
console.log("\n== memory: built-in glossary over generated documents ==");
const docs = Number(values.docs);
for (const mode of ["stream", "json"] as const) {
  memory(Math.max(1, Math.floor(docs / 5)), mode);
  memory(docs, mode);
}
