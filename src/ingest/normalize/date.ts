/**
 * Date-time cells → Unix epoch seconds. Build one `DateParser` per (time zone, date order) and
 * call `parse` for every cell: the common numeric forms go through a char-code scanner, the
 * Japanese forms through one precompiled regex, Excel serial numbers through a range check.
 * See docs/normalize.md for every accepted form.
 */

import {
  civilFromDays,
  daysFromCivil,
  isValidTimeZone,
  tzOffsetSeconds,
  zonedToEpoch,
} from "../../util/time-zone.js";
import {
  type DateFields,
  type DateOrder,
  newDateFields,
  scanNumericDate,
  scanTimeTail,
} from "./date-scan.js";
import { fail, type Invalid } from "./invalid.js";
import { eraToGregorianYear } from "./japanese-era.js";
import { foldWidth, isMissing, trimCell } from "./text.js";

export type { DateOrder } from "./date-scan.js";
export const DATE_ORDERS: readonly DateOrder[] = ["ymd", "dmy", "mdy"];

export interface DateParserOptions {
  /** IANA zone that wall times without an offset are read in. */
  timeZone: string;
  /**
   * How to read D/M/YYYY-style values; a leading 4-digit year is always year-month-day.
   * "ymd" (the default) accepts them only when a field over 12 settles the order.
   */
  dateOrder?: DateOrder;
  /** Read plain numbers in the plausible range as Excel serial dates (default true). */
  excelSerials?: boolean;
}

/** Excel serials this parser believes: 20000 = 1954-10-03, 80000 = 2119-01-10. */
export const EXCEL_SERIAL_MIN = 20000;
export const EXCEL_SERIAL_MAX = 80000;
/** Day 0 of Excel's 1900 date system (the 1900 leap-year bug makes it 1899-12-30, not 12-31). */
const EXCEL_EPOCH_DAYS = daysFromCivil(1899, 12, 30);

const EXPECTED_BY_ORDER: Record<DateOrder, string> = {
  ymd: "a date such as 2025-04-01 13:45, 2025/4/1 9:05, 2025-04-01T13:45:00+09:00, 2025年4月1日 13時45分 or 令和7年4月1日",
  dmy: "a date such as 13/01/2025 16:48, 13-01-2025 16:48, 2025-01-13 16:48 or 令和7年1月13日",
  mdy: "a date such as 01/13/2025 4:48 PM, 2025-01-13 16:48 or 令和7年1月13日",
};

