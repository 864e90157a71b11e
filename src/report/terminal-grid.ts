import Table from "cli-table3";

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
