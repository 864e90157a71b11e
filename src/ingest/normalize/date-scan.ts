/**
 * Hand-written scanners for the numeric date-time forms that dominate big exports
 * (2025-04-01 13:45:00, 2025-04-01T13:45:00+09:00, 2025/4/1 9:05, 13/01/2025 16:48, 20250401) and
 * for the time-of-day tail shared with the Japanese forms. They read char codes, fill a reused
 * `DateFields` and allocate nothing; range checks happen afterwards in date.ts.
 */

export type DateOrder = "ymd" | "dmy" | "mdy";

/** Scratch record filled by a scan; one per parser, overwritten by every cell. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset written in the value (Z, +09:00, JST), seconds east of UTC; only if `hasOffset`. */
  offsetSeconds: number;
  hasOffset: boolean;
  /** Set when a leading 1–2 digit field could be either the day or the month (05/04/2025). */
  ambiguousOrder: boolean;
}

export function newDateFields(): DateFields {
  return {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    offsetSeconds: 0,
    hasOffset: false,
    ambiguousOrder: false,
  };
}

function resetFields(f: DateFields): void {
  f.year = 0;
  f.month = 0;
  f.day = 0;
  f.hour = 0;
  f.minute = 0;
  f.second = 0;
  f.offsetSeconds = 0;
  f.hasOffset = false;
  f.ambiguousOrder = false;
}

const D0 = 0x30;
const D9 = 0x39;
const COLON = 0x3a;
const SPACE = 0x20;

function isDigit(code: number): boolean {
  return code >= D0 && code <= D9;
}

/** Value of the `len` digits at `pos`; the caller has checked they are digits. */
function digitsAt(s: string, pos: number, len: number): number {
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 10 + (s.charCodeAt(pos + i) - D0);
  return v;
}

/** Length of the run of digits starting at `pos`. */
function digitRun(s: string, pos: number): number {
  let i = pos;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i - pos;
}

