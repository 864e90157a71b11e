import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";

// Loaded on first use: most runs (no configuration file) never validate, and loading Ajv costs
// about 80 ms of start-up.
const require = createRequire(import.meta.url);

/** The published schema; the same file editors use for completion (package.json "files"). */
export const SCHEMA_URL = new URL("../../schema/supportops.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;

/** Compiles the schema once per process; `verbose` keeps each error's schema for its message. */
export function configValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as object;
    // Compiled once per run and used once or twice: optimising the generated code costs more
    // start-up time (about 40 ms of ~100 ms) than it could save.
    const { Ajv } = require("ajv") as typeof import("ajv");
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, code: { optimize: false } });
    // Annotation read by VS Code and by our own messages; no validation of its own.
    ajv.addKeyword({ keyword: "patternErrorMessage", schemaType: "string" });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export type SchemaError = ErrorObject;
