/**
 * Order histories in columnar form: one row per customer, their distinct order days (local day
 * numbers, days since 1970-01-01) packed into one Int32Array. Customer i's days are
 * days[start[i] .. start[i + 1]), ascending and distinct ("one purchase per customer per day").
 */

export interface OrderHistory {
  readonly customerIds: readonly string[];
  /** Length customerIds.length + 1. */
  readonly start: Int32Array;
  readonly days: Int32Array;
}

export interface CustomerOrderDays {
  customer_id: string;
  /** Local day numbers of the customer's orders, in any order, repeats allowed. */
  orderDays: readonly number[];
}

/** Packs per-customer day lists, sorting them and dropping repeated days. */
export function buildOrderHistory(customers: readonly CustomerOrderDays[]): OrderHistory {
  let total = 0;
  for (const c of customers) total += c.orderDays.length;
  const packed = new Int32Array(total);
  const start = new Int32Array(customers.length + 1);
  let cursor = 0;
  for (let i = 0; i < customers.length; i++) {
    const from = cursor;
    for (const d of (customers[i] as CustomerOrderDays).orderDays) packed[cursor++] = d;
    cursor = from + sortUniqueInPlace(packed, from, cursor);
    start[i + 1] = cursor;
  }
  return { customerIds: customers.map((c) => c.customer_id), start, days: packed.slice(0, cursor) };
}

/**
 * Packs parallel per-order columns (customer index into `customerIds`, local day), as a store
 * query returns them, in any order. A counting sort groups the orders by customer in O(n).
 */
export function orderHistoryFromColumns(
  customerIds: readonly string[],
  customerIndex: Int32Array,
  day: Int32Array,
): OrderHistory {
  if (customerIndex.length !== day.length) {
    throw new RangeError("customerIndex and day must have the same length");
  }
  const n = customerIds.length;
  const counts = new Int32Array(n + 1);
  for (let k = 0; k < customerIndex.length; k++) {
    const c = customerIndex[k] as number;
    if (c < 0 || c >= n) throw new RangeError(`customer index ${c} at order ${k} is out of range`);
    counts[c + 1] = (counts[c + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const grouped = new Int32Array(day.length);
  const fill = counts.slice(0, n);
  for (let k = 0; k < day.length; k++) {
    const c = customerIndex[k] as number;
    grouped[fill[c] as number] = day[k] as number;
    fill[c] = (fill[c] as number) + 1;
  }
  const start = new Int32Array(n + 1);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const from = counts[i] as number;
    const to = counts[i + 1] as number;
    // Compact in place: the write cursor never passes the read position.
    grouped.copyWithin(cursor, from, to);
    cursor += sortUniqueInPlace(grouped, cursor, cursor + (to - from));
    start[i + 1] = cursor;
  }
  return { customerIds, start, days: grouped.slice(0, cursor) };
}

/** Sorts values[from, to) ascending, removes repeats, and returns how many remain. */
function sortUniqueInPlace(values: Int32Array, from: number, to: number): number {
  if (to - from <= 1) return to - from;
  values.subarray(from, to).sort();
  let write = from + 1;
  for (let read = from + 1; read < to; read++) {
    const v = values[read] as number;
    if (v !== values[write - 1]) values[write++] = v;
  }
  return write - from;
}

/** Number of order days of customer i on or before `day` (binary search). */
export function ordersOnOrBefore(history: OrderHistory, i: number, day: number): number {
  const from = history.start[i] as number;
  let lo = from;
  let hi = history.start[i + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((history.days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}
