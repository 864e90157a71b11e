/**
 * Timing of the business-time walk (not a test: run `npx tsx test/analytics/calendar/business-time.perf.ts`).
 * Prints per-call costs for ticket-length spans, five-year spans and SLA due times.
 */
import { createBusinessCalendar } from "../../../src/analytics/calendar/business-calendar.js";
import { addBusinessSeconds, businessSeconds } from "../../../src/analytics/calendar/business-time.js";
import { japaneseHolidayDates } from "../../../src/analytics/calendar/japan-holidays.js";
import { DEFAULT_SCHEDULE } from "../../../src/analytics/calendar/schedule.js";
import { zonedToEpoch } from "../../../src/util/time-zone.js";

function time(label: string, calls: number, run: () => number): void {
  run(); // warm up the JIT and the offset memo
  const started = performance.now();
  const checksum = run();
  const micros = ((performance.now() - started) * 1000) / calls;
  console.log(`${label.padEnd(56)} ${micros.toFixed(3)} µs/call  (checksum ${checksum})`);
}

for (const timeZone of ["Asia/Tokyo", "America/New_York"]) {
  const cal = createBusinessCalendar({
    timeZone,
    schedule: DEFAULT_SCHEDULE,
    holidays: japaneseHolidayDates(),
  });
  const base = zonedToEpoch(2025, 1, 1, 0, 0, 0, timeZone);
  const n = 1_000_000;
  time(`${timeZone}: businessSeconds, 1M spans of 1.2–2.5 days`, n, () => {
    let sum = 0;
    for (let i = 0; i < n; i++)
      sum += businessSeconds(cal, base + i * 31, base + i * 31 + 100_000 + (i % 7) * 20_000);
    return sum;
  });
  time(`${timeZone}: businessSeconds, 10k five-year spans`, 10_000, () => {
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += businessSeconds(cal, base - 5 * 365 * 86400 + i * 60, base);
    return sum;
  });
  time(`${timeZone}: addBusinessSeconds(8 h), 1M starts`, n, () => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += addBusinessSeconds(cal, base + i * 31, 8 * 3600) - base;
    return sum;
  });
}
