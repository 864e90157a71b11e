import { CANONICAL_FIELDS, REQUIRED_FIELDS } from "./fields.js";
import type { Choice, ColumnGuess, ExportInspection, ExportKind, Prompter } from "./types.js";

/** `--map` value meaning "leave this column out". */
export const SKIP = "-";

/** A question the wizard could not ask: the config key and the flag that answers it. */
export interface Unanswered {
  key: string;
  flag: string;
}

export interface MappingOutcome {
  columns: Record<string, string>;
  unanswered: Unanswered[];
  /** Unsure columns left unmapped under --yes (no guess to accept). */
  skipped: string[];
}

/**
 * Builds a profile's columns: sure detections as they are, `--map` answers next, then the
 * guess (`--yes`), a prompt (interactive), or an unanswered question naming `--map`.
 */
export async function mapColumns(input: {
  inspection: ExportInspection;
  kind: ExportKind;
  profileKey: string;
  explicit: Map<string, string>;
  acceptDefaults: boolean;
  prompter: Prompter | undefined;
}): Promise<MappingOutcome> {
  const { inspection, kind, explicit, prompter } = input;
  const columns: Record<string, string> = {};
  const unanswered: Unanswered[] = [];
  const skipped: string[] = [];
  for (const [index, col] of inspection.columns.entries()) {
    const given = explicit.get(col.header);
    let field: string | undefined;
    if (given !== undefined) field = given;
    else if (col.sure && col.field) field = col.field;
    else if (input.acceptDefaults) {
      field = col.field ?? SKIP;
      if (!col.field) skipped.push(col.header);
    } else if (prompter) {
      field = await prompter.select({
        message: columnQuestion(col, samplesOf(inspection, index)),
        choices: fieldChoices(kind),
        default: col.field ?? SKIP,
      });
    } else {
      unanswered.push({
        key: `${input.profileKey}.columns[${JSON.stringify(col.header)}]`,
        flag: `--map ${JSON.stringify(`${col.header}=FIELD`)}${col.field ? ` (detected: ${col.field})` : ""}`,
      });
    }
    if (field !== undefined && field !== SKIP) columns[col.header] = field;
  }
  const mapped = new Set(Object.values(columns));
  const pendingColumns = unanswered.length > 0;
  for (const required of REQUIRED_FIELDS[kind]) {
    if (!mapped.has(required) && !pendingColumns) {
      unanswered.push({
        key: `${input.profileKey}.columns`,
        flag: `--map "HEADER=${required}" (${required} is required)`,
      });
    }
  }
  return { columns, unanswered, skipped };
}

/** Parses repeated `--map "Header=field"` values, checking headers and fields. */
export function parseMapFlags(
  values: readonly string[],
  inspection: ExportInspection,
  kind: ExportKind,
): Map<string, string> | string {
  const out = new Map<string, string>();
  const fields = CANONICAL_FIELDS[kind];
  for (const value of values) {
    const eq = value.lastIndexOf("=");
    if (eq <= 0) return `--map ${value}: expected "Header=field"`;
    const header = value.slice(0, eq);
    const field = value.slice(eq + 1).trim();
    if (!inspection.headers.includes(header)) {
      return `--map ${value}: the export has no column "${header}" (columns: ${inspection.headers.join(", ")})`;
    }
    if (field !== SKIP && !fields.includes(field)) {
      return `--map ${value}: "${field}" is not a ${kind} field (one of: ${fields.join(", ")}, or ${SKIP} to skip)`;
    }
    out.set(header, field);
  }
  return out;
}

function samplesOf(inspection: ExportInspection, index: number): string[] {
  return inspection.samples
    .map((row) => row[index] ?? "")
    .filter((v) => v !== "")
    .slice(0, 3);
}

function columnQuestion(col: ColumnGuess, samples: string[]): string {
  const shown = samples.length > 0 ? samples.map((s) => JSON.stringify(s)).join(", ") : "(all empty)";
  return `Column "${col.header}" (detected: ${col.detectedType}; samples: ${shown}) maps to`;
}

function fieldChoices(kind: ExportKind): Array<Choice<string>> {
  return [
    { name: "(skip this column)", value: SKIP },
    ...CANONICAL_FIELDS[kind].map((f) => ({ name: f, value: f })),
  ];
}
