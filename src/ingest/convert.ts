import { createHash } from "node:crypto";
import type { SurveyKind } from "../domain/records.js";
import type { Cell, ImportBatch } from "../store/import-batch.js";
import { recordColumns } from "../store/schema.js";
import type { SourceRow } from "./csv.js";
import type { Detection } from "./detect.js";
import {
  createDateParser,
  createDurationParser,
  type DateOrder,
  EXPECTED_BOOLEAN,
  EXPECTED_NUMBER,
  expectedSurveyScore,
  INVALID,
  type Invalid,
  idWarning,
  isMissing,
  lastInvalidReason,
  normalizeBoolean,
  normalizeChannel,
  normalizeId,
  normalizeNumber,
  normalizeStatus,
  normalizeSurveyScore,
  trimCell,
  vocabularyKey,
} from "./normalize/index.js";
import { FIELDS } from "./profiles/fields.js";
import type { DurationUnit, RecordKind } from "./profiles/types.js";
import type { Reject } from "./rejects.js";
import { detached } from "./row-codec.js";

type CellFn = (raw: string) => Cell | Invalid;

interface ColumnConverter {
  /** Source column index. */
  col: number;
  /** Output index in recordColumns(kind). */
  out: number;
  field: string;
  header: string;
  fn: CellFn;
  expected: string;
  /** Also copy the trimmed raw text here (status_raw, channel_raw). */
  rawOut: number;
  /** An id that Excel may have mangled (counted for a warning). */
  isId: boolean;
}

export interface ConvertOptions {
  kind: RecordKind;
  timeZone: string;
  dateOrder: DateOrder;
  /** Number of columns in the header: rows with more non-empty or fewer cells are rejected. */
  width: number;
  encodingName: string;
}

/** Converts source rows into store rows; one instance per file, reused for every row. */
export interface RowConverter {
  /** Converts a row into the internal buffer; returns a reject or null. */
  convert(row: SourceRow): Reject | null;
  /** Stages the records of the last converted row. */
  stage(batch: ImportBatch): void;
  /** File-level warnings gathered while converting (once each). */
  warnings(): string[];
  /** Store columns this converter can fill; the rest are left as they are. */
  readonly written: readonly string[];
}

const text: CellFn = (raw) => {
  const s = trimCell(raw);
  return isMissing(s) ? null : s;
};

const DURATION_UNIT: Record<DurationUnit, "minutes" | "hours" | "seconds" | "milliseconds"> = {
  minutes: "minutes",
  hours: "hours",
  seconds: "seconds",
  ms: "milliseconds",
};

/** Freshdesk "Within SLA" / "SLA Violated" and Japanese equivalents; else a plain yes/no. */
const slaStatus: CellFn = (raw) => {
  const s = trimCell(raw);
  if (isMissing(s)) return null;
  const k = vocabularyKey(s);
  if (/violat|breach|missed|違反|超過|未達/.test(k)) return 0;
  if (/within|achieved|met|遵守|達成|内/.test(k)) return 1;
  const b = normalizeBoolean(s);
  if (b === INVALID) return INVALID;
  return b === null ? null : b ? 1 : 0;
};

const SURVEY_KIND_WORDS: Record<string, SurveyKind> = {
  csat: "csat",
  satisfaction: "csat",
  顧客満足度: "csat",
  満足度: "csat",
  nps: "nps",
  ces: "ces",
  effort: "ces",
  顧客努力指標: "ces",
};

