/**
 * Business time as the KPI code needs it. The calendar module implements this (weekly schedule,
 * holidays, time zone); KPI code only asks for the open seconds between two instants.
 */
export interface BusinessClock {
  /** Seconds of business time in [startSec, endSec); both Unix epoch seconds, start ≤ end. */
  businessSeconds(startSec: number, endSec: number): number;
}
