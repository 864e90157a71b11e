import { isMerged, resolutionInstant } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

export const DEFAULT_RECONTACT_WINDOW_DAYS = 7;

export interface RecontactMeasure {
  /** 1 re-contacted, 0 not, −1 left out (unresolved, merged, no customer/reason, window still open). */
  outcome: Int8Array;
  /** Row of the ticket that re-contacted, −1 when none. */
  followUp: Int32Array;
}

/**
 * Re-contact: a resolved ticket is re-contacted when the same customer opens another ticket with
 * the same contact reason after it was created and no later than its resolution + the window.
 * Tickets are ordered by (customer, reason, created) once; each ticket's candidate is simply the
 * next one in its (customer, reason) run, since any later one was created later still.
 * A ticket whose window has not closed by `asOf` and has no follow-up yet is left out.
 */
export function measureRecontact(t: TicketTable, asOf: number, windowDays: number): RecontactMeasure {
  const n = t.length;
  const window = windowDays * 86400;
  const outcome = new Int8Array(n).fill(-1);
  const followUp = new Int32Array(n).fill(-1);
  const order = orderByCustomerReasonCreated(t);
  const customer = t.customer.codes;
  const reason = t.reason.codes;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const end = resolutionInstant(t, i);
    if (Number.isNaN(end)) continue;
    const next = k + 1 < order.length ? (order[k + 1] as number) : -1;
    const sameRun = next >= 0 && customer[next] === customer[i] && reason[next] === reason[i];
    if (sameRun && (t.createdAt[next] as number) <= end + window) {
      outcome[i] = 1;
      followUp[i] = next;
    } else if (end + window <= asOf) {
      outcome[i] = 0;
    }
  }
  return { outcome, followUp };
}

/**
 * Rows with a customer, a reason and a creation time, not merged (a merged ticket is the same
 * contact folded into another, not a new one), ordered by (customer, reason, created, row).
 * Counting sort on the customer code (dense integers: no hashing), then a sort inside each
 * customer's run, which is short for all but the largest accounts.
 */
function orderByCustomerReasonCreated(t: TicketTable): Int32Array {
  const n = t.length;
  const customers = t.customer.values.length;
  const customer = t.customer.codes;
  const reason = t.reason.codes;
  const created = t.createdAt;
  const starts = new Int32Array(customers + 1);
  let eligible = 0;
  for (let i = 0; i < n; i++) {
    if (!isEligible(t, i)) continue;
    const c = customer[i] as number;
    starts[c + 1] = (starts[c + 1] as number) + 1;
    eligible++;
  }
  for (let c = 0; c < customers; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const order = new Int32Array(eligible);
  const next = starts.slice(0, customers);
  for (let i = 0; i < n; i++) {
    if (isEligible(t, i)) order[(next[customer[i] as number] as number)++] = i;
  }
  for (let c = 0; c < customers; c++) {
    const from = starts[c] as number;
    const to = starts[c + 1] as number;
    if (to - from <= 1) continue;
    if (to - from <= 32) insertionSort(order, from, to, reason, created);
    else {
      const before = (a: number, b: number) => (comesBefore(reason, created, a, b) ? -1 : 1);
      order.set(Array.from(order.subarray(from, to)).sort(before), from);
    }
  }
  return order;
}

function isEligible(t: TicketTable, i: number): boolean {
  return (
    (t.customer.codes[i] as number) >= 0 &&
    (t.reason.codes[i] as number) >= 0 &&
    !isMerged(t, i) &&
    !Number.isNaN(t.createdAt[i] as number)
  );
}

/** (reason, created, row) order. A plain function returning a boolean: no closure, no boxing. */
function comesBefore(reason: Int32Array, created: Float64Array, a: number, b: number): boolean {
  const ra = reason[a] as number;
  const rb = reason[b] as number;
  if (ra !== rb) return ra < rb;
  const ca = created[a] as number;
  const cb = created[b] as number;
  return ca !== cb ? ca < cb : a < b;
}

function insertionSort(
  order: Int32Array,
  from: number,
  to: number,
  reason: Int32Array,
  created: Float64Array,
): void {
  for (let k = from + 1; k < to; k++) {
    const row = order[k] as number;
    let j = k - 1;
    while (j >= from && comesBefore(reason, created, row, order[j] as number)) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = row;
  }
}
