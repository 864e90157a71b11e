import type { FieldType, RecordKind } from "./types.js";

/** Every canonical field per record kind, with how its cells are read. Order = store column order. */
export const FIELDS: Record<RecordKind, Record<string, FieldType>> = {
  tickets: {
    ticket_id: "id",
    created_at: "timestamp",
    first_response_at: "timestamp",
    first_resolved_at: "timestamp",
    resolved_at: "timestamp",
    closed_at: "timestamp",
    updated_at: "timestamp",
    first_response_minutes: "duration",
    first_resolution_minutes: "duration",
    full_resolution_minutes: "duration",
    first_response_business_minutes: "duration",
    full_resolution_business_minutes: "duration",
    status: "status",
    status_raw: "text",
    channel: "channel",
    channel_raw: "text",
    priority: "text",
    reason: "text",
    sub_reason: "text",
    agent: "text",
    group_name: "text",
    customer_id: "id",
    subject: "text",
    tags: "text",
    reopen_count: "int",
    agent_replies: "int",
    customer_messages: "int",
    handle_seconds: "duration",
    sla_due_at: "timestamp",
    sla_first_response_met: "sla_status",
    sla_resolution_met: "sla_status",
    escalated: "bool",
    knowledge_used: "bool",
    self_service: "bool",
    merged: "bool",
    fcr_flag: "bool",
  },
  surveys: {
    response_id: "id",
    ticket_id: "id",
    customer_id: "id",
    responded_at: "timestamp",
    kind: "survey_kind",
    score: "score",
    comment: "text",
    channel: "channel",
    agent: "text",
  },
  orders: {
    order_id: "id",
    line_no: "int",
    customer_id: "id",
    ordered_at: "timestamp",
    amount: "number",
    quantity: "number",
    currency: "text",
    coupon_used: "bool",
  },
};

/** Fields the importer fills itself; a column is never mapped to one of them. */
export const DERIVED_FIELDS: ReadonlySet<string> = new Set(["status_raw", "channel_raw", "line_no"]);

/** Fields without which a record of the kind cannot be stored. */
export const REQUIRED: Record<RecordKind, string[]> = {
  tickets: ["ticket_id"],
  surveys: ["score"],
  orders: ["customer_id", "ordered_at", "amount"],
};

/**
 * The natural key: re-importing a record with the same key updates it instead of adding it.
 * Orders keep their lines: the n-th line of an order id in a file is (order_id, n).
 */
export const NATURAL_KEY: Record<RecordKind, readonly string[]> = {
  tickets: ["ticket_id"],
  surveys: ["response_id"],
  orders: ["order_id", "line_no"],
};
