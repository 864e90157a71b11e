import type { BusinessClock } from "./business-clock.js";
import {
  DEFAULT_ABSURD_SECONDS,
  type DurationMeasure,
  type DurationMeasures,
  Exclusion,
} from "./durations.js";
import { isMerged, isResolvedNow, resolutionInstant } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

/** Targets for one priority, in seconds of the chosen basis; an absent target is not measured. */
export interface SlaTarget {
  firstResponseSeconds?: number | undefined;
  resolutionSeconds?: number | undefined;
}

export interface SlaPolicy {
  basis: "business" | "calendar";
  /** Per priority value as it appears in the data; "default" for the rest. */
  targets: Readonly<Record<string, SlaTarget>>;
}

export interface SlaMeasure {
  /** 1 achieved, 0 breached, −1 left out (running, no target, merged, missing data). */
  outcome: Int8Array;
  /** The elapsed seconds judged (basis of the policy); NaN when the export's verdict was used. */
  elapsed: Float64Array;
}

export interface SlaMeasures {
  firstResponse: SlaMeasure;
  resolution: SlaMeasure;
}

/**
 * SLA compliance per ticket. Precedence: the export's own verdict (ServiceNow made_sla, Freshdesk
 * statuses) where present, as the vendor applied the contract's clock; else our targets.
 * Met: the event happened within the target. Breached: it happened later, or has not happened
 * and the target already passed at `asOf`. Running (not met, not yet due): left out, as are
 * negative or absurd spans.
 * Resolution is measured to the last solve, so a reopen that ends late breaches.
 */
export function measureSla(
  t: TicketTable,
  policy: SlaPolicy | undefined,
  asOf: number,
  clock: BusinessClock | undefined,
  absurdSeconds: number = DEFAULT_ABSURD_SECONDS,
  durations?: DurationMeasures,
): SlaMeasures {
  const n = t.length;
  const fr: SlaMeasure = {
    outcome: new Int8Array(n).fill(-1),
    elapsed: new Float64Array(n).fill(Number.NaN),
  };
  const res: SlaMeasure = {
    outcome: new Int8Array(n).fill(-1),
    elapsed: new Float64Array(n).fill(Number.NaN),
  };
  const targetByCode = policy ? targetsByPriorityCode(t, policy) : [];
  const fallback = policy?.targets.default;
  const useBusiness = policy?.basis === "business";
  if (useBusiness && policy && !clock) {
    throw new RangeError("SLA basis 'business' needs a business-hours calendar");
  }
  // Negative and absurd spans are bad data (docs/metrics.md): not judged.
  const elapsed = (start: number, end: number): number =>
    end < start || end - start > absurdSeconds
      ? Number.NaN
      : useBusiness && clock
        ? clock.businessSeconds(start, end)
        : end - start;

  for (let i = 0; i < n; i++) {
    if (isMerged(t, i)) continue;
    const code = t.priority.codes[i] as number;
    const target = code >= 0 ? (targetByCode[code] ?? fallback) : fallback;
    const created = t.createdAt[i] as number;
    const resolved = isResolvedNow(t, i);

    const frVerdict = t.slaFirstResponseMet[i] as number;
    if (frVerdict >= 0) fr.outcome[i] = frVerdict;
    else if (target?.firstResponseSeconds !== undefined) {
      const known = measured(durations?.firstResponse, i, useBusiness);
      const end = t.firstResponseAt[i] as number;
      judge(fr, i, created, end, resolved, target.firstResponseSeconds, asOf, elapsed, known);
    }

    const resVerdict = t.slaResolutionMet[i] as number;
    if (resVerdict >= 0) res.outcome[i] = resVerdict;
    else if (target?.resolutionSeconds !== undefined) {
      const known = measured(durations?.fullResolution, i, useBusiness);
      judge(
        res,
        i,
        created,
        resolutionInstant(t, i),
        resolved,
        target.resolutionSeconds,
        asOf,
        elapsed,
        known,
      );
    }
  }
  return { firstResponse: fr, resolution: res };
}

function judge(
  m: SlaMeasure,
  i: number,
  start: number,
  end: number,
  resolved: boolean,
  target: number,
  asOf: number,
  elapsed: (start: number, end: number) => number,
  known: number,
): void {
  if (Number.isNaN(start)) return;
  if (!Number.isNaN(end)) {
    const e = Number.isNaN(known) ? elapsed(start, end) : known;
    if (Number.isNaN(e)) return;
    m.elapsed[i] = e;
    m.outcome[i] = e <= target ? 1 : 0;
    return;
  }
  // The event never came: a resolved ticket without it has no measurable SLA.
  if (resolved || asOf < start) return;
  const e = elapsed(start, asOf);
  if (e > target) {
    m.elapsed[i] = e;
    m.outcome[i] = 0; // overdue: breached although not yet answered
  }
}

/**
 * The span already measured for the duration metrics (same start and end), so business time is
 * not computed twice; NaN when it came from the export's minutes or was left out.
 */
function measured(m: DurationMeasure | undefined, i: number, business: boolean): number {
  if (!m || m.exclusion[i] !== Exclusion.none || m.fromExport[i] === 1) return Number.NaN;
  return (business ? m.business[i] : m.calendar[i]) as number;
}

function targetsByPriorityCode(t: TicketTable, policy: SlaPolicy): Array<SlaTarget | undefined> {
  const out: Array<SlaTarget | undefined> = [];
  const lower = new Map<string, SlaTarget>();
  for (const [key, target] of Object.entries(policy.targets)) lower.set(key.toLowerCase(), target);
  t.priority.values.forEach((value, code) => {
    out[code] = lower.get(value.toLowerCase());
  });
  return out;
}
