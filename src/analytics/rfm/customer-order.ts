/** Customer ids compare by UTF-16 code units, like SQL's BINARY collation ("10" sorts before "9"). */
export function compareCustomerIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