function columnFn(
  field: string,
  type: string,
  unit: DurationUnit | undefined,
  o: ConvertOptions,
): [CellFn, string] {
  switch (type) {
    case "id":
      return [normalizeId, "an identifier"];
    case "timestamp": {
      const p = createDateParser({ timeZone: o.timeZone, dateOrder: o.dateOrder });
      return [(raw) => p.parse(raw), p.expected];
    }
    case "duration": {
      const p = createDurationParser(DURATION_UNIT[unit ?? "minutes"]);
      if (field === "handle_seconds") {
        return [
          (raw) => {
            const v = p.parse(raw);
            return typeof v === "number" ? v * 60 : v;
          },
          p.expected,
        ];
      }
      return [(raw) => p.parse(raw), p.expected];
    }
    case "int":
    case "number":
      return [
        (raw) => {
          const v = normalizeNumber(raw);
          return typeof v === "number" && type === "int" ? Math.round(v) : v;
        },
        EXPECTED_NUMBER,
      ];
    case "bool":
      return [
        (raw) => {
          const v = normalizeBoolean(raw);
          return v === INVALID || v === null ? v : v ? 1 : 0;
        },
        EXPECTED_BOOLEAN,
      ];
    case "sla_status":
      return [slaStatus, `SLA status such as "Within SLA" / "SLA Violated", or ${EXPECTED_BOOLEAN}`];
    case "channel":
      return [normalizeChannel, "a channel"];
    case "status":
      return [normalizeStatus, "a status"];
    case "survey_kind":
      return [
        (raw) => {
          const s = trimCell(raw);
          if (isMissing(s)) return null;
          return SURVEY_KIND_WORDS[vocabularyKey(s)] ?? INVALID;
        },
        "a survey kind: CSAT, NPS or CES",
      ];
    default:
      return [text, "text"];
  }
}

function rowHash(fields: string[]): string {
  return createHash("sha1").update(fields.join("\u001f")).digest("hex").slice(0, 20);
}

