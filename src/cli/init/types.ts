/** Seams of `supportops init`: export inspection (from the ingest module) and the prompts. */

export type ExportKind = "tickets" | "surveys" | "orders";

export interface ColumnGuess {
  header: string;
  /** Canonical field (src/domain/records.ts) detection chose, or null. */
  field: string | null;
  /** False when detection is unsure: the wizard asks about these columns. */
  sure: boolean;
  /** What the sample values look like, e.g. "datetime", "integer", "text". */
  detectedType: string;
}

export interface ExportInspection {
  headers: string[];
  /** A few data rows, in header order. */
  samples: string[][];
  columns: ColumnGuess[];
  /** The known vendor profile that matched, if any. */
  profile: string | null;
}

export type InspectExport = (path: string, kind: ExportKind) => Promise<ExportInspection>;

export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

/** The three prompt shapes the wizard uses; @inquirer/prompts in production, fakes in tests. */
export interface Prompter {
  input(q: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string;
  }): Promise<string>;
  select<T extends string>(q: { message: string; choices: Array<Choice<T>>; default?: T }): Promise<T>;
}
