/**
 * The per-customer export for CRM import (`--customers FILE`): one row per customer with measures,
 * scores, segment and lifecycle stage, plus support columns with `--with-support`. CSV (formula-safe,
 * CRLF, optional CP932 or BOM) or a JSON array.
 */
import { stringify } from "csv-stringify/sync";
import { customerRow, type RfmResult } from "../../analytics/rfm/index.js";
import type { Lang } from "../../i18n.js";
import { neutraliseFormula } from "../../report/csv-safety.js";
import { encodeText, type OutputEncoding } from "../../report/encode.js";
import type { SupportCounts } from "../../store/queries/customers.js";
import { supportCountsOf, supportFigures } from "./support.js";

export type CustomerExportFormat = "csv" | "json";

export const CUSTOMER_COLUMNS = [
  "customer_id",
  "recency_days",
  "frequency",
  "revenue",
  "average_order_value",
  "coupon_share",
  "r",
  "f",
  "m",
  "rfm",
  "segment",
  "segment_name",
  "lifecycle",
] as const;

export const SUPPORT_COLUMNS = [
  "tickets",
  "recontact_base",
  "recontacted",
  "recontact_rate",
  "csat_rated",
  "csat_positive",
  "csat",
] as const;

type ExportValue = string | number | null;

/** Money and shares rounded for a CRM: 2 decimals for amounts, 4 for fractions. */
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The export's records, in customer-id order; keys in CUSTOMER_COLUMNS (+ SUPPORT_COLUMNS) order. */
export function* customerRecords(
  result: RfmResult,
  lang: Lang,
  support: ReadonlyMap<string, SupportCounts> | null,
): Generator<Record<string, ExportValue>> {
  const n = result.customers.measures.customerIds.length;
  for (let i = 0; i < n; i++) {
    const row = customerRow(result, i);
    const record: Record<string, ExportValue> = {
      customer_id: row.customer_id,
      recency_days: row.recency_days,
      frequency: row.frequency,
      revenue: round(row.revenue, 2),
      average_order_value: round(row.average_order_value, 2),
      coupon_share: row.coupon_share === null ? null : round(row.coupon_share, 4),
      r: row.r,
      f: row.f,
      m: row.m,
      rfm: row.rfm,
      segment: row.segment,
      segment_name: row.segment_name[lang],
      lifecycle: row.lifecycle,
    };
    if (support) {
      const f = supportFigures(1, supportCountsOf(support, row.customer_id));
      record.tickets = f.tickets;
      record.recontact_base = f.recontactBase;
      record.recontacted = f.recontacted;
      record.recontact_rate = f.recontactRate === null ? null : round(f.recontactRate, 4);
      record.csat_rated = f.csatRated;
      record.csat_positive = f.csatPositive;
      record.csat = f.csat === null ? null : round(f.csat, 4);
    }
    yield record;
  }
}

/** The export file's bytes (or text for plain UTF-8), and warnings for stderr. */
export function renderCustomerExport(
  result: RfmResult,
  options: {
    format: CustomerExportFormat;
    encoding: OutputEncoding;
    lang: Lang;
    support: ReadonlyMap<string, SupportCounts> | null;
  },
): { data: string | Buffer; warnings: string[] } {
  const records = customerRecords(result, options.lang, options.support);
  if (options.format === "json") {
    const parts: string[] = [];
    for (const r of records) parts.push(JSON.stringify(r));
    return { data: parts.length === 0 ? "[]\n" : `[\n${parts.join(",\n")}\n]\n`, warnings: [] };
  }
  const columns: string[] = [...CUSTOMER_COLUMNS, ...(options.support ? SUPPORT_COLUMNS : [])];
  const rows: ExportValue[][] = [columns];
  for (const r of records) {
    rows.push(
      columns.map((c) => {
        const v = r[c] ?? null;
        return typeof v === "string" ? neutraliseFormula(v) : v;
      }),
    );
  }
  const text = stringify(rows, { record_delimiter: "windows" });
  if (options.encoding === "utf8") return { data: text, warnings: [] };
  const encoded = encodeText(text, options.encoding);
  const warnings =
    encoded.replacedCount > 0
      ? [
          `customer export: ${encoded.replacedCount} character(s) cannot be written in ${options.encoding} and were replaced by "?": ${encoded.replacedChars.slice(0, 10).join(" ")}`,
        ]
      : [];
  return { data: encoded.data, warnings };
}
