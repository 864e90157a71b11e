import { isAbsolute, resolve } from "node:path";
import { ConfigError } from "../cli/errors.js";
import { resolveLang } from "../i18n.js";
import { isValidTimeZone, systemTimeZone } from "../util/time-zone.js";
import { DEFAULT_STORE_PATH, defaultConfig, type EffectiveConfig, WHOLE_VALUE_PATHS } from "./defaults.js";
import type { LoadedConfig } from "./load.js";
import type { ConfigSource } from "./types.js";

/** What resolution needs from a command's context; CliContext has all of it. */
export interface SettingsContext {
  readonly io: { readonly env: NodeJS.ProcessEnv; readonly cwd: string };
  readonly opts: { readonly db?: string | undefined; readonly lang?: string | undefined };
  readonly config: LoadedConfig;
}

/** Command-line values that override a setting (a command passes the ones it defines). */
export interface FlagOverrides {
  db?: string | undefined;
  timezone?: string | undefined;
  lang?: string | undefined;
  format?: string | undefined;
  encoding?: string | undefined;
}

/** Where a value came from: the source, and the flag, variable or file that gave it. */
export interface SettingOrigin {
  source: ConfigSource;
  detail: string;
}

export interface ResolvedConfig {
  values: EffectiveConfig;
  /** Dotted key (`kpi.percentiles`, `sla.targets`) → origin; lists and whole maps are one key. */
  sources: Record<string, SettingOrigin>;
  /** The config file read, if any. */
  file: string | undefined;
  baseDir: string;
}

/** A setting the environment and a flag can override. */
interface Override {
  key: string;
  env: string;
  flag: keyof FlagOverrides;
  flagName: string;
  check: (value: string) => string | undefined;
}

const oneOf =
  (...allowed: string[]) =>
  (value: string) =>
    allowed.includes(value) ? undefined : `expected one of: ${allowed.join(", ")}`;

/** Precedence for these: flag > environment > file > default. */
export const OVERRIDES: readonly Override[] = [
  { key: "store.path", env: "SUPPORTOPS_DB", flag: "db", flagName: "--db", check: () => undefined },
  {
    key: "timezone",
    env: "SUPPORTOPS_TZ",
    flag: "timezone",
    flagName: "--tz",
    check: (v) => (isValidTimeZone(v) ? undefined : "expected an IANA time zone such as Asia/Tokyo"),
  },
  { key: "output.lang", env: "SUPPORTOPS_LANG", flag: "lang", flagName: "--lang", check: oneOf("en", "ja") },
  {
    key: "output.format",
    env: "SUPPORTOPS_FORMAT",
    flag: "format",
    flagName: "--format",
    check: oneOf("table", "json", "csv", "markdown", "html"),
  },
  {
    key: "output.encoding",
    env: "SUPPORTOPS_ENCODING",
    flag: "encoding",
    flagName: "--encoding",
    check: oneOf("utf8", "utf8-bom", "cp932"),
  },
];

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** The effective configuration: defaults, then the file, then the environment, then flags. */
export function resolveConfig(input: {
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  cwd: string;
  flags?: FlagOverrides;
}): ResolvedConfig {
  const { loaded, env, cwd } = input;
  const flags = input.flags ?? {};
  const sources: Record<string, SettingOrigin> = {};
  const envZone = env.TZ && isValidTimeZone(env.TZ) ? env.TZ : undefined;
  const base: Plain = {
    timezone: envZone ?? systemTimeZone(),
    store: { path: resolve(cwd, DEFAULT_STORE_PATH) },
    ...defaultConfig(),
  };
  const output = base.output as Plain;
  output.lang = resolveLang(undefined, env);
  recordLeaves(base, "", sources, { source: "default", detail: "built-in" });
  sources.timezone = { source: "default", detail: envZone ? "system (TZ)" : "system" };
  sources["output.lang"] = { source: "default", detail: "from LANG" };

  const fileOrigin: SettingOrigin = { source: "file", detail: loaded.path ?? "" };
  const merged = overlay(base, withFilePathsResolved(loaded), "", sources, fileOrigin) as Plain;

  for (const o of OVERRIDES) {
    const flagValue = flags[o.flag];
    const envValue = env[o.env];
    const chosen =
      flagValue !== undefined
        ? { value: flagValue, origin: { source: "flag", detail: o.flagName } as SettingOrigin }
        : envValue
          ? { value: envValue, origin: { source: "env", detail: o.env } as SettingOrigin }
          : undefined;
    if (!chosen) continue;
    const problem = o.check(chosen.value);
    if (problem) {
      throw new ConfigError(`${chosen.origin.detail}=${chosen.value}: ${problem}`, `fix or unset ${o.env}`);
    }
    const value = o.key === "store.path" ? resolve(cwd, chosen.value) : chosen.value;
    setPath(merged, o.key, value);
    sources[o.key] = chosen.origin;
  }
  return {
    values: merged as unknown as EffectiveConfig,
    sources,
    file: loaded.path,
    baseDir: loaded.baseDir,
  };
}

