import type { BusinessClock } from "./business-clock.js";
import { type DurationMeasures, measureDurations } from "./durations.js";
import {
  DEFAULT_RECONTACT_WINDOW_DAYS,
  measureRecontact,
  type RecontactColumns,
  type RecontactMeasure,
} from "./recontact.js";
import { measureSla, type SlaMeasures, type SlaPolicy } from "./sla.js";
import { type FcrVariant, measureRates, type RateOutcomes } from "./ticket-rates.js";
import type { TicketTable } from "./ticket-table.js";

export interface MeasureOptions {
  /** The instant the report is as of (epoch seconds): decides running SLAs and open re-contact windows. */
  asOf: number;
  clock?: BusinessClock | undefined;
  sla?: SlaPolicy | undefined;
  fcrVariant?: FcrVariant | undefined;
  useExportFcrFlag?: boolean | undefined;
  recontactWindowDays?: number | undefined;
  absurdSeconds?: number | undefined;
}

/** Every per-ticket measurement the KPIs aggregate and the drill-down reads. */
export interface TicketMeasures {
  durations: DurationMeasures;
  rates: RateOutcomes;
  recontact: RecontactMeasure;
  sla: SlaMeasures;
}

export function measureTickets(t: TicketTable, options: MeasureOptions): TicketMeasures {
  return { ...measureAllButRecontact(t, options), recontact: measureTicketRecontact(t, options) };
}

/**
 * Every measure but re-contact, which needs the tickets in customer order and so is the one a
 * caller may run on another thread meanwhile (src/cli/kpi/recontact-thread.ts).
 */
export function measureAllButRecontact(
  t: TicketTable,
  options: MeasureOptions,
): Omit<TicketMeasures, "recontact"> {
  const durations = measureDurations(t, { clock: options.clock, absurdSeconds: options.absurdSeconds });
  return {
    durations,
    rates: measureRates(t, { fcrVariant: options.fcrVariant, useExportFcrFlag: options.useExportFcrFlag }),
    sla: measureSla(t, options.sla, options.asOf, options.clock, options.absurdSeconds, durations),
  };
}

export function measureTicketRecontact(t: RecontactColumns, options: MeasureOptions): RecontactMeasure {
  return measureRecontact(t, options.asOf, recontactWindowDays(options));
}

/** The re-contact window the options ask for, in days (default 7). */
export const recontactWindowDays = (options: MeasureOptions): number =>
  options.recontactWindowDays ?? DEFAULT_RECONTACT_WINDOW_DAYS;
