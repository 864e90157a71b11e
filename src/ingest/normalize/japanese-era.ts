/**
 * Japanese era (和暦) years to Gregorian dates. Each era starts on the day after its
 * predecessor's last day; a date outside its era (平成32年, 令和元年4月1日) is not a date.
 */

interface Era {
  name: string;
  /** Gregorian year, month and day of the era's first day (its 元年). */
  startYear: number;
  startMonth: number;
  startDay: number;
}

const REIWA: Era = { name: "令和", startYear: 2019, startMonth: 5, startDay: 1 };
const HEISEI: Era = { name: "平成", startYear: 1989, startMonth: 1, startDay: 8 };
const SHOWA: Era = { name: "昭和", startYear: 1926, startMonth: 12, startDay: 25 };
const TAISHO: Era = { name: "大正", startYear: 1912, startMonth: 7, startDay: 30 };

/** Era name or its initial (R, H, S, T, either case) → era, with the era that followed it. */
const ERAS: ReadonlyMap<string, { era: Era; next: Era | null }> = new Map([
  ["令和", { era: REIWA, next: null }],
  ["r", { era: REIWA, next: null }],
  ["平成", { era: HEISEI, next: REIWA }],
  ["h", { era: HEISEI, next: REIWA }],
  ["昭和", { era: SHOWA, next: HEISEI }],
  ["s", { era: SHOWA, next: HEISEI }],
  ["大正", { era: TAISHO, next: SHOWA }],
  ["t", { era: TAISHO, next: SHOWA }],
]);

function isoDay(era: Era): string {
  return `${era.startYear}-${String(era.startMonth).padStart(2, "0")}-${String(era.startDay).padStart(2, "0")}`;
}

function compareDate(y: number, m: number, d: number, era: Era): number {
  return y !== era.startYear
    ? y - era.startYear
    : m !== era.startMonth
      ? m - era.startMonth
      : d - era.startDay;
}

/**
 * The Gregorian year of `eraYear` in the named era, or a reason string when the month and day
 * fall outside the era. Whether the month and day exist at all is the caller's check.
 */
export function eraToGregorianYear(
  eraName: string,
  eraYear: number,
  month: number,
  day: number,
): number | string {
  const entry = ERAS.get(eraName.length === 1 ? eraName.toLowerCase() : eraName);
  if (!entry) return `unknown era "${eraName}"`;
  if (eraYear < 1) return `era year ${eraYear} does not exist`;
  const year = entry.era.startYear + eraYear - 1;
  if (compareDate(year, month, day, entry.era) < 0) {
    return `it is before ${entry.era.name} began on ${isoDay(entry.era)}`;
  }
  if (entry.next && compareDate(year, month, day, entry.next) >= 0) {
    return `it is after ${entry.era.name} ended (${entry.next.name} began on ${isoDay(entry.next)})`;
  }
  return year;
}
