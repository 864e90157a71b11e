import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../../src/analytics/calendar/business-calendar.js";
import { addBusinessSeconds, businessSeconds } from "../../../src/analytics/calendar/business-time.js";
import { BusinessTimeline } from "../../../src/analytics/calendar/business-timeline.js";
import { japaneseHolidayDates } from "../../../src/analytics/calendar/japan-holidays.js";
import {
  DEFAULT_SCHEDULE,
  parseWeeklySchedule,
  type WeeklySchedule,
} from "../../../src/analytics/calendar/schedule.js";
import { epochToZoned, zonedDateKey, zonedToEpoch } from "../../../src/util/time-zone.js";

const TOKYO = "Asia/Tokyo";
const NEW_YORK = "America/New_York";
const HOUR = 3600;

const tokyo = (y: number, mo: number, d: number, h: number, mi = 0) =>
  zonedToEpoch(y, mo, d, h, mi, 0, TOKYO);
const newYork = (y: number, mo: number, d: number, h: number, mi = 0) =>
  zonedToEpoch(y, mo, d, h, mi, 0, NEW_YORK);

const japanCalendar = createBusinessCalendar({
  timeZone: TOKYO,
  schedule: DEFAULT_SCHEDULE,
  holidays: japaneseHolidayDates(),
});

/** Reference: walk minute by minute and ask the wall clock, independently of the day walk. */
function bruteForceSeconds(
  schedule: WeeklySchedule,
  holidays: ReadonlySet<string>,
  timeZone: string,
  start: number,
  end: number,
): number {
  let total = 0;
  for (let t = start; t < end; t += 60) {
    const p = epochToZoned(t, timeZone);
    if (holidays.has(zonedDateKey(t, timeZone))) continue;
    const clock = p.hour * 3600 + p.minute * 60 + p.second;
    for (const interval of schedule.days[p.weekday] ?? []) {
      if (clock >= interval.start && clock < interval.end) total += 60;
    }
  }
  return total;
}

describe("businessSeconds, hand-computed", () => {
  it("skips Golden Week 2025 (Sat 3 – Tue 6 May, with the 6th a substitute holiday)", () => {
    // Fri 2 May 17:00–18:00 = 1 h, 3–6 May closed, Wed 7 May 09:00–10:00 = 1 h.
    expect(businessSeconds(japanCalendar, tokyo(2025, 5, 2, 17), tokyo(2025, 5, 7, 10))).toBe(2 * HOUR);
  });

  it("treats the substitute holiday Mon 2024-05-06 as closed", () => {
    const start = tokyo(2024, 5, 2, 17);
    const end = tokyo(2024, 5, 7, 10);
    // Thu 1 h + Fri 3rd (holiday) + Mon 6th (振替休日) + Tue 1 h.
    expect(businessSeconds(japanCalendar, start, end)).toBe(2 * HOUR);
    const noHolidays = createBusinessCalendar({ timeZone: TOKYO, schedule: DEFAULT_SCHEDULE });
    // Thu 1 h + Fri 9 h + Mon 9 h + Tue 1 h.
    expect(businessSeconds(noHolidays, start, end)).toBe(20 * HOUR);
  });

  it("counts a whole Japanese business year: 246 working days of 9 h in 2025", () => {
    // 261 weekdays minus 15 national holidays falling on weekdays.
    expect(businessSeconds(japanCalendar, tokyo(2025, 1, 1, 0), tokyo(2026, 1, 1, 0))).toBe(246 * 9 * HOUR);
  });

  it("spans the New York spring-forward weekend without counting the lost hour", () => {
    const weekdays = createBusinessCalendar({ timeZone: NEW_YORK, schedule: DEFAULT_SCHEDULE });
    // Fri 7 Mar 17:00 EST → Mon 10 Mar 10:00 EDT: 1 h + 1 h of business time, 64 h of clock time.
    const start = newYork(2025, 3, 7, 17);
    const end = newYork(2025, 3, 10, 10);
    expect(end - start).toBe(64 * HOUR);
    expect(businessSeconds(weekdays, start, end)).toBe(2 * HOUR);
  });

  it("follows the wall clock through DST transitions on an open Sunday night", () => {
    const schedule = parseWeeklySchedule({ sun: ["01:00-04:00"] }, "schedule");
    const cal = createBusinessCalendar({ timeZone: NEW_YORK, schedule });
    // 9 Mar 2025: 02:00–03:00 never shows on the clock, so 01:00–04:00 holds 2 h.
    expect(businessSeconds(cal, newYork(2025, 3, 8, 0), newYork(2025, 3, 10, 0))).toBe(2 * HOUR);
    // 2 Nov 2025: 01:00–02:00 shows twice, so the same interval holds 4 h.
    expect(businessSeconds(cal, newYork(2025, 11, 1, 0), newYork(2025, 11, 3, 0))).toBe(4 * HOUR);
    const allDay = createBusinessCalendar({
      timeZone: NEW_YORK,
      schedule: parseWeeklySchedule({ sat: ["00:00-24:00"], sun: ["00:00-24:00"] }, "schedule"),
    });
    expect(businessSeconds(allDay, newYork(2025, 3, 8, 0), newYork(2025, 3, 10, 0))).toBe(47 * HOUR);
    expect(businessSeconds(allDay, newYork(2025, 11, 1, 0), newYork(2025, 11, 3, 0))).toBe(49 * HOUR);
  });

  it("handles a split day and a shift ending at 24:00", () => {
    const schedule = parseWeeklySchedule(
      { mon: ["22:00-24:00"], tue: ["00:00-02:00", "09:00-12:00", "13:00-18:00"] },
      "schedule",
    );
    const cal = createBusinessCalendar({ timeZone: TOKYO, schedule });
    // Tue 1 Apr 2025 11:00 → 14:00: 11–12 and 13–14, the lunch hour excluded.
    expect(businessSeconds(cal, tokyo(2025, 4, 1, 11), tokyo(2025, 4, 1, 14))).toBe(2 * HOUR);
    // Mon 31 Mar 23:00 → Tue 1 Apr 01:00 crosses midnight inside the night shift.
    expect(businessSeconds(cal, tokyo(2025, 3, 31, 23), tokyo(2025, 4, 1, 1))).toBe(2 * HOUR);
  });

  it("works before 1970, outside the offset memo", () => {
    const cal = createBusinessCalendar({ timeZone: TOKYO, schedule: DEFAULT_SCHEDULE });
    // Mon 1 Mar 1965 → Mon 8 Mar 1965: five days of 9 h.
    expect(businessSeconds(cal, tokyo(1965, 3, 1, 0), tokyo(1965, 3, 8, 0))).toBe(45 * HOUR);
  });

  it("returns the negative of the reverse span and zero for an empty one", () => {
    const a = tokyo(2025, 5, 2, 17);
    const b = tokyo(2025, 5, 7, 10);
    expect(businessSeconds(japanCalendar, b, a)).toBe(-2 * HOUR);
    expect(businessSeconds(japanCalendar, a, a)).toBe(0);
  });
});

