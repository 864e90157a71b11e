/**
 * How a normalizer says "this cell cannot be read": it returns the shared `INVALID` sentinel and
 * records why in a module-level slot. Returning a sentinel instead of a result object keeps the
 * per-cell path free of allocation; the importer reads the reason only for the rare rejects.
 */

export const INVALID: unique symbol = Symbol("supportops.invalid");
export type Invalid = typeof INVALID;

let lastReason = "";

/** Records `reason` as the last failure and returns the sentinel: `return fail("…")`. */
export function fail(reason: string): Invalid {
  lastReason = reason;
  return INVALID;
}

/** Why the most recent normalizer call that returned `INVALID` failed. */
export function lastInvalidReason(): string {
  return lastReason;
}

export function isInvalid(value: unknown): value is Invalid {
  return value === INVALID;
}
