/** Terminal columns of a string: East Asian wide and full-width characters take two. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch === "\t" ? 1 : WIDE.test(ch) ? 2 : 1;
  return w;
}
