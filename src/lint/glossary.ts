import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { ConfigError } from "../cli/errors.js";
import { loadCsvGlossary } from "./csv-glossary.js";
import { loadNativeGlossary, looksNative } from "./native-glossary.js";
import { loadPrhSource } from "./prh-loader.js";
import type { CompiledRule } from "./rule.js";
import type { Severity } from "./types.js";
import { isRecord, parseYamlSource } from "./yaml-source.js";

/** A glossary file to load and the severity its entries get unless they say otherwise. */
export interface GlossaryRef {
  path: string;
  severity: Severity;
}

/** Loads one glossary by its extension and shape: CSV, the native format, or a prh dictionary. */
export function loadGlossary(ref: GlossaryRef): CompiledRule[] {
  const path = resolve(ref.path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(
      `cannot read glossary ${ref.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (extname(path).toLowerCase() === ".csv") return loadCsvGlossary(bytes, path, ref.severity);
  const src = parseYamlSource(bytes.toString("utf8"), path, { fast: true });
  if (looksNative(src.value)) return loadNativeGlossary(src, ref.severity);
  if (isRecord(src.value) && ("rules" in src.value || "imports" in src.value)) {
    return loadPrhSource(src, { severity: ref.severity });
  }
  throw new ConfigError(
    `${path}:1: not a glossary: expected "terms" (native format) or "rules" (prh format)`,
  );
}

/** Merges rule sets in order; a later set's rule replaces every earlier rule with the same id. */
export function mergeRuleSets(sets: readonly (readonly CompiledRule[])[]): CompiledRule[] {
  let merged: CompiledRule[] = [];
  for (const set of sets) {
    const ids = new Set(set.map((r) => r.id));
    merged = merged.filter((r) => !ids.has(r.id)).concat(set);
  }
  return merged;
}
