import type { Weekday } from "../../config/types.js";

const DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const INTERVAL = /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Parses the wizard's one-line schedule, e.g. `mon-fri 09:00-12:00,13:00-18:00; sat 10:00-15:00`,
 * into `business_hours.schedule`. Returns a message instead when the text is not one.
 */
export function parseSchedule(text: string): Partial<Record<Weekday, string[]>> | string {
  const schedule: Partial<Record<Weekday, string[]>> = {};
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const [days = "", hours = "", ...rest] = part.split(/\s+/);
    if (rest.length > 0 || hours === "")
      return `expected "DAYS HH:MM-HH:MM", e.g. "mon-fri 09:00-18:00" (got "${part}")`;
    const dayList = expandDays(days.toLowerCase());
    if (typeof dayList === "string") return dayList;
    const intervals = hours.split(",");
    for (const interval of intervals) {
      if (!INTERVAL.test(interval)) return `expected hours like 09:00-18:00 (got "${interval}")`;
      const [start = "", end = ""] = interval.split("-");
      if (start >= end) return `expected the start before the end (got "${interval}")`;
    }
    for (const day of dayList) schedule[day] = [...intervals];
  }
  if (Object.keys(schedule).length === 0) return `expected at least one day, e.g. "mon-fri 09:00-18:00"`;
  return schedule;
}

function expandDays(text: string): Weekday[] | string {
  const out: Weekday[] = [];
  for (const piece of text.split(",")) {
    const [from = "", to] = piece.split("-");
    const a = DAYS.indexOf(from as Weekday);
    const b = to === undefined ? a : DAYS.indexOf(to as Weekday);
    if (a < 0 || b < 0 || b < a) return `expected days like mon-fri or sat,sun (got "${piece}")`;
    out.push(...DAYS.slice(a, b + 1));
  }
  return out;
}
