/** Column types shown beside sample values in the mapping step. */
const TYPES: Array<[string, RegExp]> = [
  ["integer", /^-?\d+$/],
  ["decimal", /^-?\d*[.,]\d+$/],
  ["datetime", /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/],
  ["duration", /^\d+:\d{2}(?::\d{2})?$/],
  ["boolean", /^(?:true|false|yes|no|y|n|0|1|はい|いいえ)$/i],
];

/** The type every non-empty sample fits, else "text". */
export function detectType(values: readonly string[]): string {
  const present = values.map((v) => v.trim()).filter((v) => v !== "");
  if (present.length === 0) return "empty";
  for (const [name, pattern] of TYPES) if (present.every((v) => pattern.test(v))) return name;
  return "text";
}
