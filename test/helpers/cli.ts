import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import type { CliIO } from "../../src/cli/context.js";
import { main } from "../../src/cli/main.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/supportops.js");
export const FIXTURES = join(ROOT, "fixtures");
export const SHARED_DATA = resolve(ROOT, "../shared/data");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colour, no CI, English, a fixed time zone. */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: "Asia/Tokyo",
    LANG: "C",
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs the real built binary (`npm test` builds first). */
export function runBin(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string | Buffer } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: testEnv(opts.env),
    input: opts.input ?? "",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

/** Runs main() in-process with fake streams; for fast tests of option handling. */
export async function runMain(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; tty?: boolean } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? "");
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  stderr.on("data", (d: Buffer) => {
    err += d.toString("utf8");
  });
  const tty = opts.tty === true;
  const io: CliIO = {
    stdin: Object.assign(stdin, { isTTY: tty }),
    stdout: Object.assign(stdout, { isTTY: tty }),
    stderr: Object.assign(stderr, { isTTY: tty }),
    env: testEnv(opts.env),
    cwd: opts.cwd ?? ROOT,
  };
  const code = await main(args, io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = "supportops-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
