import Table from "cli-table3";
import { displayWidth } from "./display-width.js";

/** Cell alignment in a terminal grid. */
export type Align = "left" | "right" | "center";

const NO_BORDER = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: " ",
};

/**
 * A boxed table. cli-table3 measures cells with string-width, so East Asian wide characters
 * (Japanese labels) count two columns and ANSI colour codes count none.
 */
export function boxedTable(head: string[], rows: string[][], aligns: Align[]): string {
  // cli-table3 lays out every cell through several passes and takes about half a millisecond a
  // row: a minute for an `rfm` or `dormant --all` list of 100,000 customers. Long tables are drawn
  // by drawBoxedTable instead, which draws exactly the same characters (the tests compare them).
  if (rows.length > FAST_TABLE_ROWS && !hasLineBreak(head, rows)) return drawBoxedTable(head, rows, aligns);
  const table = new Table({
    head,
    colAligns: aligns,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** A grid without borders, one space between columns and no padding (for heatmaps and bars). */
export function plainGrid(rows: string[][], aligns: Align[]): string {
  const table = new Table({
    chars: NO_BORDER,
    colAligns: aligns,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  for (const row of rows) table.push(row);
  return table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

/** Above this many rows boxedTable draws the grid itself. */
export const FAST_TABLE_ROWS = 1000;

function hasLineBreak(head: string[], rows: string[][]): boolean {
  if (head.some((c) => c.includes("\n"))) return true;
  return rows.some((row) => row.some((c) => c.includes("\n")));
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a cell takes on screen: colour codes take none, wide characters two. */
function cellWidth(cell: string): number {
  return displayWidth(cell.includes("\u001b") ? cell.replace(ANSI, "") : cell);
}

/**
 * cli-table3's compact boxed layout (one space of padding each side, a rule under the head, none
 * between rows), drawn in one pass: column widths first, then each line once.
 */
export function drawBoxedTable(head: string[], rows: string[][], aligns: Align[]): string {
  const columns = Math.max(head.length, ...rows.map((r) => r.length));
  const widths = new Array<number>(columns).fill(0);
  for (const row of [head, ...rows]) {
    for (let j = 0; j < columns; j++) widths[j] = Math.max(widths[j] as number, cellWidth(row[j] ?? ""));
  }
  const rule = (left: string, mid: string, right: string) =>
    left + widths.map((w) => "─".repeat(w + 2)).join(mid) + right;
  const line = (row: string[]) => {
    let out = "│";
    for (let j = 0; j < columns; j++) {
      const cell = row[j] ?? "";
      const gap = (widths[j] as number) - cellWidth(cell);
      const align = aligns[j] ?? "left";
      const before = align === "right" ? gap : align === "center" ? Math.floor(gap / 2) : 0;
      out += ` ${" ".repeat(before)}${cell}${" ".repeat(gap - before)} │`;
    }
    return out;
  };
  const lines = [rule("┌", "┬", "┐"), line(head)];
  if (rows.length > 0) lines.push(rule("├", "┼", "┤"));
  for (const row of rows) lines.push(line(row));
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}
