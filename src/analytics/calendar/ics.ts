/**
 * Holiday dates from an iCalendar (RFC 5545) file's text: every local date touched by a VEVENT,
 * in the business calendar's time zone. Supports all-day and timed DTSTART/DTEND, DURATION,
 * RRULE with FREQ=DAILY|WEEKLY|MONTHLY|YEARLY and INTERVAL/COUNT/UNTIL, EXDATE, and skips
 * cancelled events. Rules with BY… parts are refused rather than expanded wrongly.
 */
import { civilFromDays, daysFromCivil, epochToZoned, zonedToEpoch } from "../../util/time-zone.js";
import { daysInMonth, formatDateKey } from "./dates.js";
import { IcsParseError } from "./errors.js";

export interface IcsOptions {
  /** The business calendar's zone: timed events are mapped to its local dates. */
  timeZone: string;
  /** Last year to expand open-ended recurrences into (default 2050, the end of the national table). */
  horizonYear?: number;
}

interface ContentLine {
  name: string;
  params: Map<string, string>;
  value: string;
  line: number;
}

/** Wall-clock start of an event and how to read it. */
interface IcsDateTime {
  year: number;
  month: number;
  day: number;
  /** Seconds after midnight; undefined for an all-day (VALUE=DATE) value. */
  time: number | undefined;
  /** "utc" for a trailing Z, an IANA zone from TZID, or undefined for floating time. */
  zone: string | undefined;
}

type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

interface Recurrence {
  freq: Frequency;
  interval: number;
  count: number | undefined;
  /** Last day number (in the event's own wall dates) an occurrence may start on. */
  untilDay: number | undefined;
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;
const DURATION_VALUE = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  physical.forEach((raw, index) => {
    const last = logical[logical.length - 1];
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && last) {
      last.text += raw.slice(1);
    } else if (raw.length > 0) {
      logical.push({ text: raw, line: index + 1 });
    }
  });
  return logical;
}

function parseContentLine(text: string, line: number): ContentLine {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ":" && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new IcsParseError(line, `expected "NAME:VALUE", got ${JSON.stringify(text)}`);
  const [name = "", ...paramParts] = text.slice(0, colon).split(";");
  const params = new Map<string, string>();
  for (const part of paramParts) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq).toUpperCase(), part.slice(eq + 1).replace(/^"|"$/g, ""));
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1).trim(), line };
}

function parseDateTime(prop: ContentLine): IcsDateTime {
  const match = DATE_VALUE.exec(prop.value);
  if (!match) {
    throw new IcsParseError(
      prop.line,
      `${prop.name}: expected YYYYMMDD or YYYYMMDDTHHMMSS[Z], got ${JSON.stringify(prop.value)}`,
    );
  }
  const [, y, mo, d, h, mi, s, z] = match;
  const month = Number(mo);
  const valid =
    month >= 1 &&
    month <= 12 &&
    Number(d) >= 1 &&
    Number(d) <= daysInMonth(Number(y), month) &&
    (h === undefined || (Number(h) < 24 && Number(mi) < 60 && Number(s) < 61));
  if (!valid)
    throw new IcsParseError(
      prop.line,
      `${prop.name}: ${JSON.stringify(prop.value)} is not a real date or time`,
    );
  const time = h === undefined ? undefined : Number(h) * 3600 + Number(mi) * 60 + Number(s);
  const zone = z === "Z" ? "utc" : prop.params.get("TZID");
  return { year: Number(y), month: Number(mo), day: Number(d), time, zone };
}

/** Day number of the calendar-zone date on which an instant falls. */
function localDay(epochSec: number, timeZone: string): number {
  const p = epochToZoned(epochSec, timeZone);
  return daysFromCivil(p.year, p.month, p.day);
}

/** The instant of a timed value (floating times are read in the calendar's zone). */
function toEpoch(dt: IcsDateTime, day: number, calendarZone: string): number {
  const { year, month, day: dom } = civilFromDays(day);
  const zone = dt.zone === "utc" ? "UTC" : (dt.zone ?? calendarZone);
  return zonedToEpoch(year, month, dom, 0, 0, dt.time ?? 0, zone);
}

function parseDuration(prop: ContentLine): number {
  const match = DURATION_VALUE.exec(prop.value);
  if (!match || prop.value === "P" || prop.value.endsWith("T")) {
    throw new IcsParseError(
      prop.line,
      `DURATION: expected e.g. P1D, P2W or PT8H, got ${JSON.stringify(prop.value)}`,
    );
  }
  const [, w, d, h, m, s] = match;
  return (
    Number(w ?? 0) * 604800 +
    Number(d ?? 0) * 86400 +
    Number(h ?? 0) * 3600 +
    Number(m ?? 0) * 60 +
    Number(s ?? 0)
  );
}

function parseRecurrence(prop: ContentLine): Recurrence {
  const parts = new Map<string, string>();
  for (const part of prop.value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).toUpperCase(), part.slice(eq + 1));
  }
  const expected = "expected FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with optional INTERVAL, COUNT, UNTIL";
  const freq = parts.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY" && freq !== "YEARLY") {
    throw new IcsParseError(prop.line, `RRULE: ${expected}, got ${JSON.stringify(prop.value)}`);
  }
  for (const key of parts.keys()) {
    if (!["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"].includes(key)) {
      throw new IcsParseError(prop.line, `RRULE: unsupported part ${key}; ${expected}`);
    }
  }
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const countText = parts.get("COUNT");
  const count = countText === undefined ? undefined : Number(countText);
  if (
    !Number.isInteger(interval) ||
    interval < 1 ||
    (count !== undefined && (!Number.isInteger(count) || count < 1))
  ) {
    throw new IcsParseError(prop.line, `RRULE: INTERVAL and COUNT must be positive integers`);
  }
  const untilText = parts.get("UNTIL");
  let untilDay: number | undefined;
  if (untilText !== undefined) {
    const until = parseDateTime({ ...prop, name: "RRULE UNTIL", value: untilText });
    untilDay = daysFromCivil(until.year, until.month, until.day);
  }
  return { freq, interval, count, untilDay };
}