/** Era or 4-digit year, then 年月日 or a separator form (R6.4.1, H31/4/30), then the time tail. */
const JAPANESE_DATE =
  /^(?:(令和|平成|昭和|大正|[RHSTrhst])\s*(元|\d{1,2})|(\d{4}))\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])(\d{1,2})\6(\d{1,2}))(?:\s*\([^)]{1,3}\))?/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export class DateParser {
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
  readonly excelSerials: boolean;
  /** What a valid cell looks like, for reject messages. */
  readonly expected: string;
  private readonly fields: DateFields = newDateFields();
  /** Offset per local day (NaN: a transition is near), and the last day asked for. */
  private readonly dayOffsets = new Map<number, number>();
  private lastDay = Number.NaN;
  private lastDayOffset = Number.NaN;

  constructor(options: DateParserOptions) {
    if (!isValidTimeZone(options.timeZone)) throw new RangeError(`unknown time zone "${options.timeZone}"`);
    this.timeZone = options.timeZone;
    this.dateOrder = options.dateOrder ?? "ymd";
    this.excelSerials = options.excelSerials ?? true;
    this.expected = EXPECTED_BY_ORDER[this.dateOrder];
  }

  /** Epoch seconds, `null` for a missing value, or `INVALID` (reason in `lastInvalidReason()`). */
  parse(raw: string): number | null | Invalid {
    const s = trimCell(raw);
    const f = this.fields;
    if (scanNumericDate(s, this.dateOrder, f)) return this.toEpoch(f);
    if (isMissing(s)) return null;
    return this.parseSlow(foldWidth(s));
  }

  /** Full-width input, Japanese forms and Excel serials: the uncommon cases. */
  private parseSlow(s: string): number | null | Invalid {
    const f = this.fields;
    if (scanNumericDate(s, this.dateOrder, f)) return this.toEpoch(f);
    const m = JAPANESE_DATE.exec(s);
    if (m) return this.fromJapanese(s, m);
    if (PLAIN_NUMBER.test(s)) return this.fromExcelSerial(s);
    return fail(`"${s}" is not a recognised date form`);
  }

  private fromJapanese(s: string, m: RegExpExecArray): number | Invalid {
    const f = this.fields;
    f.month = Number(m[4] ?? m[7]);
    f.day = Number(m[5] ?? m[8]);
    const eraName = m[1];
    if (eraName !== undefined) {
      const eraYear = m[2] === "元" ? 1 : Number(m[2]);
      const year = eraToGregorianYear(eraName, eraYear, f.month, f.day);
      if (typeof year === "string") return fail(`"${s}": ${year}`);
      f.year = year;
    } else {
      f.year = Number(m[3]);
    }
    if (!scanTimeTail(s, m[0].length, f)) return fail(`"${s}" has an unreadable time after the date`);
    return this.toEpoch(f);
  }

  private fromExcelSerial(s: string): number | Invalid {
    if (!this.excelSerials) return fail(`"${s}" is a plain number, not a date`);
    const serial = Number(s);
    if (serial < EXCEL_SERIAL_MIN || serial > EXCEL_SERIAL_MAX) {
      return fail(
        `${s} is outside the Excel serial dates accepted (${EXCEL_SERIAL_MIN}–${EXCEL_SERIAL_MAX})`,
      );
    }
    const wholeDays = Math.floor(serial);
    // Serial fractions are binary floating point (0.5416666…): round to the nearest second.
    const secondOfDay = Math.round((serial - wholeDays) * 86400);
    const { year, month, day } = civilFromDays(EXCEL_EPOCH_DAYS + wholeDays);
    const f = this.fields;
    f.year = year;
    f.month = month;
    f.day = day;
    f.hour = Math.floor(secondOfDay / 3600);
    f.minute = Math.floor((secondOfDay % 3600) / 60);
    f.second = secondOfDay % 60;
    f.hasOffset = false;
    return this.toEpoch(f);
  }

  /** Range checks, then the offset written in the value or else the parser's zone. */
  private toEpoch(f: DateFields): number | Invalid {
    if (f.ambiguousOrder) {
      return fail(
        `${f.day}/${f.month}/${f.year} could be day-first or month-first; set import.date_order or --date-order`,
      );
    }
    if (f.month < 1 || f.month > 12) return fail(`month ${f.month} does not exist`);
    if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
      return fail(`${f.year}-${f.month}-${f.day} is not a calendar date`);
    }
    if (f.hour > 24 || (f.hour === 24 && (f.minute > 0 || f.second > 0)))
      return fail(`hour ${f.hour} does not exist`);
    if (f.minute > 59) return fail(`minute ${f.minute} does not exist`);
    if (f.second > 59) return fail(`second ${f.second} does not exist`);
    if (f.hasOffset) {
      return (
        daysFromCivil(f.year, f.month, f.day) * 86400 +
        f.hour * 3600 +
        f.minute * 60 +
        f.second -
        f.offsetSeconds
      );
    }
    const secondOfDay = f.hour * 3600 + f.minute * 60 + f.second;
    const offset = this.uniformDayOffset(daysFromCivil(f.year, f.month, f.day));
    if (offset !== null) return this.lastDay * 86400 + secondOfDay - offset;
    return zonedToEpoch(f.year, f.month, f.day, f.hour, f.minute, f.second, this.timeZone);
  }

  /**
   * The zone's offset on local day `day` (days since 1970-01-01) when it holds all day and for a
   * day either side, else null (a transition is near: `zonedToEpoch` handles gaps and overlaps).
   * Rows come roughly in date order, so the last day answers most calls without a map look-up.
   */
  private uniformDayOffset(day: number): number | null {
    if (day !== this.lastDay) {
      let offset = this.dayOffsets.get(day);
      if (offset === undefined) {
        const noonUtc = day * 86400 + 43200;
        const before = tzOffsetSeconds(noonUtc - 2 * 86400, this.timeZone);
        // Transitions are months apart, so equal offsets two days either side mean none between.
        offset = before === tzOffsetSeconds(noonUtc + 2 * 86400, this.timeZone) ? before : Number.NaN;
        if (this.dayOffsets.size >= 100_000) this.dayOffsets.clear();
        this.dayOffsets.set(day, offset);
      }
      this.lastDay = day;
      this.lastDayOffset = offset;
    }
    return Number.isNaN(this.lastDayOffset) ? null : this.lastDayOffset;
  }
}

export function createDateParser(options: DateParserOptions): DateParser {
  return new DateParser(options);
}
