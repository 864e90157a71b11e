/** Yes/no cells: TRUE/FALSE, yes/no, Y/N, はい/いいえ, 1/0, ○/×, ✓, あり/なし, 済/未, on/off. */

import type { Invalid } from "./invalid.js";
import { buildVocabulary, unknownWord, vocabularyNormalizer } from "./vocabulary.js";

export const EXPECTED_BOOLEAN =
  "a yes/no value such as TRUE/FALSE, yes/no, Y/N, 1/0, はい/いいえ, ○/×, あり/なし or 済/未";

const BOOLEANS = buildVocabulary<boolean>([
  [
    true,
    [
      "true",
      "t",
      "yes",
      "y",
      "1",
      "on",
      "はい",
      "○",
      "〇",
      "◯",
      "✓",
      "✔",
      "☑",
      "あり",
      "有り",
      "有",
      "済",
      "済み",
    ],
  ],
  [
    false,
    ["false", "f", "no", "n", "0", "off", "いいえ", "×", "✕", "✗", "✘", "☐", "なし", "無し", "無", "未"],
  ],
]);

/** `true`/`false`, `null` for a missing value, or `INVALID` (reason in `lastInvalidReason()`). */
export const normalizeBoolean: (raw: string) => boolean | null | Invalid = vocabularyNormalizer(
  BOOLEANS,
  unknownWord(EXPECTED_BOOLEAN),
);
