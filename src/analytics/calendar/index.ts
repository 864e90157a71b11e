/** Business calendars, exact business time, reporting periods and date ranges. Pure: no I/O, no clock. */
export {
  type BusinessCalendar,
  type BusinessCalendarInit,
  countHolidays,
  createBusinessCalendar,
  holidaysBetween,
  isHoliday,
} from "./business-calendar.js";
export { addBusinessSeconds, businessSeconds, localDayOf } from "./business-time.js";
export { BusinessTimeline } from "./business-timeline.js";
export {
  type BusinessHoursConfig,
  type CalendarSources,
  calendarFromConfig,
  parseBusinessHoursConfig,
} from "./config.js";
export { formatDateKey, parseDateKey, weekdayOfDay } from "./dates.js";
export { CalendarConfigError, IcsParseError, RangeSpecError } from "./errors.js";
export { type IcsOptions, parseIcsHolidayDates } from "./ics.js";
export { japaneseHolidayDates } from "./japan-holidays.js";
export {
  type CalendarUnit,
  enumeratePeriods,
  nextPeriodStart,
  PERIODS,
  type Period,
  type PeriodBucket,
  parseWeekStart,
  periodLabel,
  periodStart,
} from "./periods.js";
export { type DateRange, parseRangeSpec, previousRange, type RangeStep } from "./ranges.js";
export {
  DEFAULT_SCHEDULE,
  formatInterval,
  parseInterval,
  parseWeeklySchedule,
  type TimeInterval,
  WEEKDAY_KEYS,
  type WeekdayKey,
  type WeeklySchedule,
} from "./schedule.js";
