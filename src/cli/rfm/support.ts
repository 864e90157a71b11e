/** Support enrichment: per-customer support counts summed per segment (docs/rfm.md, --with-support). */
import type { RfmResult } from "../../analytics/rfm/index.js";
import type { SupportCounts } from "../../store/queries/customers.js";

export interface SupportFigures {
  customers: number;
  tickets: number;
  /** Tickets ÷ customers; null for no customers. */
  ticketsPerCustomer: number | null;
  recontactBase: number;
  recontacted: number;
  /** Re-contacted ÷ resolved tickets whose window has closed (or that were re-contacted). */
  recontactRate: number | null;
  csatRated: number;
  csatPositive: number;
  /** Positive ÷ rated CSAT answers. */
  csat: number | null;
}

const NO_SUPPORT: Readonly<SupportCounts> = {
  tickets: 0,
  recontactBase: 0,
  recontacted: 0,
  csatRated: 0,
  csatPositive: 0,
};

export function supportCountsOf(counts: ReadonlyMap<string, SupportCounts>, id: string): SupportCounts {
  return counts.get(id) ?? NO_SUPPORT;
}

export function supportFigures(customers: number, c: SupportCounts): SupportFigures {
  return {
    customers,
    tickets: c.tickets,
    ticketsPerCustomer: customers > 0 ? c.tickets / customers : null,
    recontactBase: c.recontactBase,
    recontacted: c.recontacted,
    recontactRate: c.recontactBase > 0 ? c.recontacted / c.recontactBase : null,
    csatRated: c.csatRated,
    csatPositive: c.csatPositive,
    csat: c.csatRated > 0 ? c.csatPositive / c.csatRated : null,
  };
}

/** One entry per row of result.segments (rules in order, then other). */
export function supportBySegment(
  result: RfmResult,
  counts: ReadonlyMap<string, SupportCounts>,
): SupportFigures[] {
  const groups = result.segments.length;
  const sums: SupportCounts[] = Array.from({ length: groups }, () => ({ ...NO_SUPPORT }));
  const ids = result.customers.measures.customerIds;
  for (let i = 0; i < ids.length; i++) {
    const c = counts.get(ids[i] as string);
    if (c === undefined) continue;
    const s = sums[result.customers.segment[i] as number] as SupportCounts;
    s.tickets += c.tickets;
    s.recontactBase += c.recontactBase;
    s.recontacted += c.recontacted;
    s.csatRated += c.csatRated;
    s.csatPositive += c.csatPositive;
  }
  return result.segments.map((segment, g) => supportFigures(segment.customers, sums[g] as SupportCounts));
}
