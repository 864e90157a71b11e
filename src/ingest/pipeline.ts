import type { Readable } from "node:stream";
import { DataError } from "../errors.js";
import type { Db } from "../store/db.js";
import { findImportByHash, ImportBatch } from "../store/import-batch.js";
import { buildRowConverter, type RowConverter } from "./convert.js";
import { type Delimiter, detectDelimiter, type SourceRow } from "./csv.js";
import {
  createDecoder,
  type DetectedEncoding,
  declaredEncoding,
  detectEncoding,
  type InputEncoding,
  SNIFF_BYTES,
} from "./decode.js";
import { type Detection, detectProfile, missingRequired, unknownTargets } from "./detect.js";
import type { DateOrder } from "./normalize/date.js";
import { createDateParser } from "./normalize/index.js";
import type { Profile, RecordKind } from "./profiles/types.js";
import { overLimit, type Reject, type RejectLimit } from "./rejects.js";
import { detached } from "./row-codec.js";
import { readRows } from "./row-source.js";
import { hashFile, openBytes, type Source } from "./source.js";
import { type TruncationNotice, truncationNotice, truncationWarning } from "./trailer.js";

export interface ImportOptions {
  kind: RecordKind;
  encoding: InputEncoding;
  timeZone: string;
  /** --date-order; otherwise the profile's. */
  dateOrder?: DateOrder | undefined;
  /** --profile: a built-in or configured profile to use without detection. */
  forcedProfile?: Profile | undefined;
  /** Profiles from the config file, which take part in detection. */
  extraProfiles: readonly Profile[];
  maxRejects: RejectLimit;
  /** Where this file's rejects go (recorded in `imports`). */
  rejectsPath: string | null;
  /** Re-import a file whose SHA-256 is already recorded. */
  force: boolean;
  toolVersion: string;
  /** Wall clock for `imports.imported_at`; injected so tests can fix it. */
  now: () => number;
  onProgress?: ((rows: number, bytes: number) => void) | undefined;
}

export type FileStatus = "imported" | "skipped" | "rejected-file";

export interface FileResult {
  file: string;
  status: FileStatus;
  profile: string;
  profileReason: string;
  encoding: string;
  delimiter: Delimiter;
  sha256: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  collapsed: number;
  rejected: number;
  seconds: number;
  headers: string[];
  rejects: Reject[];
  detection: Detection | null;
  warnings: string[];
  /**
   * Set when the file ends with its vendor's truncation notice (Freshdesk survey exports): that
   * row is in neither `rows` nor `rejected`, and a warning says so.
   */
  truncated?: TruncationNotice;
  /** Set when skipped: the earlier import of the same bytes. */
  previousImport?: { import_id: number; imported_at: number; file_name: string };
  importId?: number;
}

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  "\t": "tab",
  ";": "semicolon",
  whitespace: "whitespace",
};
export const delimiterName = (d: Delimiter): string => DELIMITER_NAMES[d];

/** Header rows to read before detection: enough for Qualtrics' three. */
const PEEK_ROWS = 3;

interface Prepared {
  detection: Detection;
  headers: string[];
  converter: RowConverter;
  batches: AsyncGenerator<SourceRow[]>;
  pending: SourceRow[];
  delimiter: Delimiter;
  encodingReason: string;
  encodingName: string;
  bytesRead: () => number;
  sha256: () => string;
}

