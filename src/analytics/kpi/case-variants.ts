import type { EncodedColumn } from "./ticket-table.js";

/**
 * Contact reasons that differ only in letter case or character width (Billing, billing, ＢＩＬＬＩＮＧ)
 * are one reason: exports from different help desks, and hands, spell the same picklist value
 * differently, and counting them apart splits top reasons and hides re-contacts. The column comes
 * back unchanged when no two values collide (the usual case: one pass over its dictionary, not over
 * the rows). Otherwise the codes are merged, each group is shown in its most frequent spelling (the
 * first seen on a tie), and every spelling still looks up its group's code.
 */
export function mergeCaseVariants(column: EncodedColumn): EncodedColumn {
  const { values } = column;
  const groupOfKey = new Map<string, number>();
  const groupOf = new Int32Array(values.length);
  values.forEach((value, code) => {
    const key = value.normalize("NFKC").toLowerCase();
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = groupOfKey.size;
      groupOfKey.set(key, group);
    }
    groupOf[code] = group;
  });
  if (groupOfKey.size === values.length) return column;

  const uses = new Int32Array(values.length);
  for (const code of column.codes) if (code >= 0) (uses[code] as number)++;
  const shownAs = new Int32Array(groupOfKey.size).fill(-1);
  for (let code = 0; code < values.length; code++) {
    const group = groupOf[code] as number;
    const best = shownAs[group] as number;
    if (best < 0 || (uses[code] as number) > (uses[best] as number)) shownAs[group] = code;
  }
  const codes = new Int32Array(column.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = column.codes[i] as number;
    codes[i] = code < 0 ? code : (groupOf[code] as number);
  }
  return {
    codes,
    values: Array.from(shownAs, (code) => values[code] as string),
    codeOf: new Map(values.map((value, code) => [value, groupOf[code] as number])),
  };
}
