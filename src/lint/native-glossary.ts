import { Ajv, type ErrorObject } from "ajv";
import { ConfigError } from "../cli/errors.js";
import { type CompiledRule, compileTerm, type TermDefinition } from "./rule.js";
import type { Severity } from "./types.js";
import type { YamlSource } from "./yaml-source.js";

/**
 * The native glossary format (YAML or JSON):
 *   version: 1
 *   terms:
 *     - preferred: チャネル
 *       variants: [チャンネル]
 *       note: contact channel
 *       severity: warning          # error | warning | info (default: the glossary's)
 *       allow: [チャンネル登録]      # correct text containing a variant
 *       case_sensitive: false
 */
export const NATIVE_GLOSSARY_SCHEMA = {
  type: "object",
  required: ["terms"],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    severity: { enum: ["error", "warning", "info"] },
    terms: {
      type: "array",
      items: {
        type: "object",
        required: ["preferred", "variants"],
        additionalProperties: false,
        properties: {
          id: { type: "string", minLength: 1 },
          preferred: { type: "string", minLength: 1 },
          variants: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
          allow: { type: "array", items: { type: "string", minLength: 1 } },
          note: { type: "string" },
          severity: { enum: ["error", "warning", "info"] },
          case_sensitive: { type: "boolean" },
        },
      },
    },
  },
} as const;

interface NativeTerm {
  id?: string;
  preferred: string;
  variants: string[];
  allow?: string[];
  note?: string;
  severity?: Severity;
  case_sensitive?: boolean;
}

interface NativeGlossary {
  version?: 1;
  severity?: Severity;
  terms: NativeTerm[];
}

const ajv = new Ajv({ allErrors: false, strict: true });
const validate = ajv.compile<NativeGlossary>(NATIVE_GLOSSARY_SCHEMA);

/** Is this parsed document in the native format (rather than prh's)? */
export function looksNative(value: unknown): boolean {
  return typeof value === "object" && value !== null && "terms" in value;
}

function pathKeys(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split("/")
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, "/").replace(/~0/g, "~")));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the glossary" : `"${error.instancePath.slice(1)}"`;
  if (error.keyword === "additionalProperties") {
    return `${where}: unknown key "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === "required") return `${where}: missing "${String(error.params.missingProperty)}"`;
  if (error.keyword === "enum") return `${where}: must be one of error, warning, info`;
  return `${where}: ${error.message ?? "invalid"}`;
}

export function termDefinitions(src: YamlSource, fallback: Severity): TermDefinition[] {
  if (!validate(src.value)) {
    const error = validate.errors?.[0];
    if (!error) throw new ConfigError(`${src.path}: invalid glossary`);
    throw new ConfigError(`${src.path}:${src.lineOf(pathKeys(error))}: ${describe(error)}`);
  }
  const glossary = src.value;
  return glossary.terms.map((t) => ({
    id: t.id,
    preferred: t.preferred,
    variants: t.variants,
    allow: t.allow,
    note: t.note,
    severity: t.severity ?? glossary.severity ?? fallback,
    caseSensitive: t.case_sensitive,
  }));
}

export function loadNativeGlossary(src: YamlSource, fallback: Severity): CompiledRule[] {
  return termDefinitions(src, fallback).map((def, i) =>
    compileTerm(
      def,
      // Looked up only when shown (`glossary list`): positions cost a second, slower parse.
      {
        file: src.path,
        get line() {
          return src.lineOf(["terms", i]);
        },
      },
      fallback,
    ),
  );
}
