import type { ChalkInstance } from "chalk";
import { formatScalar } from "./format.js";
import { UI } from "./labels.js";
import { type HeatmapSection, type Lang, textOf } from "./model.js";
import { plainGrid } from "./terminal-grid.js";

/** Five buckets from cool to hot; each with a text colour that stays readable on it. */
const BUCKET_STYLES: ReadonlyArray<(chalk: ChalkInstance) => ChalkInstance> = [
  (c) => c.bgBlue.whiteBright,
  (c) => c.bgCyan.black,
  (c) => c.bgGreen.black,
  (c) => c.bgYellow.black,
  (c) => c.bgRed.whiteBright,
];

/** The bucket (0 … buckets−1) of a value within [min, max], equal-width. */
export function bucketOf(value: number, min: number, max: number, buckets = BUCKET_STYLES.length): number {
  if (max === min) return Math.floor((buckets - 1) / 2);
  const index = Math.floor(((value - min) / (max - min)) * buckets);
  return Math.min(buckets - 1, Math.max(0, index));
}

function valueRange(values: HeatmapSection["values"]): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of values) {
    for (const v of row) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : undefined;
}

/**
 * A heatmap for the terminal. Every cell prints its number, so the grid reads without colour; with
 * colour each cell's background shows its bucket, explained by a legend line.
 */
export function renderTerminalHeatmap(section: HeatmapSection, lang: Lang, chalk: ChalkInstance): string {
  const kind = section.kind ?? "integer";
  const texts = section.values.map((row) =>
    section.columnKeys.map((_, j) => formatScalar(row[j] ?? null, kind)),
  );
  // Same width for every cell, so the coloured blocks line up as a grid.
  let width = 0;
  for (const key of section.columnKeys) width = Math.max(width, key.length);
  for (const row of texts) for (const t of row) width = Math.max(width, t.length);
  width += 2;
  const range = valueRange(section.values);
  const colour = chalk.level > 0 && range !== undefined;

  const corner = `${textOf(section.rowAxis, lang)} \\ ${textOf(section.columnAxis, lang)}`;
  const rows: string[][] = [[corner, ...section.columnKeys.map((k) => k.padStart(width - 1).padEnd(width))]];
  section.rowKeys.forEach((rowKey, i) => {
    const cells = section.columnKeys.map((_, j) => {
      const padded = ` ${(texts[i]?.[j] ?? "").padStart(width - 2)} `;
      const v = section.values[i]?.[j] ?? null;
      if (!colour || v === null || !Number.isFinite(v)) return padded;
      const style = BUCKET_STYLES[bucketOf(v, range.min, range.max)];
      return style ? style(chalk)(padded) : padded;
    });
    rows.push([rowKey, ...cells]);
  });
  const grid = plainGrid(rows, ["left", ...section.columnKeys.map(() => "left" as const)]);
  const lines = [grid];
  if (colour) lines.push(legend(range.min, range.max, kind, lang, chalk));
  return lines.join("\n");
}

function legend(
  min: number,
  max: number,
  kind: HeatmapSection["kind"],
  lang: Lang,
  chalk: ChalkInstance,
): string {
  const buckets = BUCKET_STYLES.length;
  if (max === min) {
    const middle = BUCKET_STYLES[bucketOf(min, min, max)];
    const sample = middle ? middle(chalk)(` ${formatScalar(min, kind)} `) : formatScalar(min, kind);
    return `${UI.legend[lang]}: ${sample}`;
  }
  const step = (max - min) / buckets;
  const parts = BUCKET_STYLES.map((style, b) => {
    const from = formatScalar(min + step * b, kind);
    const to = formatScalar(b === buckets - 1 ? max : min + step * (b + 1), kind);
    return style(chalk)(` ${from}–${to} `);
  });
  return `${UI.legend[lang]}: ${parts.join(" ")}`;
}
