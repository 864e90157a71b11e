import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { ConfigError } from "../cli/errors.js";
import type { GlossaryRef } from "./glossary.js";
import { type CompiledRule, compileTerm } from "./rule.js";
import { DEFAULT_MARKDOWN_OPTIONS, type MarkdownOptions } from "./scanner.js";
import { isSeverity, type Severity } from "./types.js";
import { isRecord, parseYamlSource } from "./yaml-source.js";

/** The `lint:` section of supportops.config.yaml, validated and resolved. */
export interface LintSettings {
  builtin: boolean;
  glossaries: GlossaryRef[];
  /** Globs used when no paths are given. */
  include: string[];
  ignorePatterns: string[];
  maxFileSize: number;
  maxWarnings: number | undefined;
  markdown: MarkdownOptions;
  overrides: LintOverride[];
  /** Folder the config's relative paths and globs are resolved against. */
  baseDir: string;
}

export interface LintOverride {
  matches: (relativePath: string) => boolean;
  /** Severity of every rule in these files ("off" silences them). */
  severity: Severity | "off" | undefined;
  /** Per-rule severities, by rule id (preferred form or prh expected). */
  rules: Map<string, Severity | "off">;
  /** Extra terms that apply to these files only (from `terms`, and `glossaries` once loaded). */
  terms: CompiledRule[];
  /** Glossary files that apply to these files only; the command loads them into `terms`. */
  glossaries: GlossaryRef[];
}

export const DEFAULT_INCLUDE = ["**/*.md", "**/*.markdown", "**/*.txt"];
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const KNOWN_KEYS = [
  "builtin",
  "glossaries",
  "severity",
  "include",
  "ignore_patterns",
  "max_file_size",
  "max_warnings",
  "markdown",
  "overrides",
];
const MARKDOWN_KEYS: Record<string, keyof MarkdownOptions> = {
  headings: "headings",
  links: "links",
  reference_links: "referenceLinks",
  blockquotes: "blockquotes",
  emphasis: "emphasis",
  tables: "tables",
};
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)?$/i;

type Keys = (string | number)[];

class Where {
  private lines: ((keys: Keys) => number) | undefined;
  constructor(private readonly file: string | undefined) {}
  error(keys: Keys, message: string): ConfigError {
    const dotted = keys.reduce<string>(
      (s, k) => (typeof k === "number" ? `${s}[${k}]` : s === "" ? k : `${s}.${k}`),
      "",
    );
    if (this.file === undefined) return new ConfigError(`config ${dotted}: ${message}`);
    if (!this.lines) {
      try {
        const src = parseYamlSource(readFileSync(this.file, "utf8"), this.file);
        this.lines = (k) => src.lineOf(k);
      } catch {
        this.lines = () => 1;
      }
    }
    return new ConfigError(`${this.file}:${this.lines(keys)}: ${dotted}: ${message}`);
  }
}

function stringList(value: unknown, keys: Keys, where: Where): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  throw where.error(keys, "expected a string or a list of strings");
}

function severityValue(value: unknown, keys: Keys, where: Where): Severity {
  if (isSeverity(value)) return value;
  throw where.error(keys, `expected error, warning or info, got ${JSON.stringify(value)}`);
}

function parseSize(value: unknown, keys: Keys, where: Where): number {
  if (typeof value === "number" && value > 0) return value;
  const m = typeof value === "string" ? SIZE.exec(value.trim()) : null;
  if (!m) throw where.error(keys, "expected a size such as 2MB or 500kB, or a number of bytes");
  const unit = (m[2] ?? "b").toLowerCase();
  const factor = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * factor);
}