/** The first bytes (SNIFF_BYTES or more, or all of a shorter input), which decide encoding and delimiter. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<{ head: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let n = 0;
  while (n < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    parts.push(next.value);
    n += next.value.length;
  }
  return { head: Buffer.concat(parts), ended: false };
}

/** Decodes, finds the delimiter and the profile, and builds the row converter. */
async function prepare(
  source: Source,
  stdin: Readable,
  opts: ImportOptions,
  requireFields = true,
): Promise<Prepared> {
  const opened = openBytes(source, stdin);
  const chunks = opened.chunks[Symbol.asyncIterator]();
  const { head, ended } = await readHead(chunks);
  const sample = ended ? head : head.subarray(0, SNIFF_BYTES);
  const encoding: DetectedEncoding =
    opts.encoding === "auto" ? detectEncoding(sample, !ended) : declaredEncoding(opts.encoding, sample);
  const headDecoder = createDecoder(encoding);
  const headText =
    headDecoder.write(head.subarray(encoding.bomLength)) + (ended ? (headDecoder.end() ?? "") : "");
  const { delimiter } = detectDelimiter(headText.slice(0, 64 * 1024));
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await chunks.return?.();
    }
  }
  const batches = readRows(replay(), { encoding, delimiter, fileLabel: source.label });
  try {
    const pending: SourceRow[] = [];
    while (pending.length < PEEK_ROWS) {
      const r = await batches.next();
      if (r.done) break;
      pending.push(...r.value);
    }
    if (pending.length === 0) throw new DataError("the file is empty", { file: source.label });
    const detection = detectProfile(
      opts.kind,
      pending.map((r) => r.fields),
      { whitespace: delimiter === "whitespace", forced: opts.forcedProfile, extra: opts.extraProfiles },
    );
    const missing = missingRequired(opts.kind, detection.columns);
    if (missing.length > 0 && requireFields) {
      const headers = (pending[0]?.fields ?? []).map((h) => `"${h}"`).join(", ");
      throw new DataError(
        `no column for ${missing.join(", ")} (profile ${detection.profile.name}: ${detection.reason}); the headers are ${headers}`,
        { file: source.label, line: 1 },
        "map the columns in supportops.config.yaml under import.profiles, or choose one with --profile",
      );
    }
    const unknown = unknownTargets(opts.kind, detection.columns);
    if (unknown.length > 0) {
      throw new DataError(`the mapping names unknown ${opts.kind} fields: ${unknown.join(", ")}`, {
        file: source.label,
      });
    }
    const headers =
      detection.headerRows > 0 ? (pending[0]?.fields ?? []) : detection.columns.map((c) => c.header);
    const converter = buildRowConverter(detection, {
      kind: opts.kind,
      timeZone: opts.timeZone,
      dateOrder: opts.dateOrder ?? detection.profile.dateOrder ?? "ymd",
      width: headers.length,
      encodingName: encoding.encoding,
    });
    return {
      detection,
      headers,
      converter,
      batches,
      pending: pending.slice(detection.headerRows),
      delimiter,
      encodingReason: encoding.reason,
      encodingName: encoding.encoding,
      bytesRead: opened.bytesRead,
      sha256: opened.sha256,
    };
  } catch (err) {
    await batches.return(undefined);
    throw err;
  }
}

/** A reject keeps its cells (for the rejects file) without keeping their batch's text (see `detached`). */
const kept = (r: Reject): Reject => ({ ...r, fields: r.fields.map(detached) });

/**
 * The file's rows in batches, each with the file's last row when it is the last batch (one batch
 * is held back until the next arrives, so the last row is known on the worker and in-process alike).
 */
async function* allBatches(p: Prepared): AsyncGenerator<{ rows: SourceRow[]; last: SourceRow | null }> {
  try {
    let held: SourceRow[] | null = p.pending.length > 0 ? p.pending : null;
    for await (const rows of p.batches) {
      if (held) yield { rows: held, last: null };
      held = rows;
    }
    if (held) yield { rows: held, last: held[held.length - 1] ?? null };
  } finally {
    // Stopping inside the first rows (a reject limit) must stop the parser too.
    await p.batches.return(undefined);
  }
}

/**
 * True when `row`, the file's last and rejected, is the profile's truncation notice: records it
 * in `result` (the caller counts it neither as a row nor as a reject).
 */
function isTruncationNotice(p: Prepared, opts: ImportOptions, result: FileResult, row: SourceRow): boolean {
  const rule = p.detection.profile.truncationNotice;
  if (!rule) return false;
  const dates = createDateParser({
    timeZone: opts.timeZone,
    dateOrder: opts.dateOrder ?? p.detection.profile.dateOrder ?? "ymd",
  });
  const notice = truncationNotice(row, rule, (cell) => typeof dates.parse(cell) === "number");
  if (!notice) return false;
  result.truncated = notice;
  return true;
}

/** The file-level warnings once every row is read: the converter's, then the truncation notice. */
function finishWarnings(p: Prepared, result: FileResult): void {
  result.warnings.push(...p.converter.warnings());
  const rule = p.detection.profile.truncationNotice;
  if (result.truncated && rule) result.warnings.push(truncationWarning(result.truncated, rule, result.rows));
}

function emptyResult(source: Source, p: Prepared | null): FileResult {
  return {
    file: source.label,
    status: "imported",
    profile: p?.detection.profile.name ?? "",
    profileReason: p?.detection.reason ?? "",
    encoding: p ? `${p.encodingName} (${p.encodingReason})` : "",
    delimiter: p?.delimiter ?? ",",
    sha256: "",
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    collapsed: 0,
    rejected: 0,
    seconds: 0,
    headers: p?.headers ?? [],
    rejects: [],
    detection: p?.detection ?? null,
    warnings: [...(p?.detection.warnings ?? [])],
  };
}

export interface ExportPeek {
  detection: Detection;
  headers: string[];
  /** The first data rows. */
  samples: string[][];
  /** Fields the detected profile cannot find. */
  missing: string[];
}