describe("addBusinessSeconds, hand-computed", () => {
  it("finds an 8 h SLA due time across Golden Week", () => {
    // 1 h on Fri 2 May, then 7 h from 09:00 on Wed 7 May.
    expect(addBusinessSeconds(japanCalendar, tokyo(2025, 5, 2, 17), 8 * HOUR)).toBe(tokyo(2025, 5, 7, 16));
  });

  it("returns the earliest instant: the end of the day, not the next morning", () => {
    expect(addBusinessSeconds(japanCalendar, tokyo(2025, 4, 4, 17), HOUR)).toBe(tokyo(2025, 4, 4, 18));
    expect(addBusinessSeconds(japanCalendar, tokyo(2025, 4, 5, 10), HOUR)).toBe(tokyo(2025, 4, 7, 10));
    expect(addBusinessSeconds(japanCalendar, tokyo(2025, 4, 5, 10), 0)).toBe(tokyo(2025, 4, 5, 10));
  });

  it("skips the lunch break of a split schedule", () => {
    const cal = createBusinessCalendar({
      timeZone: TOKYO,
      schedule: parseWeeklySchedule({ tue: ["09:00-12:00", "13:00-18:00"] }, "schedule"),
    });
    expect(addBusinessSeconds(cal, tokyo(2025, 4, 1, 11, 30), HOUR)).toBe(tokyo(2025, 4, 1, 13, 30));
  });

  it("refuses negative amounts and calendars with no business time", () => {
    expect(() => addBusinessSeconds(japanCalendar, 0, -1)).toThrow(RangeError);
    const closed = createBusinessCalendar({ timeZone: TOKYO, schedule: parseWeeklySchedule({}, "schedule") });
    expect(() => addBusinessSeconds(closed, tokyo(2025, 1, 1, 0), 60)).toThrow(/no 60 s of business time/);
    // One minute a week holds 522 minutes in ten years: more is a RangeError, less is an instant.
    const sparse = createBusinessCalendar({
      timeZone: TOKYO,
      schedule: parseWeeklySchedule({ sun: ["00:00-00:01"] }, "schedule"),
    });
    expect(() => addBusinessSeconds(sparse, tokyo(2025, 3, 6, 14), 600 * 60)).toThrow(/within 3660 days/);
    expect(addBusinessSeconds(sparse, tokyo(2025, 3, 6, 14), 120)).toBe(tokyo(2025, 3, 16, 0, 1));
  });
});

// ---- property tests against the minute counter ----

const minuteAligned = (sec: number) => Math.floor(sec / 60) * 60;

/** Up to two intervals per weekday with random minute boundaries, including 00:00 and 24:00. */
const arbSchedule: fc.Arbitrary<WeeklySchedule> = fc
  .array(fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 4 }), { minLength: 7, maxLength: 7 })
  .map((perDay) => ({
    days: perDay.map((minutes) => {
      const sorted = [...minutes].sort((a, b) => a - b);
      const intervals = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        intervals.push({ start: (sorted[i] ?? 0) * 60, end: (sorted[i + 1] ?? 0) * 60 });
      }
      return intervals;
    }),
  }));