/** Resolution from a command's context; `flags` adds the command's own overriding options. */
export function resolveConfigFor(ctx: SettingsContext, flags: FlagOverrides = {}): ResolvedConfig {
  return resolveConfig({
    loaded: ctx.config,
    env: ctx.io.env,
    cwd: ctx.io.cwd,
    flags: { db: ctx.opts.db, lang: ctx.opts.lang, ...flags },
  });
}

/**
 * The store file: `--db` > `$SUPPORTOPS_DB` > config `store.path` (relative to the config file's
 * folder) > `./.supportops/supportops.db`. Always absolute.
 */
export function resolveStorePath(ctx: SettingsContext): string {
  if (ctx.opts.db) return resolve(ctx.io.cwd, ctx.opts.db);
  const fromEnv = ctx.io.env.SUPPORTOPS_DB;
  if (fromEnv) return resolve(ctx.io.cwd, fromEnv);
  const fromFile = ctx.config.config.store?.path;
  if (fromFile) return resolve(ctx.config.baseDir, fromFile);
  return resolve(ctx.io.cwd, DEFAULT_STORE_PATH);
}

/** The file's values with its relative file paths made absolute against the file's folder. */
function withFilePathsResolved(loaded: LoadedConfig): Plain {
  const file = structuredClone(loaded.config) as Plain & typeof loaded.config;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(loaded.baseDir, p));
  if (file.store?.path) file.store.path = abs(file.store.path);
  if (file.business_hours?.holidays?.ics)
    file.business_hours.holidays.ics = abs(file.business_hours.holidays.ics);
  if (file.lint?.glossaries) file.lint.glossaries = file.lint.glossaries.map(abs);
  delete file.$schema;
  return file;
}

function overlay(
  base: unknown,
  over: unknown,
  path: string,
  sources: Record<string, SettingOrigin>,
  origin: SettingOrigin,
): unknown {
  if (over === undefined) return base;
  if (isPlain(base) && isPlain(over) && !WHOLE_VALUE_PATHS.has(path)) {
    const out: Plain = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = overlay(base[k], v, join(path, k), sources, origin);
    return out;
  }
  // A whole value replaces what was there, including any finer-grained default keys under it.
  for (const key of Object.keys(sources)) if (key.startsWith(`${path}.`)) delete sources[key];
  recordLeaves(over, path, sources, origin);
  return over;
}

function recordLeaves(
  value: unknown,
  path: string,
  sources: Record<string, SettingOrigin>,
  origin: SettingOrigin,
): void {
  if (isPlain(value) && !WHOLE_VALUE_PATHS.has(path)) {
    for (const [k, v] of Object.entries(value)) recordLeaves(v, join(path, k), sources, origin);
  } else {
    sources[path] = origin;
  }
}

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

function setPath(target: Plain, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isPlain(next)) node[part] = {};
    node = node[part] as Plain;
  }
  node[parts[parts.length - 1] ?? ""] = value;
}
