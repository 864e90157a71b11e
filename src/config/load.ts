import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import { ConfigError } from "../cli/errors.js";
import type { SupportopsConfig } from "./types.js";

export const CONFIG_FILE_NAMES = [
  "supportops.config.yaml",
  "supportops.config.yml",
  "supportops.config.json",
];

export interface LoadedConfig {
  /** The file's contents (empty when there is no file). */
  config: SupportopsConfig;
  /** Absolute path of the file read, if any. */
  path: string | undefined;
  /** Folder relative paths in the file are resolved against. */
  baseDir: string;
}

/** Looks for a config file from `cwd` upward, stopping at the repository root or the home folder. */
export function findConfigFile(cwd: string): string | undefined {
  const home = homedir();
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (existsSync(join(dir, ".git")) || dir === home) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(opts: {
  explicitPath?: string | undefined;
  cwd: string;
  env: NodeJS.ProcessEnv;
}): LoadedConfig {
  const path = opts.explicitPath ? resolve(opts.cwd, opts.explicitPath) : findConfigFile(opts.cwd);
  if (!path) return { config: {}, path: undefined, baseDir: opts.cwd };
  if (!existsSync(path)) {
    throw new ConfigError(`config file not found: ${path}`, "check the --config path");
  }
  return { config: parseConfigText(readFileSync(path, "utf8"), path), path, baseDir: dirname(path) };
}

/** Parses YAML (JSON is YAML too) with line numbers in every error. */
export function parseConfigText(text: string, path: string): SupportopsConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(`${path}:${pos.line}:${pos.col}: invalid YAML: ${first.message.split("\n")[0]}`);
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new ConfigError(`${path}:1:1: expected a mapping of settings at the top level`);
  }
  return doc.toJS() as SupportopsConfig;
}
