import type { TicketTable } from "./ticket-table.js";

/** Label of the group of tickets whose dimension value is missing. */
export const NONE_LABEL = "(none)";

export const TICKET_DIMENSIONS = ["channel", "agent", "group", "priority", "reason"] as const;
export type TicketDimension = (typeof TICKET_DIMENSIONS)[number];

/** A per-ticket grouping key as codes (−1 = missing) into labels. */
export interface Dimension {
  readonly name: string;
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/** Period of each ticket's creation, from the calendar module's period assignment. */
export interface PeriodAssignment {
  /** Period index per ticket row, −1 outside every period. */
  readonly index: Int32Array;
  readonly labels: readonly string[];
  /** End instant (exclusive, epoch seconds) of each period, ascending; needed for backlog. */
  readonly ends?: Float64Array | undefined;
}

export interface Grouping {
  /** Zero, one or two dimensions. */
  readonly dimensions: readonly Dimension[];
  readonly periods?: PeriodAssignment | undefined;
}

export function ticketDimension(t: TicketTable, name: TicketDimension): Dimension {
  const column = t[name];
  return { name, codes: column.codes, labels: column.values };
}

/** A dimension from any per-row key (e.g. the customer's RFM segment); null is "missing". */
export function customDimension(
  name: string,
  length: number,
  keyOf: (row: number) => string | null,
): Dimension {
  const codes = new Int32Array(length);
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < length; i++) {
    const key = keyOf(i);
    if (key === null) {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(key);
    if (code === undefined) {
      code = labels.length;
      labels.push(key);
      codeOf.set(key, code);
    }
    codes[i] = code;
  }
  return { name, codes, labels };
}

/** Assigns each ticket's creation instant to a period with an injected `periodOf`. */
export function assignPeriods(
  createdAt: Float64Array,
  periodOf: (sec: number) => number,
  labels: readonly string[],
  ends?: Float64Array,
): PeriodAssignment {
  const index = new Int32Array(createdAt.length);
  for (let i = 0; i < createdAt.length; i++) {
    const c = createdAt[i] as number;
    index[i] = Number.isNaN(c) ? -1 : periodOf(c);
  }
  return { index, labels, ends };
}

/**
 * Periods from their boundaries: period p is [boundaries[p], boundaries[p + 1]), so P periods
 * take P + 1 ascending instants (e.g. the calendar module's period starts plus the last end).
 * Instants outside every period get −1.
 */
export function assignPeriodsByBoundaries(
  createdAt: Float64Array,
  boundaries: Float64Array,
  labels: readonly string[],
): PeriodAssignment {
  const count = boundaries.length - 1;
  if (labels.length !== count) throw new RangeError(`${count} periods need ${count} labels`);
  const index = new Int32Array(createdAt.length);
  const boundariesAtOrBefore = boundaryCounter(boundaries);
  for (let i = 0; i < createdAt.length; i++) {
    // lo − 1 is the last boundary at or before c; NaN lands at −1.
    const lo = boundariesAtOrBefore(createdAt[i] as number);
    index[i] = lo >= 1 && lo <= count ? lo - 1 : -1;
  }
  return { index, labels, ends: boundaries.slice(1) };
}

/**
 * How many of the ascending `boundaries` are ≤ x (0 for NaN). A table of equal-width buckets
 * over the boundaries' span gives each instant a starting guess a step or two from the answer,
 * which a walk then makes exact: a million tickets need no binary search each.
 */
export function boundaryCounter(boundaries: Float64Array): (x: number) => number {
  const B = boundaries.length;
  const first = boundaries[0] as number;
  const last = boundaries[B - 1] as number;
  const buckets = Math.min(4096, 8 * B);
  const width = (last - first) / buckets;
  const search = (x: number) => {
    let lo = 0;
    let hi = B;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((boundaries[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (B === 0 || !(width > 0) || !Number.isFinite(width)) return search;
  const guess = new Int32Array(buckets);
  for (let j = 0; j < buckets; j++) guess[j] = search(first + j * width);
  return (x) => {
    if (!(x >= first)) return 0; // before every boundary, or NaN
    if (x >= last) return search(x);
    let lo = guess[Math.min(buckets - 1, Math.floor((x - first) / width))] as number;
    while (lo < B && (boundaries[lo] as number) <= x) lo++;
    while (lo > 0 && (boundaries[lo - 1] as number) > x) lo--;
    return lo;
  };
}

export interface GroupKey {
  /** Period label, or null without periods. */
  period: string | null;
  periodIndex: number;
  /** One value per dimension, NONE_LABEL where missing. */
  values: string[];
}

/** Group codes: period × dimension values, missing values as their own "(none)" group. */
export interface GroupCodes {
  /** Group per ticket row, −1 when outside every period. */
  readonly codes: Int32Array;
  /** Combined dimension code per row (no period), for backlog. */
  readonly dimensionCodes: Int32Array;
  readonly dimensionCount: number;
  readonly periodCount: number;
  readonly count: number;
  keyOf(code: number): GroupKey;
}

export function groupCodes(grouping: Grouping, length: number): GroupCodes {
  const dims = grouping.dimensions;
  if (dims.length > 2) throw new RangeError("group by at most two dimensions");
  const sizes = dims.map((d) => d.labels.length + 1);
  const dimensionCount = sizes.reduce((a, b) => a * b, 1);
  const periods = grouping.periods;
  const periodCount = periods ? periods.labels.length : 1;
  const dimensionCodes = new Int32Array(length);
  const codes = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    let d = 0;
    for (let k = 0; k < dims.length; k++) {
      const dim = dims[k] as Dimension;
      const c = dim.codes[i] as number;
      d = d * (sizes[k] as number) + (c < 0 ? dim.labels.length : c);
    }
    dimensionCodes[i] = d;
    const p = periods ? (periods.index[i] as number) : 0;
    codes[i] = p < 0 || p >= periodCount ? -1 : p * dimensionCount + d;
  }
  const keyOf = (code: number): GroupKey => {
    const periodIndex = Math.floor(code / dimensionCount);
    let d = code % dimensionCount;
    const values: string[] = new Array(dims.length);
    for (let k = dims.length - 1; k >= 0; k--) {
      const dim = dims[k] as Dimension;
      const size = sizes[k] as number;
      const c = d % size;
      d = Math.floor(d / size);
      values[k] = c === dim.labels.length ? NONE_LABEL : (dim.labels[c] as string);
    }
    return { period: periods ? (periods.labels[periodIndex] ?? null) : null, periodIndex, values };
  };
  return { codes, dimensionCodes, dimensionCount, periodCount, count: periodCount * dimensionCount, keyOf };
}