function skipSpaces(s: string, pos: number): number {
  while (pos < s.length && s.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

const AM = 1;
const PM = 2;
const GO = 0x5348; // 午
const ZEN = 0x524d; // 前
const KOU = 0x5f8c; // 後
const JI = 0x6642; // 時
const FUN = 0x5206; // 分
const BYOU = 0x79d2; // 秒
const HAN = 0x534a; // 半 (half past)

/** Letter at `pos`, lower-cased for ASCII, or -1 past the end. */
function lowerAt(s: string, pos: number): number {
  if (pos >= s.length) return -1;
  const c = s.charCodeAt(pos);
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/**
 * Reads an optional time-of-day and zone from `pos` to the end of `s` into `f`: 13:45, 13:45:07,
 * 13:45:07.123, 1:45 PM, 午後1時45分, 13時45分20秒, 9時半, then optionally Z, +09:00, +0900, +09,
 * UTC, GMT, GMT+9, JST. Returns false when anything else is left over. A bare end is midnight.
 */
export function scanTimeTail(s: string, pos: number, f: DateFields): boolean {
  pos = skipSpaces(s, pos);
  if (pos === s.length) return true;
  let meridiem = 0;
  if (s.charCodeAt(pos) === GO) {
    const next = s.charCodeAt(pos + 1);
    if (next === ZEN) meridiem = AM;
    else if (next === KOU) meridiem = PM;
    else return false;
    pos = skipSpaces(s, pos + 2);
  }
  const hourLen = digitRun(s, pos);
  if (hourLen < 1 || hourLen > 2) return false;
  f.hour = digitsAt(s, pos, hourLen);
  pos += hourLen;
  const sep = s.charCodeAt(pos);
  if (sep === COLON) {
    if (digitRun(s, pos + 1) !== 2) return false;
    f.minute = digitsAt(s, pos + 1, 2);
    pos += 3;
    if (s.charCodeAt(pos) === COLON) {
      if (digitRun(s, pos + 1) !== 2) return false;
      f.second = digitsAt(s, pos + 1, 2);
      pos += 3;
      const dot = s.charCodeAt(pos);
      if (dot === 0x2e || dot === 0x2c) {
        // Fractional seconds are read and dropped: the store keeps whole seconds.
        const fracLen = digitRun(s, pos + 1);
        if (fracLen === 0) return false;
        pos += 1 + fracLen;
      }
    }
  } else if (sep === JI) {
    pos = skipSpaces(s, pos + 1);
    if (s.charCodeAt(pos) === HAN) {
      f.minute = 30;
      pos++;
    } else {
      const minLen = digitRun(s, pos);
      if (minLen >= 1 && minLen <= 2 && s.charCodeAt(pos + minLen) === FUN) {
        f.minute = digitsAt(s, pos, minLen);
        pos = skipSpaces(s, pos + minLen + 1);
        const secLen = digitRun(s, pos);
        if (secLen >= 1 && secLen <= 2 && s.charCodeAt(pos + secLen) === BYOU) {
          f.second = digitsAt(s, pos, secLen);
          pos += secLen + 1;
        }
      }
    }
  } else {
    return false;
  }
  pos = skipSpaces(s, pos);
  if (meridiem === 0) {
    const c = lowerAt(s, pos);
    if (c === 0x61 || c === 0x70) {
      // am, pm, a.m., p.m.
      let p = pos + 1;
      if (s.charCodeAt(p) === 0x2e) p++;
      if (lowerAt(s, p) !== 0x6d) return false;
      p++;
      if (s.charCodeAt(p) === 0x2e) p++;
      meridiem = c === 0x61 ? AM : PM;
      pos = skipSpaces(s, p);
    }
  }
  if (meridiem !== 0) {
    if (f.hour > 12) return false;
    if (meridiem === AM && f.hour === 12) f.hour = 0;
    else if (meridiem === PM && f.hour < 12) f.hour += 12;
  }
  return scanZone(s, pos, f);
}

/** Z, ±HH:MM, ±HHMM, ±HH, UTC, GMT (optionally followed by an offset), JST; then the end. */
function scanZone(s: string, pos: number, f: DateFields): boolean {
  if (pos === s.length) return true;
  const c = lowerAt(s, pos);
  if (c === 0x7a && pos + 1 === s.length) {
    f.hasOffset = true;
    f.offsetSeconds = 0;
    return true;
  }
  if (c === 0x75 || c === 0x67) {
    // UTC / GMT, optionally with an offset: GMT+9, UTC+09:00
    const a = lowerAt(s, pos + 1);
    const b = lowerAt(s, pos + 2);
    const isUtc = c === 0x75 && a === 0x74 && b === 0x63;
    const isGmt = c === 0x67 && a === 0x6d && b === 0x74;
    if (!isUtc && !isGmt) return false;
    f.hasOffset = true;
    f.offsetSeconds = 0;
    pos += 3;
    return pos === s.length || scanNumericOffset(s, pos, f, true);
  }
  if (c === 0x6a && lowerAt(s, pos + 1) === 0x73 && lowerAt(s, pos + 2) === 0x74 && pos + 3 === s.length) {
    f.hasOffset = true;
    f.offsetSeconds = 9 * 3600;
    return true;
  }
  return scanNumericOffset(s, pos, f, false);
}

/** ±HH:MM, ±HHMM or ±HH (±H too after UTC/GMT), to the end of `s`. */
function scanNumericOffset(s: string, pos: number, f: DateFields, afterName: boolean): boolean {
  const sign = s.charCodeAt(pos);
  if (sign !== 0x2b && sign !== 0x2d) return false;
  pos++;
  const run = digitRun(s, pos);
  let hours: number;
  let minutes = 0;
  if (run === 4) {
    hours = digitsAt(s, pos, 2);
    minutes = digitsAt(s, pos + 2, 2);
    pos += 4;
  } else if (run === 2 || (run === 1 && afterName)) {
    hours = digitsAt(s, pos, run);
    pos += run;
    if (s.charCodeAt(pos) === COLON) {
      if (digitRun(s, pos + 1) !== 2) return false;
      minutes = digitsAt(s, pos + 1, 2);
      pos += 3;
    }
  } else {
    return false;
  }
  if (pos !== s.length || hours > 18 || minutes > 59) return false;
  const total = hours * 3600 + minutes * 60;
  f.hasOffset = true;
  f.offsetSeconds = sign === 0x2d ? -total : total;
  return true;
}

function isDateSeparator(code: number): boolean {
  return code === 0x2d || code === 0x2f || code === 0x2e; // - / .
}

/** An optional weekday in parentheses after a date, as Japanese sheets write it: 2025/4/1(火). */
function skipWeekday(s: string, pos: number): number {
  const p = skipSpaces(s, pos);
  if (s.charCodeAt(p) !== 0x28) return pos;
  const close = s.indexOf(")", p + 1);
  if (close < 0 || close - p > 4) return pos;
  return close + 1;
}

/**
 * The numeric forms: YYYY-M-D, YYYY/M/D, YYYY.M.D (year first, whatever `order` says);
 * D-M-YYYY, D/M/YYYY, D.M.YYYY or M/D/YYYY per `order` ("ymd" accepts them only when one field
 * is over 12, which settles the order); YYYYMMDD; each with an optional time tail after "T" or
 * spaces. Returns false when `s` is not one of these forms (range checks come later).
 */
export function scanNumericDate(s: string, order: DateOrder, f: DateFields): boolean {
  resetFields(f);
  const lead = digitRun(s, 0);
  let pos: number;
  if (lead === 4) {
    const sep = s.charCodeAt(4);
    if (!isDateSeparator(sep)) return false;
    const mLen = digitRun(s, 5);
    if (mLen < 1 || mLen > 2 || s.charCodeAt(5 + mLen) !== sep) return false;
    const dPos = 6 + mLen;
    const dLen = digitRun(s, dPos);
    if (dLen < 1 || dLen > 2) return false;
    f.year = digitsAt(s, 0, 4);
    f.month = digitsAt(s, 5, mLen);
    f.day = digitsAt(s, dPos, dLen);
    pos = dPos + dLen;
  } else if (lead === 1 || lead === 2) {
    const sep = s.charCodeAt(lead);
    if (!isDateSeparator(sep)) return false;
    const bPos = lead + 1;
    const bLen = digitRun(s, bPos);
    if (bLen < 1 || bLen > 2 || s.charCodeAt(bPos + bLen) !== sep) return false;
    const yPos = bPos + bLen + 1;
    if (digitRun(s, yPos) !== 4) return false;
    const a = digitsAt(s, 0, lead);
    const b = digitsAt(s, bPos, bLen);
    f.year = digitsAt(s, yPos, 4);
    assignDayMonth(a, b, order, f);
    pos = yPos + 4;
  } else if (lead === 8 && s.length === 8) {
    f.year = digitsAt(s, 0, 4);
    f.month = digitsAt(s, 4, 2);
    f.day = digitsAt(s, 6, 2);
    return true;
  } else {
    return false;
  }
  if (pos === s.length) return true;
  pos = skipWeekday(s, pos);
  const c = s.charCodeAt(pos);
  if (c === 0x54 || c === 0x74)
    pos++; // ISO "T"
  else if (c !== SPACE && c !== 0x5f)
    return false; // space, or "_" as in file-name stamps
  else pos++;
  if (pos === s.length) return false;
  return scanTimeTail(s, pos, f);
}

/** Day and month from the two leading fields of D/M/YYYY or M/D/YYYY. */
function assignDayMonth(a: number, b: number, order: DateOrder, f: DateFields): void {
  if (order === "dmy" || (order === "ymd" && a > 12)) {
    f.day = a;
    f.month = b;
  } else if (order === "mdy" || (order === "ymd" && b > 12)) {
    f.month = a;
    f.day = b;
  } else {
    // "ymd" and both fields could be a month: the value itself does not say which comes first.
    f.day = a;
    f.month = b;
    f.ambiguousOrder = true;
  }
}
