/**
 * Customer-level support queries: per-customer ticket, re-contact and CSAT counts (one set-based
 * statement, GROUP BY customer) and the single customer view's tickets, survey answers and
 * dormancy stage. The rules mirror the KPI definitions (docs/metrics.md):
 * - tickets: created at or before as-of, with a customer, not merged;
 * - re-contact: a resolved ticket is re-contacted when the next ticket of the same customer and
 *   reason (by creation time, then ticket id) was created no later than its resolution + the
 *   window; a resolved ticket without a follow-up whose window is still open at as-of is left out;
 *   resolved = status solved/closed, or no status and a resolved/closed time; its resolution is the
 *   last solve (resolved_at), else the close;
 * - CSAT: answers of kind csat on their scale, responded at or before as-of (or undated), credited
 *   to the customer of the ticket they name, else to the customer they name; positive = the top
 *   answer on a binary scale, else score ≥ min + 0.75 × (max − min) (4–5 on 1–5).
 */
import type { Db } from "../db.js";

export interface SupportCounts {
  tickets: number;
  /** Resolved tickets whose re-contact window has closed or that were re-contacted. */
  recontactBase: number;
  recontacted: number;
  csatRated: number;
  csatPositive: number;
}

const SUPPORT_SQL = `
  WITH t AS (
    SELECT customer_id, reason, created_at, ticket_id,
           CASE WHEN status IN ('solved', 'closed')
                  OR (status IS NULL AND COALESCE(resolved_at, closed_at) IS NOT NULL)
                THEN COALESCE(resolved_at, closed_at) END AS ended_at
      FROM tickets
     WHERE customer_id IS NOT NULL AND created_at IS NOT NULL AND created_at <= @asOf
       AND COALESCE(merged, 0) = 0
  ),
  runs AS (
    SELECT customer_id, ended_at,
           LEAD(created_at) OVER (PARTITION BY customer_id, reason ORDER BY created_at, ticket_id) AS next_at
      FROM t WHERE reason IS NOT NULL
  ),
  ticket_counts AS (
    SELECT customer_id, COUNT(*) AS tickets FROM t GROUP BY customer_id
  ),
  recontacts AS (
    SELECT customer_id,
           COUNT(CASE WHEN next_at <= ended_at + @window THEN 1 END) AS recontacted,
           COUNT(CASE WHEN next_at <= ended_at + @window OR ended_at + @window <= @asOf THEN 1 END) AS base
      FROM runs WHERE ended_at IS NOT NULL
     GROUP BY customer_id
  ),
  csat AS (
    SELECT COALESCE(k.customer_id, s.customer_id) AS customer_id,
           COUNT(*) AS rated,
           COUNT(CASE WHEN (s.scale_max - s.scale_min = 1 AND s.score = s.scale_max)
                        OR (s.scale_max - s.scale_min <> 1
                            AND s.score >= s.scale_min + 0.75 * (s.scale_max - s.scale_min))
                      THEN 1 END) AS positive
      FROM surveys s LEFT JOIN tickets k ON k.ticket_id = s.ticket_id
     WHERE s.kind = 'csat' AND s.score BETWEEN s.scale_min AND s.scale_max
       AND (s.responded_at IS NULL OR s.responded_at <= @asOf)
     GROUP BY 1
  ),
  ids AS (
    SELECT customer_id FROM ticket_counts
    UNION SELECT customer_id FROM csat WHERE customer_id IS NOT NULL
  )
  SELECT ids.customer_id,
         COALESCE(tc.tickets, 0), COALESCE(r.base, 0), COALESCE(r.recontacted, 0),
         COALESCE(c.rated, 0), COALESCE(c.positive, 0)
    FROM ids
    LEFT JOIN ticket_counts tc ON tc.customer_id = ids.customer_id
    LEFT JOIN recontacts r ON r.customer_id = ids.customer_id
    LEFT JOIN csat c ON c.customer_id = ids.customer_id`;

type SupportRow = [string, number, number, number, number, number];

/** Support counts per customer as of `asOf`; customers without tickets or answers are absent. */
export function customerSupportCounts(
  db: Db,
  options: { asOf: number; recontactWindowDays: number },
): Map<string, SupportCounts> {
  const rows = db
    .prepare(SUPPORT_SQL)
    .raw(true)
    .all({ asOf: options.asOf, window: options.recontactWindowDays * 86400 }) as SupportRow[];
  const counts = new Map<string, SupportCounts>();
  for (const [id, tickets, recontactBase, recontacted, csatRated, csatPositive] of rows) {
    counts.set(id, { tickets, recontactBase, recontacted, csatRated, csatPositive });
  }
  return counts;
}

export interface CustomerTicket {
  ticket_id: string;
  created_at: number | null;
  resolved_at: number | null;
  status: string | null;
  channel: string | null;
  reason: string | null;
  subject: string | null;
  agent: string | null;
}

/** One customer's tickets, oldest first (undated last). */
export function ticketsOfCustomer(db: Db, customerId: string): CustomerTicket[] {
  return db
    .prepare(
      `SELECT ticket_id, created_at, resolved_at, status, channel, reason, subject, agent
         FROM tickets WHERE customer_id = ?
        ORDER BY created_at IS NULL, created_at, ticket_id`,
    )
    .all(customerId) as CustomerTicket[];
}

export interface CustomerSurveyAnswer {
  response_id: string;
  ticket_id: string | null;
  responded_at: number | null;
  kind: string;
  score: number;
  scale_min: number;
  scale_max: number;
  comment: string | null;
}

/** Survey answers naming the customer, or naming one of the customer's tickets; oldest first. */
export function surveysOfCustomer(db: Db, customerId: string): CustomerSurveyAnswer[] {
  return db
    .prepare(
      `SELECT s.response_id, s.ticket_id, s.responded_at, s.kind, s.score, s.scale_min, s.scale_max, s.comment
         FROM surveys s LEFT JOIN tickets k ON k.ticket_id = s.ticket_id
        WHERE COALESCE(k.customer_id, s.customer_id) = ?
        ORDER BY s.responded_at IS NULL, s.responded_at, s.response_id`,
    )
    .all(customerId) as CustomerSurveyAnswer[];
}

/** Whether the store has a table (e.g. dormant_alerts, added by a later migration). */
export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * The customer's current dormancy stage from `dormant_alerts` (migration 2, `supportops dormant`):
 * the stage of the latest open alert (not cleared by a new order), latest run first. Null when the
 * store predates the table or the customer has no open alert.
 */
export function currentDormancyStage(db: Db, customerId: string): string | null {
  if (!hasTable(db, "dormant_alerts")) return null;
  const row = db
    .prepare(
      `SELECT stage FROM dormant_alerts
        WHERE customer_id = ? AND cleared_at IS NULL
        ORDER BY as_of_day DESC, alerted_at DESC, alert_id DESC LIMIT 1`,
    )
    .get(customerId) as { stage: string } | undefined;
  return row?.stage ?? null;
}
