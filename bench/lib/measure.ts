/** Runs a command as a child process and reports wall time and (via GNU time) peak RSS and CPU time. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = resolve(ROOT, "bin/supportops.js");

export interface Measured {
  seconds: number;
  /** Peak resident set size in MB, when measurable. */
  peakRssMb: number | null;
  /** User + system CPU seconds of the process and its threads, when measurable. */
  cpuSeconds: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

const TIME = "/usr/bin/time";

export function measure(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Measured {
  const rssFile = `/tmp/supportops-bench-rss-${process.pid}`;
  const haveTime = existsSync(TIME);
  const started = performance.now();
  const r = haveTime
    ? spawnSync(TIME, ["-f", "%M %U %S", "-o", rssFile, cmd, ...args], {
        ...opts,
        maxBuffer: 1 << 30,
        encoding: "utf8",
      })
    : spawnSync(cmd, args, { ...opts, maxBuffer: 1 << 30, encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  let peakRssMb: number | null = null;
  let cpuSeconds: number | null = null;
  if (haveTime && existsSync(rssFile)) {
    const [rss, user, sys] = (readFileSync(rssFile, "utf8").trim().split("\n").pop() ?? "")
      .split(" ")
      .map(Number);
    peakRssMb = (rss ?? 0) / 1024;
    cpuSeconds = (user ?? 0) + (sys ?? 0);
    rmSync(rssFile, { force: true });
  }
  return {
    seconds,
    peakRssMb,
    cpuSeconds,
    code: r.status ?? -1,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}

export function supportops(args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  return measure(process.execPath, [BIN, ...args], { env: { ...env, CI: "true" }, cwd: ROOT });
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
