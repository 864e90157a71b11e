import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { checkConfigText } from "../../config/load.js";
import type { ColumnMapping } from "../../config/types.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { isValidTimeZone, systemTimeZone } from "../../util/time-zone.js";
import type { CliContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";
import { buildConfig, renderConfigYaml, type SetupAnswers } from "./build-config.js";
import { mapColumns, parseMapFlags, type Unanswered } from "./mapping.js";
import { type Question, type SetupFlags, setupQuestions } from "./questions.js";
import type { ExportKind, InspectExport, Prompter } from "./types.js";

export interface InitOptions extends SetupFlags {
  yes?: boolean;
  force?: boolean;
  output?: string;
  sample?: string;
  kind?: string;
  profile?: string;
  map?: string[];
}

export interface InitServices {
  /** Present only when a person can answer (see CliContext.interactive). */
  prompter: Prompter | undefined;
  inspectExport: InspectExport;
}

const KINDS: readonly ExportKind[] = ["tickets", "surveys", "orders"];

/**
 * The wizard: asks (or takes from flags, or defaults with --yes) each setting, maps a sample
 * export's unsure columns, writes the file atomically. Without a person and without --yes it
 * writes what the flags answer and exits 2 listing the rest.
 */
export async function runInit(ctx: CliContext, opts: InitOptions, services: InitServices): Promise<number> {
  const target = resolve(ctx.io.cwd, opts.output ?? "supportops.config.yaml");
  if (existsSync(target) && !opts.force) {
    throw new UsageError(
      `${target} already exists`,
      "pass --force to replace it, or --output to write elsewhere",
    );
  }
  const { prompter } = services;
  const acceptDefaults = opts.yes === true;
  const unanswered: Unanswered[] = [];
  const envZone = ctx.io.env.TZ && isValidTimeZone(ctx.io.env.TZ) ? ctx.io.env.TZ : systemTimeZone();

  const ask = async (q: Question, given: string | undefined): Promise<string | undefined> => {
    if (given !== undefined) {
      const ok = q.validate(given);
      if (ok !== true) throw new UsageError(`${q.flag} ${given}: ${ok}`);
      return given;
    }
    if (acceptDefaults) return q.defaultValue;
    if (!prompter) {
      unanswered.push({ key: q.key, flag: `${q.flag} (default: ${q.defaultValue})` });
      return undefined;
    }
    if (q.choices)
      return prompter.select({ message: q.message, choices: q.choices, default: q.defaultValue });
    return prompter.input({ message: q.message, default: q.defaultValue, validate: q.validate });
  };

  const answers: SetupAnswers = {};
  for (const q of setupQuestions(envZone)) {
    let value = await ask(q, opts[q.id]);
    if (q.id === "glossary" && value === "file" && prompter) {
      value = await prompter.input({
        message: "Glossary file (relative to the config file)",
        validate: (v) => v.trim() !== "" || "expected a file path",
      });
    }
    if (value !== undefined) answers[q.id] = value;
  }

  const profile = await sampleProfile(ctx, opts, services, acceptDefaults, unanswered);
  const config = buildConfig(answers, profile);
  const text = renderConfigYaml(config);
  const { issues } = checkConfigText(text);
  if (issues.length > 0) {
    // The answers were validated one by one, so this is a bug in building the file.
    throw new Error(
      `init produced an invalid configuration: ${issues.map((i) => `${i.key}: ${i.message}`).join("; ")}`,
    );
  }
  writeFileAtomic(target, text);

  if (unanswered.length > 0) {
    ctx.io.stderr.write(`wrote ${target} with the answers given; these still need one:\n`);
    for (const u of unanswered) ctx.io.stderr.write(`  ${u.key}: pass ${u.flag}\n`);
    ctx.io.stderr.write("hint: rerun with those flags and --force, or add --yes to accept the defaults\n");
    return ExitCode.usage;
  }
  ctx.info(`wrote ${target}`);
  ctx.info("next: `supportops config show` to review it, `supportops config validate` in CI");
  return ExitCode.ok;
}

/** The optional sample-export step: returns the named profile to save, if a sample was given. */
async function sampleProfile(
  ctx: CliContext,
  opts: InitOptions,
  services: InitServices,
  acceptDefaults: boolean,
  unanswered: Unanswered[],
): Promise<{ name: string; mapping: ColumnMapping } | undefined> {
  const { prompter } = services;
  let sample = opts.sample;
  if (sample === undefined && prompter && !acceptDefaults) {
    const answer = await prompter.input({
      message: "Sample export to map its columns (leave empty to skip)",
    });
    sample = answer.trim() === "" ? undefined : answer.trim();
  }
  if (sample === undefined) return undefined;
  const path = resolve(ctx.io.cwd, sample);
  if (!existsSync(path)) throw new UsageError(`sample export not found: ${path}`, "check the --sample path");

  let kind = opts.kind;
  if (kind !== undefined && !KINDS.includes(kind as ExportKind)) {
    throw new UsageError(`--kind ${kind}: expected one of: ${KINDS.join(", ")}`);
  }
  if (kind === undefined && prompter && !acceptDefaults) {
    kind = await prompter.select({
      message: "What does the export hold?",
      choices: KINDS.map((k) => ({ name: k, value: k })),
      default: "tickets",
    });
  }
  const exportKind = (kind ?? "tickets") as ExportKind;
  const inspection = await services.inspectExport(path, exportKind);

  // Named after the file, never after a built-in profile, so it cannot shadow one.
  const defaultName = profileNameFrom(path);
  let name = opts.profile;
  if (name === undefined && prompter && !acceptDefaults) {
    name = await prompter.input({
      message: "Name for this column mapping (import --profile NAME)",
      default: defaultName,
      validate: (v) => /^[A-Za-z0-9_.-]+$/.test(v) || "use letters, digits, _ . or -",
    });
  }
  name ??= defaultName;
  if (!/^[A-Za-z0-9_.-]+$/.test(name))
    throw new UsageError(`--profile ${name}: use letters, digits, _ . or -`);

  const explicit = parseMapFlags(opts.map ?? [], inspection, exportKind);
  if (typeof explicit === "string") throw new UsageError(explicit);
  const outcome = await mapColumns({
    inspection,
    kind: exportKind,
    profileKey: `import.profiles.${name}`,
    explicit,
    acceptDefaults,
    prompter,
  });
  unanswered.push(...outcome.unanswered);
  if (outcome.skipped.length > 0) {
    ctx.warn(`columns left unmapped (no detection to accept): ${outcome.skipped.join(", ")}`);
  }
  if (Object.keys(outcome.columns).length === 0) return undefined;
  return { name, mapping: { kind: exportKind, columns: outcome.columns } };
}

/** `exports/Zendesk Tickets 2025.csv` → `zendesk_tickets_2025`. */
export function profileNameFrom(path: string): string {
  const stem = basename(path, extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return stem === "" ? "my_export" : stem;
}
