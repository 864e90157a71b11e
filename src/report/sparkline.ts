const BARS = "▁▂▃▄▅▆▇█";

/**
 * Unicode sparkline scaled between the series' own minimum and maximum; a missing value is a space.
 * A flat series sits in the middle so it reads as "no change" rather than "zero".
 */
export function sparkline(values: ReadonlyArray<number | null>): string {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let out = "";
  const top = BARS.length - 1;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) out += " ";
    else if (max === min) out += BARS[Math.floor(top / 2)];
    else out += BARS[Math.round(((v - min) / (max - min)) * top)];
  }
  return out;
}
