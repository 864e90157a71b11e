/**
 * Cell normalizers for the importer: each takes the raw cell text and returns a value, `null` for
 * a missing value, or the `INVALID` sentinel with the reason in `lastInvalidReason()`.
 * Reference of every accepted form: docs/normalize.md.
 */

export { EXPECTED_BOOLEAN, normalizeBoolean } from "./boolean.js";
export { normalizeChannel } from "./channel.js";
export {
  createDateParser,
  DATE_ORDERS,
  type DateOrder,
  DateParser,
  type DateParserOptions,
  EXCEL_SERIAL_MAX,
  EXCEL_SERIAL_MIN,
} from "./date.js";
export {
  createDurationParser,
  DURATION_UNITS,
  DurationParser,
  type DurationUnit,
  EXPECTED_DURATION,
} from "./duration.js";
export { INVALID, type Invalid, isInvalid, lastInvalidReason } from "./invalid.js";
export { EXPECTED_NUMBER, idWarning, normalizeId, normalizeNumber } from "./number.js";
export { normalizeStatus } from "./status.js";
export { expectedSurveyScore, normalizeSurveyScore, type SurveyScore } from "./survey-score.js";
export { foldWidth, isMissing, trimCell, vocabularyKey } from "./text.js";