const fixedSchedules: WeeklySchedule[] = [
  DEFAULT_SCHEDULE,
  parseWeeklySchedule(
    {
      mon: ["09:00-12:00", "13:00-18:00"],
      sat: ["10:00-15:00"],
      sun: ["00:00-03:00", "22:00-24:00"],
    },
    "schedule",
  ),
];

const transitionsAndMore = [
  newYork(2025, 3, 6, 0),
  newYork(2025, 10, 30, 0),
  tokyo(2025, 4, 25, 0),
  tokyo(2024, 12, 20, 0),
];

const arbCase = fc.record({
  timeZone: fc.constantFrom(TOKYO, NEW_YORK),
  schedule: fc.oneof(fc.constantFrom(...fixedSchedules), arbSchedule),
  japan: fc.boolean(),
  extraHolidays: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
  // Start near a DST transition or holiday season, or anywhere in 2024–2025.
  anchor: fc.oneof(
    fc.constantFrom(...transitionsAndMore),
    fc.integer({ min: tokyo(2024, 1, 1, 0), max: tokyo(2025, 12, 1, 0) }),
  ),
  startOffsetMin: fc.integer({ min: 0, max: 5 * 1440 }),
  spanMin: fc.integer({ min: 0, max: 20 * 1440 }),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function buildCase(c: Case) {
  const start = minuteAligned(c.anchor) + c.startOffsetMin * 60;
  const end = start + c.spanMin * 60;
  const extra = c.extraHolidays.map((d) => zonedDateKey(c.anchor + d * 86400, c.timeZone));
  const holidays = new Set([...(c.japan ? japaneseHolidayDates() : []), ...extra]);
  const cal = createBusinessCalendar({ timeZone: c.timeZone, schedule: c.schedule, holidays });
  return { cal, holidays, start, end };
}

describe("businessSeconds matches a brute-force minute counter", () => {
  it("on random spans up to 20 days in Tokyo and New York", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { cal, holidays, start, end } = buildCase(c);
        const expected = bruteForceSeconds(c.schedule, holidays, c.timeZone, start, end);
        expect(businessSeconds(cal, start, end)).toBe(expected);
      }),
      { numRuns: 250 },
    );
  });

  it("addBusinessSeconds lands on the earliest instant with that much business time", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 200 * HOUR }), (c, amount) => {
        const { cal, start } = buildCase(c);
        // addBusinessSeconds searches ten years; a schedule of a minute a week (with holidays) may
        // not hold `amount` in that time, which is the documented RangeError, not this property.
        if (cal.weeklySeconds === 0 || amount > cal.weeklySeconds * 400) return;
        const due = addBusinessSeconds(cal, start, amount);
        expect(businessSeconds(cal, start, due)).toBe(amount);
        if (due > start) expect(businessSeconds(cal, start, due - 1)).toBe(amount - 1);
      }),
      { numRuns: 250 },
    );
  });

  it("the whole-week shortcut agrees with summing short spans over two years", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { cal, start } = buildCase(c);
        const end = start + 730 * 86400 + c.spanMin * 60;
        // Chunks of 4 days are too short for the week shortcut: each is walked day by day.
        let chunked = 0;
        for (let t = start; t < end; t += 4 * 86400)
          chunked += businessSeconds(cal, t, Math.min(end, t + 4 * 86400));
        expect(businessSeconds(cal, start, end)).toBe(chunked);
      }),
      { numRuns: 40 },
    );
  });
});

describe("BusinessTimeline (running totals) agrees with the walk", () => {
  it("on random spans, with the minute counter too, reusing one timeline across spans", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.array(fc.integer({ min: -3 * 1440, max: 30 * 1440 }), { maxLength: 6 }),
        (c, more) => {
          const { cal, holidays, start, end } = buildCase(c);
          const timeline = new BusinessTimeline(cal);
          expect(timeline.between(start, end)).toBe(
            bruteForceSeconds(c.schedule, holidays, c.timeZone, start, end),
          );
          // Later spans around the first, in any order and direction, extend the same tables.
          for (const m of more) {
            const other = start + m * 60 + 17;
            expect(timeline.between(other, end)).toBe(businessSeconds(cal, other, end));
            expect(timeline.between(end, other)).toBe(businessSeconds(cal, end, other));
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it("over years, and for stray instants far outside its tables", () => {
    const cal = createBusinessCalendar({
      timeZone: NEW_YORK,
      schedule: DEFAULT_SCHEDULE,
      holidays: ["2025-07-04", "2025-12-25"],
    });
    const timeline = new BusinessTimeline(cal);
    const a = newYork(2024, 3, 1, 9);
    const b = newYork(2026, 11, 2, 15);
    expect(timeline.between(a, b)).toBe(businessSeconds(cal, a, b));
    const early = newYork(1960, 1, 4, 10);
    expect(timeline.between(early, a)).toBe(businessSeconds(cal, early, a));
  });
});
