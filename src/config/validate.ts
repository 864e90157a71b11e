import type { Document, LineCounter, Node } from "yaml";
import { isValidTimeZone } from "../util/time-zone.js";
import { configValidator, type SchemaError } from "./schema.js";
import { closestMatch } from "./suggest.js";
import type { SupportopsConfig } from "./types.js";
import { yamlModule } from "./yaml-lazy.js";

/** One problem in a configuration file, located at the key or value it concerns. */
export interface ConfigIssue {
  line: number;
  col: number;
  /** Dotted key path, e.g. `sla.targets.urgent.first_response` or `dormant.stages[1].days`. */
  key: string;
  message: string;
}

export function formatIssue(file: string, issue: ConfigIssue): string {
  return `${file}:${issue.line}:${issue.col}: ${issue.key || "(top level)"}: ${issue.message}`;
}

type Segment = string | number;

/** Checks a parsed document against the schema, then the rules a schema cannot say. */
export function validateConfigDocument(doc: Document, lineCounter: LineCounter): ConfigIssue[] {
  const value: unknown = doc.toJS();
  const validate = configValidator();
  const locate = (segments: Segment[], atKey?: string) => locateNode(doc, lineCounter, segments, atKey);
  let issues: ConfigIssue[];
  if (validate(value)) {
    issues = semanticProblems(value as SupportopsConfig).map((p) => ({
      ...locate(p.path),
      key: keyPath(p.path),
      message: p.message,
    }));
  } else {
    issues = relevantErrors(validate.errors ?? []).map((e) => describeError(e, locate));
  }
  return issues.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Drops wrapper noise: `if` failures, and the branch errors under an `anyOf` or `propertyNames`. */
function relevantErrors(errors: SchemaError[]): SchemaError[] {
  const wrappers = errors.filter(
    (e) => e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "propertyNames",
  );
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    return !wrappers.some(
      (w) =>
        w !== e && e.schemaPath.startsWith(`${w.schemaPath}/`) && e.instancePath.startsWith(w.instancePath),
    );
  });
}

function describeError(
  e: SchemaError,
  locate: (segments: Segment[], atKey?: string) => { line: number; col: number },
): ConfigIssue {
  const path = pointerSegments(e.instancePath);
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const unknownKey = String(params.additionalProperty);
      const known = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = closestMatch(unknownKey, known);
      const hint = suggestion
        ? ` (did you mean "${suggestion}"?)`
        : ` (expected one of: ${known.join(", ")})`;
      return {
        ...locate(path, unknownKey),
        key: keyPath([...path, unknownKey]),
        message: `unknown key${hint}`,
      };
    }
    case "required": {
      const missing = String(params.missingProperty);
      return { ...locate(path), key: keyPath([...path, missing]), message: `missing; expected a value here` };
    }
    case "propertyNames": {
      const name = String(params.propertyName);
      return {
        ...locate(path, name),
        key: keyPath([...path, name]),
        message: "expected a name of letters, digits, _ . or -",
      };
    }
    default:
      return {
        ...locate(path),
        key: keyPath(path),
        message: `expected ${expectation(e, schema)}${got(e)}${suggestValue(e)}`,
      };
  }
}

const TYPE_WORDS: Record<string, string> = {
  object: "a mapping of keys",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "nothing",
};

function expectation(e: SchemaError, schema: Record<string, unknown>): string {
  const params = e.params as Record<string, unknown>;
  const named = typeof schema.patternErrorMessage === "string" ? schema.patternErrorMessage : undefined;
  switch (e.keyword) {
    case "type":
      return String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return allowed.length <= 8
        ? `one of: ${allowed.join(", ")}`
        : `${String(schema.description ?? "an allowed value")} (see docs/config.md)`;
    }
    case "pattern":
    case "anyOf":
    case "oneOf":
      return named ?? String(schema.description ?? `text matching ${String(params.pattern)}`);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    case "minItems":
      return `at least ${String(params.limit)} item(s)`;
    case "minProperties":
      return `at least ${String(params.limit)} entry`;
    case "minLength":
      return "a non-empty string";
    case "uniqueItems":
      return `no duplicates (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))} are equal)`;
    default:
      return e.message ?? e.keyword;
  }
}