/** The profile detection and the first `rows` data rows, for `init`'s mapping step. */
export async function peekExport(
  source: Source,
  stdin: Readable,
  opts: ImportOptions,
  rows = 5,
): Promise<ExportPeek> {
  const p = await prepare(source, stdin, opts, false);
  const samples = p.pending.slice(0, rows).map((r) => r.fields);
  while (samples.length < rows) {
    const next = await p.batches.next();
    if (next.done) break;
    for (const r of next.value) if (samples.length < rows) samples.push(r.fields);
  }
  await p.batches.return(undefined);
  return {
    detection: p.detection,
    headers: p.headers,
    samples,
    missing: missingRequired(opts.kind, p.detection.columns),
  };
}

/** Reads and converts every row without touching a store (for --dry-run). */
export async function checkFile(source: Source, stdin: Readable, opts: ImportOptions): Promise<FileResult> {
  const started = performance.now();
  const p = await prepare(source, stdin, opts);
  const result = emptyResult(source, p);
  for await (const { rows, last } of allBatches(p)) {
    for (const row of rows) {
      const reject = p.converter.convert(row);
      if (reject && row === last && isTruncationNotice(p, opts, result, row)) break;
      result.rows++;
      if (reject) {
        result.rejected++;
        if (result.rejects.length < 1000) result.rejects.push(kept(reject));
      }
    }
  }
  finishWarnings(p, result);
  result.sha256 = p.sha256();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * Imports one file in one transaction. Returns the result; throws DataError (exit 65) when the
 * file cannot be read or has more rejects than allowed, after rolling back.
 */
export async function importFile(
  db: Db,
  source: Source,
  stdin: Readable,
  opts: ImportOptions,
): Promise<FileResult> {
  const started = performance.now();
  if (source.path && !opts.force) {
    const sha = await hashFile(source.path);
    const prev = findImportByHash(db, opts.kind, sha);
    if (prev) return { ...emptyResult(source, null), status: "skipped", sha256: sha, previousImport: prev };
  }
  const p = await prepare(source, stdin, opts);
  const result = emptyResult(source, p);
  let batch: ImportBatch;
  try {
    batch = new ImportBatch(db, opts.kind, p.converter.written);
  } catch (err) {
    // The store is locked (or unusable): stop the parser that has started on the file.
    await p.batches.return(undefined);
    throw err;
  }
  try {
    let lastProgress = 0;
    let stop = false;
    for await (const { rows, last } of allBatches(p)) {
      for (const row of rows) {
        const reject = p.converter.convert(row);
        // The vendor's "only part was exported" line ends the file: neither a row nor a reject.
        if (reject && row === last && isTruncationNotice(p, opts, result, row)) break;
        result.rows++;
        if (reject) {
          result.rejected++;
          result.rejects.push(kept(reject));
          // A count limit is known to be exceeded before the end: stop reading.
          if (opts.maxRejects.kind === "count" && result.rejected > opts.maxRejects.value) {
            stop = true;
            break;
          }
          continue;
        }
        p.converter.stage(batch);
      }
      if (stop) break;
      if (opts.onProgress && result.rows - lastProgress >= 10_000) {
        lastProgress = result.rows;
        opts.onProgress(result.rows, p.bytesRead());
      }
    }
    finishWarnings(p, result);
    if (overLimit(opts.maxRejects, result.rejected, result.rows)) {
      batch.rollback();
      result.status = "rejected-file";
      result.seconds = (performance.now() - started) / 1000;
      return result;
    }
    const sha = p.sha256();
    result.sha256 = sha;
    if (!source.path && !opts.force) {
      const prev = findImportByHash(db, opts.kind, sha);
      if (prev) {
        batch.rollback();
        return { ...result, status: "skipped", previousImport: prev, rows: 0, rejected: 0, rejects: [] };
      }
    }
    result.seconds = (performance.now() - started) / 1000;
    const counts = batch.finish({
      kind: opts.kind,
      fileName: source.fileName,
      filePath: source.path,
      sha256: sha,
      profile: p.detection.profile.name,
      encoding: p.encodingName,
      delimiter: delimiterName(p.delimiter),
      importedAt: opts.now(),
      rowsRead: result.rows,
      rejected: result.rejected,
      rejectsPath: result.rejected > 0 ? opts.rejectsPath : null,
      seconds: result.seconds,
      toolVersion: opts.toolVersion,
    });
    batch.commit();
    Object.assign(result, counts, { importId: batch.importId });
    result.seconds = (performance.now() - started) / 1000;
    return result;
  } catch (err) {
    batch.rollback();
    throw err;
  }
}
