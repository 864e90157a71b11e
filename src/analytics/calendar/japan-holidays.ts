/**
 * Japanese national holidays, including substitute holidays (振替休日) and citizens' holidays
 * (国民の休日), from @holiday-jp/holiday_jp. Its table covers 1970–2050; dates outside it are
 * treated as ordinary days.
 */
import holidayJp from "@holiday-jp/holiday_jp";

let cached: readonly string[] | undefined;

/** Every national holiday in the library's table as `YYYY-MM-DD`, ascending. */
export function japaneseHolidayDates(): readonly string[] {
  cached ??= Object.keys(holidayJp.holidays).sort();
  return cached;
}
