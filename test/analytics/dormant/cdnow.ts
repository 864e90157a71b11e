/** Loads the CDNOW sample (../shared/data/cdnow) for the reproduction tests. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOrderHistory, type OrderHistory } from "../../../src/analytics/dormant/index.js";
import { daysFromCivil } from "../../../src/util/time-zone.js";

const DIR = fileURLToPath(new URL("../../../../shared/data/cdnow/", import.meta.url));

export function dayOf(yyyymmdd: string): number {
  return daysFromCivil(
    Number(yyyymmdd.slice(0, 4)),
    Number(yyyymmdd.slice(4, 6)),
    Number(yyyymmdd.slice(6, 8)),
  );
}

/** Customers keyed by the sample's own 1–2357 index (the summary CSV's ID). */
export function cdnowHistory(): OrderHistory {
  const byCustomer = new Map<string, number[]>();
  for (const line of readFileSync(`${DIR}CDNOW_sample.txt`, "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const id = String(Number(fields[1]));
    const days = byCustomer.get(id) ?? [];
    days.push(dayOf(fields[2] as string));
    byCustomer.set(id, days);
  }
  return buildOrderHistory([...byCustomer].map(([customer_id, orderDays]) => ({ customer_id, orderDays })));
}

export interface PublishedSummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
}

export function publishedSummary(): PublishedSummaryRow[] {
  const [header, ...rows] = readFileSync(`${DIR}cdnow_customers_summary.csv`, "utf8").trim().split("\n");
  if (header !== "ID,frequency,recency,T") throw new Error(`unexpected header ${header}`);
  return rows.map((row) => {
    const [id, frequency, recency, T] = row.split(",");
    return { id: id as string, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
  });
}

/** Raw order lines per customer id, for independent counts. */
export function rawOrderDates(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(`${DIR}CDNOW_sample.txt`, "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const id = String(Number(fields[1]));
    const list = out.get(id) ?? [];
    list.push(fields[2] as string);
    out.set(id, list);
  }
  return out;
}
