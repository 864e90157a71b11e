/**
 * Word lists → lookup tables keyed by `vocabularyKey`, and the per-distinct-value memo every
 * vocabulary normalizer puts in front of them (fold width and case once per distinct value).
 */

import { fail, INVALID, type Invalid } from "./invalid.js";
import { BoundedMemo, isMissing, trimCell, vocabularyKey } from "./text.js";

/** `[value, words]` pairs → a map from each word's key to its value; a word listed twice is a bug. */
export function buildVocabulary<V>(
  entries: ReadonlyArray<readonly [V, readonly string[]]>,
): ReadonlyMap<string, V> {
  const table = new Map<string, V>();
  for (const [value, words] of entries) {
    for (const word of words) {
      const key = vocabularyKey(word);
      if (table.has(key)) throw new Error(`vocabulary word "${word}" is listed twice`);
      table.set(key, value);
    }
  }
  return table;
}

/**
 * A normalizer over a closed vocabulary: `null` for missing cells, the table's value for a known
 * word, `onUnknown(trimmed)` otherwise. Known and fallback results are memoised per raw text.
 */
export function vocabularyNormalizer<V, U extends V | Invalid>(
  table: ReadonlyMap<string, V>,
  onUnknown: (trimmed: string) => U,
): (raw: string) => V | U | null {
  const memo = new BoundedMemo<V | U>();
  return (raw: string) => {
    const s = trimCell(raw);
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    if (isMissing(s)) return null;
    const value: V | U = table.get(vocabularyKey(s)) ?? onUnknown(s);
    // Failures are not memoised: `fail` must run again to set the reason.
    return value === INVALID ? value : memo.set(s, value);
  };
}

export function unknownWord(expected: string): (trimmed: string) => Invalid {
  return (trimmed) => fail(`"${trimmed}" is not ${expected}`);
}
