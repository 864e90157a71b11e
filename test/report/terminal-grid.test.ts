/**
 * Long tables are drawn without cli-table3 (drawBoxedTable); the result must be exactly what
 * cli-table3 draws, so a report looks the same whatever its length.
 */

import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Align, boxedTable, drawBoxedTable, FAST_TABLE_ROWS } from "../../src/report/terminal-grid.js";

function cliTable3(head: string[], rows: string[][], aligns: Align[]): string {
  const table = new Table({ head, colAligns: aligns, style: { head: [], border: [], compact: true } });
  for (const row of rows) table.push(row);
  return table.toString();
}

const cell = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "12.5%",
    "初回応答時間",
    "ｶﾀｶﾅ",
    "–",
    "\u001b[31m-3.2 pt\u001b[39m",
    "\u001b[1m顧客\u001b[22m",
  ),
  fc.string({ maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f-\u00a0]/.test(s)),
);

describe("drawBoxedTable", () => {
  it("draws what cli-table3 draws: Japanese, colour codes, empty cells, every alignment", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.record({
            head: fc.array(cell, { minLength: n, maxLength: n }),
            rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
            aligns: fc.array(fc.constantFrom<Align>("left", "right", "center"), {
              minLength: n,
              maxLength: n,
            }),
          }),
        ),
        ({ head, rows, aligns }) => {
          expect(drawBoxedTable(head, rows, aligns)).toBe(cliTable3(head, rows, aligns));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is what boxedTable uses past FAST_TABLE_ROWS rows, with the same result", () => {
    const rows = Array.from({ length: FAST_TABLE_ROWS + 1 }, (_, i) => [`C${i}`, "休眠", String(i * 7)]);
    const aligns: Align[] = ["left", "left", "right"];
    const drawn = boxedTable(["顧客", "段階", "日数"], rows, aligns);
    expect(drawn).toBe(cliTable3(["顧客", "段階", "日数"], rows, aligns));
    expect(drawn.split("\n")).toHaveLength(FAST_TABLE_ROWS + 5);
  });
});