export function resolveLintSettings(
  section: unknown,
  baseDir: string,
  configFile: string | undefined,
): LintSettings {
  const where = new Where(configFile);
  const settings: LintSettings = {
    builtin: true,
    glossaries: [],
    include: DEFAULT_INCLUDE,
    ignorePatterns: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    maxWarnings: undefined,
    markdown: { ...DEFAULT_MARKDOWN_OPTIONS },
    overrides: [],
    baseDir,
  };
  if (section === undefined || section === null) return settings;
  if (!isRecord(section)) throw where.error(["lint"], "expected a mapping");
  for (const key of Object.keys(section)) {
    if (!KNOWN_KEYS.includes(key))
      throw where.error(["lint", key], `unknown key (known: ${KNOWN_KEYS.join(", ")})`);
  }
  const defaultSeverity =
    section.severity === undefined ? "error" : severityValue(section.severity, ["lint", "severity"], where);
  if (section.builtin !== undefined) {
    if (typeof section.builtin !== "boolean")
      throw where.error(["lint", "builtin"], "expected true or false");
    settings.builtin = section.builtin;
  }
  if (section.glossaries !== undefined) {
    settings.glossaries = glossaryRefs(
      section.glossaries,
      ["lint", "glossaries"],
      where,
      baseDir,
      defaultSeverity,
    );
  }
  if (section.include !== undefined)
    settings.include = stringList(section.include, ["lint", "include"], where);
  if (section.ignore_patterns !== undefined) {
    settings.ignorePatterns = stringList(section.ignore_patterns, ["lint", "ignore_patterns"], where);
  }
  if (section.max_file_size !== undefined) {
    settings.maxFileSize = parseSize(section.max_file_size, ["lint", "max_file_size"], where);
  }
  if (section.max_warnings !== undefined) {
    const n = section.max_warnings;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw where.error(["lint", "max_warnings"], "expected a whole number ≥ 0");
    }
    settings.maxWarnings = n;
  }
  if (section.markdown !== undefined) {
    const md = section.markdown;
    if (!isRecord(md)) throw where.error(["lint", "markdown"], "expected a mapping");
    for (const [key, value] of Object.entries(md)) {
      const option = MARKDOWN_KEYS[key];
      if (!option) {
        throw where.error(
          ["lint", "markdown", key],
          `unknown key (known: ${Object.keys(MARKDOWN_KEYS).join(", ")})`,
        );
      }
      if (typeof value !== "boolean") throw where.error(["lint", "markdown", key], "expected true or false");
      settings.markdown[option] = value;
    }
  }
  if (section.overrides !== undefined) {
    if (!Array.isArray(section.overrides)) throw where.error(["lint", "overrides"], "expected a list");
    settings.overrides = section.overrides.map((o, i) =>
      override(o, ["lint", "overrides", i], where, defaultSeverity, configFile ?? "config", baseDir),
    );
  }
  return settings;
}

function glossaryRefs(
  value: unknown,
  keys: Keys,
  where: Where,
  baseDir: string,
  severity: Severity,
): GlossaryRef[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) throw where.error(keys, "expected a list of glossary paths");
  return list.map((item, i) => {
    if (typeof item === "string") return { path: resolve(baseDir, item), severity };
    if (isRecord(item) && typeof item.path === "string") {
      const sev =
        item.severity === undefined
          ? severity
          : severityValue(item.severity, [...keys, i, "severity"], where);
      return { path: resolve(baseDir, item.path), severity: sev };
    }
    throw where.error([...keys, i], "expected a path or {path, severity}");
  });
}

function override(
  value: unknown,
  keys: Keys,
  where: Where,
  severity: Severity,
  file: string,
  baseDir: string,
): LintOverride {
  if (!isRecord(value)) throw where.error(keys, "expected a mapping with files");
  const known = ["files", "severity", "glossaries", "disable", "rules", "terms"];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw where.error([...keys, key], `unknown key (known: ${known.join(", ")})`);
  }
  if (value.files === undefined) throw where.error(keys, "missing files (a list of globs)");
  const globs = stringList(value.files, [...keys, "files"], where);
  const matchers = picomatch(globs, { dot: true });
  const rules = new Map<string, Severity | "off">();
  if (value.rules !== undefined) {
    if (!isRecord(value.rules))
      throw where.error([...keys, "rules"], "expected a mapping of rule id to severity or off");
    for (const [id, sev] of Object.entries(value.rules)) {
      rules.set(
        id,
        sev === "off" || sev === false ? "off" : severityValue(sev, [...keys, "rules", id], where),
      );
    }
  }
  if (value.disable !== undefined) {
    for (const id of stringList(value.disable, [...keys, "disable"], where)) rules.set(id, "off");
  }
  const glossaries =
    value.glossaries === undefined
      ? []
      : glossaryRefs(value.glossaries, [...keys, "glossaries"], where, baseDir, severity);
  const terms: CompiledRule[] = [];
  if (value.terms !== undefined) {
    if (!Array.isArray(value.terms)) throw where.error([...keys, "terms"], "expected a list of terms");
    value.terms.forEach((t, i) => {
      const at = [...keys, "terms", i];
      if (!isRecord(t) || typeof t.preferred !== "string" || t.preferred === "") {
        throw where.error(at, "a term needs preferred (a string) and variants (a list)");
      }
      const variants = stringList(t.variants, [...at, "variants"], where);
      terms.push(
        compileTerm(
          {
            preferred: t.preferred,
            variants,
            note: typeof t.note === "string" ? t.note : undefined,
            severity:
              t.severity === undefined ? undefined : severityValue(t.severity, [...at, "severity"], where),
            allow: t.allow === undefined ? undefined : stringList(t.allow, [...at, "allow"], where),
          },
          { file },
          severity,
        ),
      );
    });
  }
  return {
    matches: (p) => matchers(p),
    severity:
      value.severity === undefined
        ? undefined
        : value.severity === "off"
          ? "off"
          : severityValue(value.severity, [...keys, "severity"], where),
    rules,
    terms,
    glossaries,
  };
}

/** The path of `file` relative to the config folder, with forward slashes, for override globs. */
export function configRelative(settings: LintSettings, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(settings.baseDir, file);
  return relative(settings.baseDir, abs).split("\\").join("/");
}
