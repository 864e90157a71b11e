/**
 * RFM segments for a set of customers (the dormant alerts' segment column, kpi --by segment). Segments are relative (quintiles over every
 * customer), so RFM is scored over the whole store as of the same day, then looked up for the
 * output rows only. One grouped query plus a sort per measure: cheap next to the scoring.
 */
import { customDimension, type Dimension, type TicketTable } from "../../analytics/kpi/index.js";
import { analyzeRfm, OTHER_SEGMENT, RfmConfigError } from "../../analytics/rfm/index.js";
import type { EffectiveConfig } from "../../config/defaults.js";
import type { Lang } from "../../i18n.js";
import type { Label } from "../../report/index.js";
import type { Db } from "../../store/db.js";
import { customerAggregates } from "../../store/queries/orders.js";
import { ConfigError } from "../errors.js";

export function rfmSegmentsFor(
  db: Db,
  wanted: ReadonlySet<string>,
  asOf: { instant: number; timeZone: string },
  config: EffectiveConfig["rfm"],
): Map<string, Label> {
  const segments = new Map<string, Label>();
  if (wanted.size === 0) return segments;
  const aggregates = customerAggregates(db, asOf.instant);
  if (aggregates.length === 0) return segments;
  let result: ReturnType<typeof analyzeRfm>;
  try {
    result = analyzeRfm(aggregates, {
      asOf: asOf.instant,
      timeZone: asOf.timeZone,
      bins: config.bins,
      tieMode: config.tie_mode,
      monetary: config.monetary,
      scheme: config.scheme,
      customSchemes: config.schemes,
      lifecycle: config.lifecycle,
    });
  } catch (err) {
    if (err instanceof RfmConfigError) {
      throw new ConfigError(err.message, "fix the rfm section of the configuration file");
    }
    throw err;
  }
  const ids = result.customers.measures.customerIds;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (!wanted.has(id)) continue;
    const rule = result.segmentRules[result.customers.segment[i] as number] ?? OTHER_SEGMENT;
    segments.set(id, { en: rule.names.en, ja: rule.names.ja });
  }
  return segments;
}

/**
 * `kpi --by segment`: each ticket grouped by its customer's RFM segment as of the report's as-of
 * (tickets of customers with no orders have none).
 */
export function segmentDimension(
  db: Db,
  table: TicketTable,
  asOf: { instant: number; timeZone: string },
  config: EffectiveConfig["rfm"],
  lang: Lang,
): Dimension {
  const customers = table.customer;
  const segments = rfmSegmentsFor(db, new Set(customers.values), asOf, config);
  const nameOfCode = customers.values.map((id) => segments.get(id)?.[lang] ?? null);
  return customDimension("segment", table.length, (i) => {
    const code = customers.codes[i] as number;
    return code < 0 ? null : (nameOfCode[code] ?? null);
  });
}
