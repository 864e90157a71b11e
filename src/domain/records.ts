/**
 * Canonical records: what every import produces and every analysis reads.
 * Timestamps are Unix epoch seconds (UTC) or null; durations are minutes (or seconds where named).
 * Field names match the store's columns (docs/store.md).
 */

/** The canonical contact channels; vendor values map onto these (docs/import.md). */
export const CHANNELS = [
  "phone",
  "email",
  "chat",
  "web_form",
  "social",
  "sms",
  "messaging",
  "self_service",
  "walk_in",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Normalised ticket status; the vendor's own word is kept in `status_raw`. */
export const TICKET_STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed", "other"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TicketRecord {
  ticket_id: string;
  created_at: number | null;
  first_response_at: number | null;
  first_resolved_at: number | null;
  /** Last solve. */
  resolved_at: number | null;
  closed_at: number | null;
  updated_at: number | null;
  /** Precomputed durations from the export (calendar minutes), when it carries them. */
  first_response_minutes: number | null;
  first_resolution_minutes: number | null;
  full_resolution_minutes: number | null;
  /** Precomputed business-hours durations from the export (minutes). */
  first_response_business_minutes: number | null;
  full_resolution_business_minutes: number | null;
  status: TicketStatus | null;
  status_raw: string | null;
  channel: Channel | null;
  channel_raw: string | null;
  priority: string | null;
  reason: string | null;
  sub_reason: string | null;
  agent: string | null;
  group_name: string | null;
  customer_id: string | null;
  subject: string | null;
  tags: string | null;
  reopen_count: number | null;
  agent_replies: number | null;
  customer_messages: number | null;
  /** Talk + hold + wrap-up, seconds. */
  handle_seconds: number | null;
  sla_due_at: number | null;
  /** The export's own SLA verdict, where it has one (ServiceNow made_sla, Freshdesk statuses). */
  sla_first_response_met: boolean | null;
  sla_resolution_met: boolean | null;
  escalated: boolean | null;
  knowledge_used: boolean | null;
  self_service: boolean | null;
  merged: boolean | null;
  /** The export's own first-contact-resolution flag (Zoho "Is First Call Resolution"). */
  fcr_flag: boolean | null;
}

export const SURVEY_KINDS = ["csat", "nps", "ces"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export interface SurveyRecord {
  response_id: string;
  ticket_id: string | null;
  customer_id: string | null;
  responded_at: number | null;
  kind: SurveyKind;
  /** The answer on its scale: CSAT 1–5 (or 0/1 when binary), NPS 0–10, CES 1–7. */
  score: number;
  /** Scale bounds the score is on, so binary CSAT (0–1) and 1–5 CSAT can be told apart. */
  scale_min: number;
  scale_max: number;
  comment: string | null;
  channel: Channel | null;
  agent: string | null;
}

export interface OrderRecord {
  /** The export's order id, or one derived from customer, day and position (docs/store.md). */
  order_id: string;
  customer_id: string;
  ordered_at: number;
  amount: number;
  quantity: number | null;
  currency: string | null;
  coupon_used: boolean | null;
}
