/**
 * The alert state machine, pure: from the alerts recorded so far and today's candidates, decide
 * which alerts are new and what to record. An episode is a customer's run of inactivity after a
 * given last order day:
 * - a customer is alerted once per stage within an episode;
 * - a later, more severe stage alerts again; a milder one (or the same) does not;
 * - a new order (a later last order day) ends the episode and clears its records.
 * Records of earlier episodes never suppress alerts for a later one.
 */

export interface AlertRecord {
  customerId: string;
  stage: string;
  /** The last order day the alert was raised for: identifies the episode. */
  lastOrderDay: number;
  /** The as-of day of the run that raised it. */
  alertedOnDay: number;
}

/** What a candidate must carry for the state machine. */
export interface AlertKey {
  customerId: string;
  stage: string;
  lastOrderDay: number;
}

export interface AlertReconciliation<C extends AlertKey> {
  /** Candidates to emit, in input order. */
  newAlerts: C[];
  /** Records to add to the store, one per new alert. */
  recordsToInsert: AlertRecord[];
  /** Customers whose earlier records are to be deleted (they ordered again). */
  customersToClear: string[];
}

export interface ReconcileOptions {
  asOfDay: number;
  /** Severity of a stage name (the ladder's); unknown names rank below every stage. */
  severityOf: (stage: string) => number;
  /**
   * Current last order day of every customer (on or before the as-of day). Needed to clear
   * customers who ordered again and so are no longer candidates; candidates carry their own.
   */
  lastOrderDays?: ReadonlyMap<string, number>;
}

export function reconcileAlerts<C extends AlertKey>(
  previous: readonly AlertRecord[],
  candidates: readonly C[],
  options: ReconcileOptions,
): AlertReconciliation<C> {
  const candidateLastOrder = new Map<string, number>();
  for (const c of candidates) candidateLastOrder.set(c.customerId, c.lastOrderDay);

  // The most severe recorded stage per customer in the episode that is still running.
  const recordedSeverity = new Map<string, { lastOrderDay: number; severity: number }>();
  const cleared = new Set<string>();
  for (const record of previous) {
    const current =
      candidateLastOrder.get(record.customerId) ?? options.lastOrderDays?.get(record.customerId);
    if (current !== undefined && current > record.lastOrderDay) {
      cleared.add(record.customerId);
      continue;
    }
    if (current !== undefined && current !== record.lastOrderDay) continue;
    const severity = options.severityOf(record.stage);
    const known = recordedSeverity.get(record.customerId);
    if (!known || severity > known.severity) {
      recordedSeverity.set(record.customerId, { lastOrderDay: record.lastOrderDay, severity });
    }
  }

  const newAlerts: C[] = [];
  const recordsToInsert: AlertRecord[] = [];
  for (const c of candidates) {
    const known = recordedSeverity.get(c.customerId);
    const alreadyCovered = known !== undefined && known.lastOrderDay === c.lastOrderDay;
    if (alreadyCovered && options.severityOf(c.stage) <= known.severity) continue;
    newAlerts.push(c);
    recordsToInsert.push({
      customerId: c.customerId,
      stage: c.stage,
      lastOrderDay: c.lastOrderDay,
      alertedOnDay: options.asOfDay,
    });
  }
  return { newAlerts, recordsToInsert, customersToClear: [...cleared] };
}