/** For a misspelt choice, the closest allowed one. */
function suggestValue(e: SchemaError): string {
  if (e.keyword !== "enum" || typeof e.data !== "string") return "";
  const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
  const suggestion = closestMatch(e.data, allowed);
  return suggestion ? `; did you mean "${suggestion}"?` : "";
}

function got(e: SchemaError): string {
  const v = e.data;
  if (e.keyword === "uniqueItems" || e.keyword === "minItems" || e.keyword === "minProperties") return "";
  if (v === null) return " (got nothing)";
  if (typeof v === "object") return Array.isArray(v) ? " (got a list)" : " (got a mapping)";
  return ` (got ${JSON.stringify(v)})`;
}

/** `/sla/targets/urgent` → ["sla", "targets", "urgent"]; array indices become numbers. */
function pointerSegments(pointer: string): Segment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

export function keyPath(segments: readonly Segment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Line and column of the node at `segments` (or of the key `atKey` inside it): the nearest existing ancestor otherwise. */
function locateNode(
  doc: Document,
  lineCounter: LineCounter,
  segments: Segment[],
  atKey?: string,
): { line: number; col: number } {
  const { isMap, isNode, isPair, isScalar } = yamlModule();
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) {
    const found = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(found)) node = found;
    if (node && n < segments.length) atKey = undefined;
  }
  if (node && atKey !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === atKey);
    if (pair && isNode(pair.key)) node = pair.key;
  }
  const offset = node?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

interface Problem {
  path: Segment[];
  message: string;
}

/** Rules beyond the schema: real time zones and dates, ordered intervals and stages. */
export function semanticProblems(config: SupportopsConfig): Problem[] {
  const problems: Problem[] = [];
  const checkZone = (tz: string | undefined, path: Segment[]) => {
    if (tz !== undefined && !isValidTimeZone(tz)) {
      problems.push({ path, message: `expected an IANA time zone such as Asia/Tokyo or UTC (got "${tz}")` });
    }
  };
  checkZone(config.timezone, ["timezone"]);
  for (const [name, profile] of Object.entries(config.import?.profiles ?? {})) {
    checkZone(profile.timezone, ["import", "profiles", name, "timezone"]);
  }
  for (const [day, intervals] of Object.entries(config.business_hours?.schedule ?? {})) {
    intervals.forEach((interval, i) => {
      const [start = "", end = ""] = interval.split("-");
      if (start >= end) {
        problems.push({
          path: ["business_hours", "schedule", day, i],
          message: `expected the start before the end (got "${interval}"); split overnight shifts at 24:00`,
        });
      }
    });
  }
  (config.business_hours?.holidays?.dates ?? []).forEach((date, i) => {
    if (!isCalendarDate(date)) {
      problems.push({
        path: ["business_hours", "holidays", "dates", i],
        message: `expected a real date (got "${date}")`,
      });
    }
  });
  const stages = config.dormant?.stages ?? [];
  for (let i = 1; i < stages.length; i++) {
    const prev = stages[i - 1];
    const stage = stages[i];
    if (prev && stage && stage.days <= prev.days) {
      problems.push({
        path: ["dormant", "stages", i, "days"],
        message: `expected more days than the stage before ("${prev.name}", ${prev.days} days)`,
      });
    }
  }
  const life = config.rfm?.lifecycle;
  if (life?.new_days !== undefined && life.dormant_days !== undefined && life.new_days >= life.dormant_days) {
    problems.push({
      path: ["rfm", "lifecycle", "new_days"],
      message: "expected fewer days than dormant_days",
    });
  }
  if (
    life?.dormant_days !== undefined &&
    life.churned_days !== undefined &&
    life.dormant_days >= life.churned_days
  ) {
    problems.push({
      path: ["rfm", "lifecycle", "dormant_days"],
      message: "expected fewer days than churned_days",
    });
  }
  return problems;
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
