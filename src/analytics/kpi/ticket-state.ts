import { STATUS_CLOSED, STATUS_SOLVED, type TicketTable } from "./ticket-table.js";

/**
 * Ticket life-cycle rules shared by every metric (docs/metrics.md, "Ticket states").
 * - Merged tickets are duplicates folded into another ticket: left out of every ticket metric.
 * - A ticket is resolved now when its status is solved or closed; without a status, when it has
 *   a resolved or closed time. A reopened ticket that is open again is not resolved.
 * - Its resolution instant is the last solve (resolved_at), else the close (closed_at).
 */

/** The columns the state rules read (all a TicketTable has; less for a worker's copy). */
export type StateColumns = Pick<TicketTable, "merged" | "status" | "resolvedAt" | "closedAt">;

export function isMerged(t: Pick<TicketTable, "merged">, i: number): boolean {
  return t.merged[i] === 1;
}

export function isResolvedNow(t: StateColumns, i: number): boolean {
  const s = t.status[i] as number;
  if (s >= 0) return s === STATUS_SOLVED || s === STATUS_CLOSED;
  return !Number.isNaN(t.resolvedAt[i] as number) || !Number.isNaN(t.closedAt[i] as number);
}

/** Last solve of a resolved ticket, NaN when unresolved or unknown. */
export function resolutionInstant(t: StateColumns, i: number): number {
  if (!isResolvedNow(t, i)) return Number.NaN;
  const resolved = t.resolvedAt[i] as number;
  return Number.isNaN(resolved) ? (t.closedAt[i] as number) : resolved;
}

/**
 * First solve: first_resolved_at, else — when the ticket was never reopened (or the export does
 * not say) and is resolved — its only solve.
 */
export function firstResolutionInstant(t: TicketTable, i: number): number {
  const first = t.firstResolvedAt[i] as number;
  if (!Number.isNaN(first)) return first;
  return (t.reopenCount[i] as number) <= 0 ? resolutionInstant(t, i) : Number.NaN;
}

/** When the ticket left (or will leave) the open queue: its resolution instant, or +∞ if open. */
export function closingInstant(t: TicketTable, i: number): number {
  if (!isResolvedNow(t, i)) return Number.POSITIVE_INFINITY;
  const at = resolutionInstant(t, i);
  // Resolved but with no time: it has left the queue at some unknown point; treat as at creation.
  return Number.isNaN(at) ? (t.createdAt[i] as number) : at;
}
