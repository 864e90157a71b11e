import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runMain } from "../helpers/cli.js";

/**
 * Golden CLI cases, one folder each under test/golden/lint: the documents, a config (so the search
 * for one stops there), args.txt (one argument per line) and expected/<format>.txt, plus
 * expected/exit.txt. UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
 */
const GOLDEN = join(ROOT, "test/golden/lint");
const update = process.env.UPDATE_GOLDEN === "1";

/** The SARIF driver version follows package.json; the goldens hold a placeholder. */
const normalise = (s: string) => s.replace(/("name": "supportops",\n\s+"version": )"[^"]+"/, '$1"X.Y.Z"');

for (const name of readdirSync(GOLDEN).sort()) {
  const dir = join(GOLDEN, name);
  const args = readFileSync(join(dir, "args.txt"), "utf8")
    .split("\n")
    .filter((a) => a !== "");
  const formats = readdirSync(join(dir, "expected"))
    .filter((f) => f.endsWith(".txt") && f !== "exit.txt")
    .map((f) => f.slice(0, -4));
  describe(`golden lint case ${name}`, () => {
    for (const format of formats) {
      it(`--format ${format}`, async () => {
        const r = await runMain(["lint", ...args, "--format", format], { cwd: dir });
        const expectedFile = join(dir, "expected", `${format}.txt`);
        const exitFile = join(dir, "expected", "exit.txt");
        if (update) {
          writeFileSync(expectedFile, normalise(r.stdout));
          writeFileSync(exitFile, `${r.code}\n`);
        }
        expect(r.stderr).toBe("");
        expect(normalise(r.stdout)).toBe(readFileSync(expectedFile, "utf8"));
        expect(existsSync(exitFile) ? Number(readFileSync(exitFile, "utf8")) : 0).toBe(r.code);
      });
    }
  });
}
