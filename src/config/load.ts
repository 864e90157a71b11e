import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../cli/errors.js";
import type { SupportopsConfig } from "./types.js";
import { type ConfigIssue, formatIssue, validateConfigDocument } from "./validate.js";
import { yamlModule } from "./yaml-lazy.js";

export const CONFIG_FILE_NAMES = [
  "supportops.config.yaml",
  "supportops.config.yml",
  "supportops.config.json",
];

/** Environment variable naming the config file when `--config` is not given. */
export const CONFIG_ENV = "SUPPORTOPS_CONFIG";

export interface LoadedConfig {
  /** The file's contents (empty when there is no file). */
  config: SupportopsConfig;
  /** Absolute path of the file read, if any. */
  path: string | undefined;
  /** Folder relative paths in the file are resolved against. */
  baseDir: string;
  /** How the file was found, for `config show`. */
  foundBy?: "flag" | "env" | "search" | undefined;
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

/** Which file applies: `--config`, then `$SUPPORTOPS_CONFIG`, then the search upward. */
export function locateConfigFile(opts: {
  explicitPath?: string | undefined;
  cwd: string;
  env: NodeJS.ProcessEnv;
}): { path: string | undefined; foundBy: LoadedConfig["foundBy"] } {
  if (opts.explicitPath) return { path: resolve(opts.cwd, opts.explicitPath), foundBy: "flag" };
  const fromEnv = opts.env[CONFIG_ENV];
  if (fromEnv) return { path: resolve(opts.cwd, fromEnv), foundBy: "env" };
  const found = findConfigFile(opts.cwd);
  return { path: found, foundBy: found ? "search" : undefined };
}

/** Reads and validates the applicable config file; throws ConfigError listing every problem. */
export function loadConfig(opts: {
  explicitPath?: string | undefined;
  cwd: string;
  env: NodeJS.ProcessEnv;
}): LoadedConfig {
  const { path, foundBy } = locateConfigFile(opts);
  if (!path) return { config: {}, path: undefined, baseDir: opts.cwd, foundBy };
  if (!existsSync(path)) {
    const from = foundBy === "env" ? `$${CONFIG_ENV}` : "--config";
    throw new ConfigError(`config file not found: ${path}`, `check the ${from} path`);
  }
  const checked = checkConfigText(readFileSync(path, "utf8"));
  if (checked.issues.length > 0) {
    throw new ConfigError(
      checked.issues.map((i) => formatIssue(path, i)).join("\n"),
      "fix the file (docs/config.md lists every key), then run `supportops config validate`",
    );
  }
  return { config: checked.config, path, baseDir: dirname(path), foundBy };
}

/** Parses YAML (JSON is YAML too) and validates it; issues carry line and column. */
export function checkConfigText(text: string): { config: SupportopsConfig; issues: ConfigIssue[] } {
  const { isMap, LineCounter, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.map((err) => {
    const pos = lineCounter.linePos(err.pos[0]);
    return { line: pos.line, col: pos.col, key: "", message: `invalid YAML: ${err.message.split("\n")[0]}` };
  });
  if (syntax.length > 0) return { config: {}, issues: syntax };
  if (doc.contents === null) return { config: {}, issues: [] };
  if (!isMap(doc.contents)) {
    return { config: {}, issues: [{ line: 1, col: 1, key: "", message: "expected a mapping of settings" }] };
  }
  return { config: doc.toJS() as SupportopsConfig, issues: validateConfigDocument(doc, lineCounter) };
}

/** Parses and validates, throwing the first problems as one ConfigError. */
export function parseConfigText(text: string, path: string): SupportopsConfig {
  const checked = checkConfigText(text);
  if (checked.issues.length > 0) {
    throw new ConfigError(checked.issues.map((i) => formatIssue(path, i)).join("\n"));
  }
  return checked.config;
}
