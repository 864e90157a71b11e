import type { SurveyKind } from "../../domain/records.js";
import type { TruncationRule } from "../trailer.js";

export type RecordKind = "tickets" | "surveys" | "orders";
export const RECORD_KINDS: readonly RecordKind[] = ["tickets", "surveys", "orders"];

/** How the importer reads a cell for a canonical field. */
export type FieldType =
  | "id"
  | "text"
  | "timestamp"
  | "duration"
  | "int"
  | "number"
  | "bool"
  | "sla_status"
  | "channel"
  | "status"
  | "score"
  | "survey_kind";

/** Unit of a plain-number duration column; `hms` columns are `H:MM:SS` text. */
export type DurationUnit = "minutes" | "hours" | "seconds" | "ms";

/**
 * What a header maps to: a canonical field (snake_case, as in the store), optionally with the
 * unit its plain numbers are in, or a survey question of a kind.
 */
export interface ColumnTarget {
  field: string;
  unit?: DurationUnit;
  /** For survey question columns: which score this column holds. */
  surveyKind?: SurveyKind;
}

export interface Profile {
  name: string;
  /** Shown in --dry-run: "Zendesk ticket export". */
  label: string;
  kind: RecordKind;
  /** Folded header (see foldHeader) → target. Earlier entries for the same field win. */
  headers: Record<string, string | ColumnTarget>;
  /** Headers that only this vendor writes; each one found adds weight to the match. */
  distinctive?: string[];
  /** Day order for ambiguous dates in this vendor's exports. */
  dateOrder?: "ymd" | "dmy" | "mdy";
  /** Header rows before the data (SurveyMonkey 2, Qualtrics 3). */
  headerRows?: number;
  /** Survey layouts: find question columns by their text (kind by keywords). */
  questionColumns?: boolean;
  /** Positional layout for header-less files (CDNOW): fields by column count. */
  positional?: Record<number, Array<string | null>>;
  /** The vendor's exports are capped and then end with a notice row instead of data (trailer.ts). */
  truncationNotice?: TruncationRule;
}
