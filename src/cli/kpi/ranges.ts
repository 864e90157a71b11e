/**
 * The instants a KPI run is about: "as of", the reported range (`--since`/`--until`) and the
 * comparison range (`--compare previous|baseline:<range>`). All half-open [from, to), epoch seconds.
 */
import {
  type DateRange,
  parseDateKey,
  parseRangeSpec,
  previousRange,
  RangeSpecError,
} from "../../analytics/calendar/index.js";
import { localMidnight } from "../../analytics/calendar/periods.js";
import { epochToZoned, zonedToEpoch } from "../../util/time-zone.js";
import { UsageError } from "../errors.js";

export interface Span {
  from: number;
  to: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `--as-of`: a date (counted to the end of that local day), a local date-time, or an ISO 8601
 * instant with an offset. Without the flag: one second after the latest timestamp in the data,
 * so the latest event is inside ranges that end at "as of" and reruns over the same data agree.
 */
export function resolveAsOf(flag: string | undefined, latest: number | null, timeZone: string): number {
  if (flag === undefined) {
    if (latest === null)
      throw new UsageError(
        "no tickets to report on",
        "import tickets first (supportops import tickets FILE) or give --tickets FILE",
      );
    return latest + 1;
  }
  const text = flag.trim();
  const day = parseDateKey(text);
  if (day !== undefined) return localMidnight(day + 1, timeZone);
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    return zonedToEpoch(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), timeZone);
  }
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return Math.floor(ms / 1000);
  }
  throw new UsageError(
    `--as-of "${flag}" is not a date or time`,
    "write YYYY-MM-DD (end of that day), YYYY-MM-DDTHH:MM (local time) or an ISO 8601 time with an offset",
  );
}

function rangeOf(spec: string, flag: string, asOf: number, timeZone: string, weekStart: number): DateRange {
  try {
    return parseRangeSpec(spec, asOf, timeZone, weekStart);
  } catch (err) {
    if (err instanceof RangeSpecError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

export interface ReportRanges {
  /** The reported range; undefined = every ticket created before "as of". */
  scope: Span | undefined;
  /** The comparison range, with how it was chosen ("previous" or the baseline spec). */
  baseline: (Span & { spec: string }) | undefined;
}

/**
 * `--since` alone: a single date means from that day up to "as of"; any other spec (7d, last-month,
 * this-week, FROM..TO) is that range exactly. `--until` ends the range at the end of its spec
 * (a date counts whole). `--compare previous` repeats the range backwards (the previous 7 days,
 * the month before); a range built from `--since DATE` or `--until` goes back by its own length.
 */
export function resolveRanges(
  flags: { since?: string | undefined; until?: string | undefined; compare?: string | undefined },
  asOf: number,
  timeZone: string,
  weekStart: number,
): ReportRanges {
  let scope: Span | undefined;
  let named: DateRange | undefined;
  if (flags.since !== undefined) {
    const since = rangeOf(flags.since, "--since", asOf, timeZone, weekStart);
    const singleDate = parseDateKey(flags.since.trim()) !== undefined;
    if (flags.until === undefined && !singleDate) named = since;
    scope = { from: since.from, to: singleDate ? asOf : since.to };
  }
  if (flags.until !== undefined) {
    const until = rangeOf(flags.until, "--until", asOf, timeZone, weekStart);
    scope = { from: scope?.from ?? Number.NEGATIVE_INFINITY, to: until.to };
  }
  if (scope && scope.to <= scope.from) {
    throw new UsageError(
      "the range is empty: --until ends before --since starts",
      "check the dates, or leave out --until",
    );
  }
  return { scope, baseline: resolveBaseline(flags.compare, scope, named, asOf, timeZone, weekStart) };
}

function resolveBaseline(
  compare: string | undefined,
  scope: Span | undefined,
  named: DateRange | undefined,
  asOf: number,
  timeZone: string,
  weekStart: number,
): (Span & { spec: string }) | undefined {
  if (compare === undefined) return undefined;
  const text = compare.trim();
  if (text === "previous") {
    if (!scope || !Number.isFinite(scope.from)) {
      throw new UsageError(
        "--compare previous needs a range to repeat",
        "add --since (e.g. --since last-week or --since 30d)",
      );
    }
    if (named) {
      const previous = previousRange(named, timeZone, weekStart);
      return { from: previous.from, to: previous.to, spec: "previous" };
    }
    return { from: scope.from - (scope.to - scope.from), to: scope.from, spec: "previous" };
  }
  if (text.startsWith("baseline:")) {
    const spec = text.slice("baseline:".length);
    const range = rangeOf(spec, "--compare baseline", asOf, timeZone, weekStart);
    return { from: range.from, to: range.to, spec: text };
  }
  throw new UsageError(
    `--compare "${compare}" is not understood`,
    "use --compare previous or --compare baseline:<range> (e.g. baseline:2025-01-01..2025-01-31)",
  );
}

/** The local date-time of an instant, for facts and messages ("2025-01-08 19:00"). */
export function localStamp(sec: number, timeZone: string): string {
  const z = epochToZoned(sec, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${z.year}-${two(z.month)}-${two(z.day)} ${two(z.hour)}:${two(z.minute)}`;
}
