/**
 * Applies the alert state machine (`reconcileAlerts`) to the store: which candidates are new
 * alerts, which customers a new order cleared; recorded in one transaction, or only computed
 * with `--dry-run`. Reruns must not go back in time: an as-of earlier than a recorded run is
 * refused, since the history would then hide or repeat alerts.
 */
import { formatDateKey } from "../../analytics/calendar/dates.js";
import {
  type DormancyCandidate,
  type OrderHistory,
  ordersOnOrBefore,
  reconcileAlerts,
  type StageLadder,
} from "../../analytics/dormant/index.js";
import type { Db } from "../../store/db.js";
import {
  latestAlertAsOfDay,
  type OpenAlert,
  readOpenAlerts,
  updateAlerts,
} from "../../store/queries/dormant.js";
import { UsageError } from "../errors.js";

export interface AlertRunOptions {
  asOfDay: number;
  ladder: StageLadder;
  dryRun: boolean;
  /** Wall-clock Unix seconds, recorded as alerted_at / cleared_at. */
  now: number;
}

export interface AlertRunResult {
  newAlerts: DormancyCandidate[];
  cleared: number;
  openBefore: number;
}

export function refuseEarlierAsOf(db: Db, asOfDay: number): void {
  const latest = latestAlertAsOfDay(db);
  if (latest !== null && asOfDay < latest) {
    throw new UsageError(
      `--as-of ${formatDateKey(asOfDay)} is earlier than the latest recorded dormant run (${formatDateKey(latest)})`,
      `use --as-of ${formatDateKey(latest)} or later; --all --dry-run shows the state on an earlier day without the alert history`,
    );
  }
}

export function runAlerts(
  db: Db,
  history: OrderHistory,
  candidates: readonly DormancyCandidate[],
  options: AlertRunOptions,
): AlertRunResult {
  const decide = (open: OpenAlert[]) => {
    const r = reconcileAlerts(open, candidates, {
      asOfDay: options.asOfDay,
      severityOf: options.ladder.severityOf,
      lastOrderDays: lastOrderDaysOf(history, open, options.asOfDay),
    });
    return {
      newAlerts: r.newAlerts,
      clear: r.customersToClear,
      insert: r.newAlerts.map((c) => ({
        customerId: c.customerId,
        stage: c.stage,
        method: c.method,
        lastOrderDay: c.lastOrderDay,
        lastOrderDate: formatDateKey(c.lastOrderDay),
      })),
      openBefore: open.length,
    };
  };
  const changes = options.dryRun
    ? decide(readOpenAlerts(db))
    : updateAlerts(
        db,
        { asOfDay: options.asOfDay, asOfDate: formatDateKey(options.asOfDay), now: options.now },
        decide,
      );
  return { newAlerts: changes.newAlerts, cleared: changes.clear.length, openBefore: changes.openBefore };
}

/** Current last order day of the customers with open alerts (those who may have ordered again). */
function lastOrderDaysOf(
  history: OrderHistory,
  open: readonly OpenAlert[],
  asOfDay: number,
): Map<string, number> {
  const result = new Map<string, number>();
  if (open.length === 0) return result;
  const alerted = new Set(open.map((a) => a.customerId));
  for (let i = 0; i < history.customerIds.length; i++) {
    const id = history.customerIds[i] as string;
    if (!alerted.has(id)) continue;
    const orders = ordersOnOrBefore(history, i, asOfDay);
    if (orders > 0) result.set(id, history.days[(history.start[i] as number) + orders - 1] as number);
  }
  return result;
}