/**
 * Start day of occurrence `k`. `exists` is false when that date is missing from its month (Feb 29,
 * the 31st): RFC 5545 skips such occurrences; `day` is then the month's first day.
 */
function occurrence(start: IcsDateTime, rule: Recurrence, k: number): { day: number; exists: boolean } {
  const base = daysFromCivil(start.year, start.month, start.day);
  const step = k * rule.interval;
  switch (rule.freq) {
    case "DAILY":
      return { day: base + step, exists: true };
    case "WEEKLY":
      return { day: base + 7 * step, exists: true };
    case "MONTHLY":
    case "YEARLY": {
      const months = rule.freq === "MONTHLY" ? step : 12 * step;
      const index = start.year * 12 + (start.month - 1) + months;
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      const first = daysFromCivil(year, month, 1);
      const exists = start.day <= daysInMonth(year, month);
      return { day: exists ? first + start.day - 1 : first, exists };
    }
  }
}

interface VEvent {
  start: ContentLine | undefined;
  end: ContentLine | undefined;
  duration: ContentLine | undefined;
  rrule: ContentLine | undefined;
  exdates: ContentLine[];
  cancelled: boolean;
  line: number;
}

function expandEvent(event: VEvent, options: IcsOptions, out: Set<number>): void {
  if (event.cancelled) return;
  if (!event.start) throw new IcsParseError(event.line, "VEVENT without DTSTART");
  const start = parseDateTime(event.start);
  const allDay = start.time === undefined;
  const startDay = daysFromCivil(start.year, start.month, start.day);
  // Length in days for all-day events, in seconds for timed ones.
  let length: number;
  if (event.end) {
    const end = parseDateTime(event.end);
    const endDay = daysFromCivil(end.year, end.month, end.day);
    length = allDay
      ? endDay - startDay
      : toEpoch(end, endDay, options.timeZone) - toEpoch(start, startDay, options.timeZone);
  } else if (event.duration) {
    const seconds = parseDuration(event.duration);
    length = allDay ? Math.ceil(seconds / 86400) : seconds;
  } else {
    length = allDay ? 1 : 0;
  }
  if (length < 0) throw new IcsParseError(event.end?.line ?? event.line, "DTEND is before DTSTART");

  const excluded = new Set<number>();
  for (const prop of event.exdates) {
    for (const value of prop.value.split(",")) {
      const ex = parseDateTime({ ...prop, value });
      excluded.add(daysFromCivil(ex.year, ex.month, ex.day));
    }
  }
  const rule = event.rrule ? parseRecurrence(event.rrule) : undefined;
  const horizonDay = daysFromCivil((options.horizonYear ?? 2050) + 1, 1, 1);
  let emitted = 0;
  for (let k = 0; ; k++) {
    const { day, exists } = rule ? occurrence(start, rule, k) : { day: startDay, exists: true };
    if (rule && (day >= horizonDay || (rule.untilDay !== undefined && day > rule.untilDay))) break;
    if (!exists) continue;
    if (!excluded.has(day)) addOccurrence(start, day, length, options.timeZone, out);
    emitted++;
    if (!rule || (rule.count !== undefined && emitted >= rule.count)) break;
  }
}

function addOccurrence(
  start: IcsDateTime,
  day: number,
  length: number,
  zone: string,
  out: Set<number>,
): void {
  if (start.time === undefined) {
    for (let d = day; d < day + Math.max(1, length); d++) out.add(d);
    return;
  }
  const from = toEpoch(start, day, zone);
  // The end is exclusive: an event ending at midnight does not touch the next date.
  const last = localDay(from + Math.max(0, length - 1), zone);
  for (let d = localDay(from, zone); d <= last; d++) out.add(d);
}

/** Holiday dates (`YYYY-MM-DD`, ascending, unique) listed by the VEVENTs of an ICS text. */
export function parseIcsHolidayDates(text: string, options: IcsOptions): string[] {
  const days = new Set<number>();
  let event: VEvent | undefined;
  for (const { text: raw, line } of unfold(text)) {
    const prop = parseContentLine(raw, line);
    if (prop.name === "BEGIN" && prop.value.toUpperCase() === "VEVENT") {
      event = {
        start: undefined,
        end: undefined,
        duration: undefined,
        rrule: undefined,
        exdates: [],
        cancelled: false,
        line,
      };
    } else if (prop.name === "END" && prop.value.toUpperCase() === "VEVENT") {
      if (event) expandEvent(event, options, days);
      event = undefined;
    } else if (event) {
      if (prop.name === "DTSTART") event.start = prop;
      else if (prop.name === "DTEND") event.end = prop;
      else if (prop.name === "DURATION") event.duration = prop;
      else if (prop.name === "RRULE") event.rrule = prop;
      else if (prop.name === "EXDATE") event.exdates.push(prop);
      else if (prop.name === "STATUS") event.cancelled = prop.value.toUpperCase() === "CANCELLED";
    }
  }
  return [...days].sort((a, b) => a - b).map(formatDateKey);
}