export function buildRowConverter(detection: Detection, o: ConvertOptions): RowConverter {
  const out = recordColumns(o.kind);
  const outIndex = new Map(out.map((c, i) => [c, i]));
  const types = FIELDS[o.kind];
  const columns: ColumnConverter[] = [];
  const questions: Array<{ col: number; header: string; kind: SurveyKind }> = [];
  for (const c of detection.columns) {
    const t = c.target;
    if (!t) continue;
    if (o.kind === "surveys" && t.field === "score" && t.surveyKind) {
      questions.push({ col: c.index, header: c.header, kind: t.surveyKind });
      continue;
    }
    const type = types[t.field] as string;
    const [fn, expected] = columnFn(t.field, type, t.unit, o);
    const rawField = t.field === "status" || t.field === "channel" ? `${t.field}_raw` : "";
    columns.push({
      col: c.index,
      out: outIndex.get(t.field) as number,
      field: t.field,
      header: c.header,
      fn,
      expected,
      rawOut: rawField ? (outIndex.get(rawField) ?? -1) : -1,
      isId: t.field === "ticket_id" || t.field === "customer_id" || t.field === "order_id",
    });
  }
  const values: Cell[] = new Array<Cell>(out.length).fill(null);
  const idCol = (f: string) => outIndex.get(f) as number;
  const warnings = new Set<string>();
  let excelIds = 0;
  // Survey rows may yield several records (one per question answered).
  const surveyRecords: Cell[][] = [];
  // Orders without an id: the n-th order of a customer at the same instant gets "#n". Orders
  // with an id: the n-th line of that id in the file is line n.
  const orderSeq = new Map<string, number>();
  let fields: string[] = [];

  function reject(row: SourceRow, col: number | null, field: string | null, reason: string): Reject {
    return { line: row.line, column: col === null ? null : col + 1, field, reason, fields: row.fields };
  }

  function convert(row: SourceRow): Reject | null {
    fields = row.fields;
    if (fields.length !== o.width && detection.headerRows > 0) {
      const extraEmpty = fields.length > o.width && fields.slice(o.width).every((f) => f.trim() === "");
      if (!extraEmpty) return reject(row, null, null, `expected ${o.width} fields, found ${fields.length}`);
    }
    if (row.replaced !== undefined)
      return reject(row, row.replaced, null, `invalid bytes for the ${o.encodingName} encoding`);
    values.fill(null);
    for (const c of columns) {
      const raw = fields[c.col] ?? "";
      const v = c.fn(raw);
      if (v === INVALID) {
        const why = lastInvalidReason();
        return reject(
          row,
          c.col,
          c.field,
          `column "${c.header}" (${c.field}): expected ${c.expected}, found "${raw}"${why ? ` (${why})` : ""}`,
        );
      }
      if (c.isId && idWarning()) excelIds++;
      // A second column for the same field (e.g. Requester ID, then email) only fills a gap.
      if (values[c.out] === null) values[c.out] = v;
      if (c.rawOut >= 0 && v !== null) values[c.rawOut] = trimCell(raw);
    }
    return o.kind === "tickets"
      ? finishTicket(row)
      : o.kind === "orders"
        ? finishOrder(row)
        : finishSurvey(row);
  }

  function finishTicket(row: SourceRow): Reject | null {
    if (values[idCol("ticket_id")] === null) return reject(row, null, "ticket_id", "the ticket id is empty");
    return null;
  }

  function finishOrder(row: SourceRow): Reject | null {
    for (const f of ["customer_id", "ordered_at", "amount"]) {
      if (values[idCol(f)] === null) return reject(row, null, f, `${f} is empty`);
    }
    const idIdx = idCol("order_id");
    const id = values[idIdx] as string | null;
    if (id === null) {
      const base = `${values[idCol("customer_id")]}@${values[idCol("ordered_at")]}`;
      const n = (orderSeq.get(base) ?? 0) + 1;
      orderSeq.set(base, n);
      values[idIdx] = `${base}#${n}`;
      values[idCol("line_no")] = 1;
    } else {
      const n = (orderSeq.get(id) ?? 0) + 1;
      orderSeq.set(n === 1 ? detached(id) : id, n);
      values[idCol("line_no")] = n;
    }
    return null;
  }

  function finishSurvey(row: SourceRow): Reject | null {
    surveyRecords.length = 0;
    const idIdx = idCol("response_id");
    const base = (values[idIdx] as string | null) ?? `row:${rowHash(fields)}`;
    const kindIdx = idCol("kind");
    const scoreIdx = idCol("score");
    const scoreCol = columns.find((c) => c.field === "score");
    if (questions.length === 0) {
      // One score per row: the kind comes from a kind column, or the score column's declared kind.
      const target = detection.columns.find((c) => c.target?.field === "score");
      const kind = (values[kindIdx] as SurveyKind | null) ?? target?.target?.surveyKind ?? "csat";
      const raw = scoreCol ? (fields[scoreCol.col] ?? "") : "";
      const r = scoreRecord(row, kind, raw, base, scoreCol?.col ?? null, scoreCol?.header ?? "score");
      if (r) return r;
      if (surveyRecords.length === 0) return reject(row, null, "score", "no score in the row");
      return null;
    }
    const seen = new Map<SurveyKind, number>();
    for (const q of questions) {
      const n = (seen.get(q.kind) ?? 0) + 1;
      seen.set(q.kind, n);
      const id = `${base}:${q.kind}${n > 1 ? n : ""}`;
      const r = scoreRecord(row, q.kind, fields[q.col] ?? "", id, q.col, q.header);
      if (r) return r;
    }
    values[scoreIdx] = null;
    if (surveyRecords.length === 0) return reject(row, null, "score", "no question was answered");
    return null;
  }

  function scoreRecord(
    row: SourceRow,
    kind: SurveyKind,
    raw: string,
    id: string,
    col: number | null,
    header: string,
  ): Reject | null {
    const s = normalizeSurveyScore(kind, raw);
    if (s === INVALID) {
      return reject(
        row,
        col,
        "score",
        `column "${header}" (${kind}): expected ${expectedSurveyScore(kind)}, found "${raw}"`,
      );
    }
    if (s === null) return null;
    const rec = values.slice();
    rec[idCol("response_id")] = id;
    rec[idCol("kind")] = kind;
    rec[idCol("score")] = s.score;
    rec[idCol("scale_min")] = s.scale_min;
    rec[idCol("scale_max")] = s.scale_max;
    surveyRecords.push(rec);
    return null;
  }

  const written = new Set(columns.map((c) => c.field));
  for (const c of columns) if (c.rawOut >= 0) written.add(out[c.rawOut] as string);
  if (o.kind === "orders") {
    written.add("order_id");
    written.add("line_no");
  }
  if (o.kind === "surveys")
    for (const f of ["response_id", "kind", "score", "scale_min", "scale_max"]) written.add(f);
  let lastLine = 0;
  return {
    written: [...written],
    convert(row) {
      lastLine = row.line;
      return convert(row);
    },
    stage(batch) {
      if (o.kind === "surveys") for (const r of surveyRecords) batch.add(r, lastLine);
      else batch.add(values, lastLine);
    },
    warnings() {
      if (excelIds > 0) {
        warnings.add(
          `${excelIds} ids look like numbers Excel rewrote in scientific notation (e.g. 1.25E+17); their digits are lost: export the id column as text`,
        );
      }
      return [...warnings];
    },
  };
}
