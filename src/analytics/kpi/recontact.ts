import { isMerged, resolutionInstant, type StateColumns } from "./ticket-state.js";
import type { TicketTable } from "./ticket-table.js";

/**
 * What re-contact reads of the tickets: a TicketTable, or a copy of just these columns on another
 * thread (src/cli/kpi/recontact-thread.ts). Only the customers' number is needed of their values.
 */
export type RecontactColumns = StateColumns &
  Pick<TicketTable, "length" | "createdAt"> & {
    customer: { codes: Int32Array; values: { length: number } };
    reason: { codes: Int32Array };
  };

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
 * Tickets are ordered by (customer, reason, created, row) once; each ticket's candidate is simply
 * the next one in its (customer, reason) run, since any later one was created later still.
 * A ticket whose window has not closed by `asOf` and has no follow-up yet is left out.
 */
export function measureRecontact(t: RecontactColumns, asOf: number, windowDays: number): RecontactMeasure {
  const window = windowDays * 86400;
  const outcome = new Int8Array(t.length).fill(-1);
  const followUp = new Int32Array(t.length).fill(-1);
  const runs = customerRuns(t);
  const { row, reason, created, end, starts } = runs;
  for (let c = 0; c + 1 < starts.length; c++) {
    const to = starts[c + 1] as number;
    for (let k = starts[c] as number; k < to; k++) {
      const e = end[k] as number;
      if (Number.isNaN(e)) continue;
      const i = row[k] as number;
      if (k + 1 < to && reason[k + 1] === reason[k] && (created[k + 1] as number) <= e + window) {
        outcome[i] = 1;
        followUp[i] = row[k + 1] as number;
      } else if (e + window <= asOf) {
        outcome[i] = 0;
      }
    }
  }
  return { outcome, followUp };
}

/**
 * Eligible tickets grouped by customer (run c is [starts[c], starts[c + 1])), each run ordered by
 * (reason, created, row). The fields the re-contact loop reads are copied next to each other in
 * that order, so the loop and the sorts read memory in sequence instead of jumping across the
 * table for every ticket.
 */
interface CustomerRuns {
  row: Int32Array;
  reason: Int32Array;
  created: Float64Array;
  /** Resolution instant, NaN when unresolved. */
  end: Float64Array;
  starts: Int32Array;
}

/**
 * Rows with a customer, a reason and a creation time, not merged (a merged ticket is the same
 * contact folded into another, not a new one). Counting sort on the customer code (dense
 * integers: no hashing), which keeps rows ascending inside each run, then a stable sort inside
 * each run by (reason, created), which is short for all but the largest accounts.
 */
function customerRuns(t: RecontactColumns): CustomerRuns {
  const customers = t.customer.values.length;
  const starts = new Int32Array(customers + 1);
  const eligible = countByCustomer(t, starts);
  for (let c = 0; c < customers; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const runs: CustomerRuns = {
    row: new Int32Array(eligible),
    reason: new Int32Array(eligible),
    created: new Float64Array(eligible),
    end: new Float64Array(eligible),
    starts,
  };
  place(t, runs);
  sortRuns(runs);
  return runs;
}

// One hot loop per function: each is optimised on its own (on-stack replacement) instead of the
// whole deoptimising on reaching code that has not run yet, which costs a cold run about as much
// as the work itself.

/** Eligible tickets per customer (at index customer + 1); returns their number. */
function countByCustomer(t: RecontactColumns, counts: Int32Array): number {
  const customer = t.customer.codes;
  let eligible = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isEligible(t, i)) continue;
    const c = customer[i] as number;
    counts[c + 1] = (counts[c + 1] as number) + 1;
    eligible++;
  }
  return eligible;
}

/** Copies each eligible ticket's fields to the next free position of its customer's run. */
function place(t: RecontactColumns, runs: CustomerRuns): void {
  const customer = t.customer.codes;
  const next = runs.starts.slice(0, runs.starts.length - 1);
  for (let i = 0; i < t.length; i++) {
    if (!isEligible(t, i)) continue;
    const k = (next[customer[i] as number] as number)++;
    runs.row[k] = i;
    runs.reason[k] = t.reason.codes[i] as number;
    runs.created[k] = t.createdAt[i] as number;
    runs.end[k] = resolutionInstant(t, i);
  }
}

function sortRuns(runs: CustomerRuns): void {
  const starts = runs.starts;
  for (let c = 0; c + 1 < starts.length; c++) {
    const from = starts[c] as number;
    const to = starts[c + 1] as number;
    if (to - from <= 1) continue;
    if (to - from <= 32) insertionSort(runs, from, to);
    else sortRun(runs, from, to);
  }
}

function isEligible(t: RecontactColumns, i: number): boolean {
  return (
    (t.customer.codes[i] as number) >= 0 &&
    (t.reason.codes[i] as number) >= 0 &&
    !isMerged(t, i) &&
    !Number.isNaN(t.createdAt[i] as number)
  );
}

/** (reason, created) order of positions a and b; rows break ties (they ascend within a run). */
function before(r: CustomerRuns, a: number, b: number): boolean {
  const ra = r.reason[a] as number;
  const rb = r.reason[b] as number;
  if (ra !== rb) return ra < rb;
  const ca = r.created[a] as number;
  const cb = r.created[b] as number;
  return ca !== cb ? ca < cb : (r.row[a] as number) < (r.row[b] as number);
}

/** Moves position `from` to position `to` in every field. */
function copy(r: CustomerRuns, to: number, from: number): void {
  r.row[to] = r.row[from] as number;
  r.reason[to] = r.reason[from] as number;
  r.created[to] = r.created[from] as number;
  r.end[to] = r.end[from] as number;
}

function insertionSort(r: CustomerRuns, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    if (!before(r, k, k - 1)) continue;
    const row = r.row[k] as number;
    const reason = r.reason[k] as number;
    const created = r.created[k] as number;
    const end = r.end[k] as number;
    let j = k - 1;
    do {
      copy(r, j + 1, j);
      j--;
    } while (
      j >= from &&
      ((r.reason[j] as number) > reason ||
        ((r.reason[j] as number) === reason &&
          ((r.created[j] as number) > created ||
            ((r.created[j] as number) === created && (r.row[j] as number) > row))))
    );
    r.row[j + 1] = row;
    r.reason[j + 1] = reason;
    r.created[j + 1] = created;
    r.end[j + 1] = end;
  }
}

/** A long run: sort its positions, then lay the fields out in that order. */
function sortRun(r: CustomerRuns, from: number, to: number): void {
  const positions = Array.from({ length: to - from }, (_, k) => from + k);
  positions.sort((a, b) => (before(r, a, b) ? -1 : before(r, b, a) ? 1 : 0));
  const row = positions.map((p) => r.row[p] as number);
  const reason = positions.map((p) => r.reason[p] as number);
  const created = positions.map((p) => r.created[p] as number);
  const end = positions.map((p) => r.end[p] as number);
  r.row.set(row, from);
  r.reason.set(reason, from);
  r.created.set(created, from);
  r.end.set(end, from);
}
