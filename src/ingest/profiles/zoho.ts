import type { Profile } from "./types.js";

const ms = (field: string) => ({ field, unit: "ms" as const });

/** Zoho Desk: day-first dates (13/01/2025 16:48); business-hours durations in milliseconds. */
export const zoho: Profile = {
  name: "zoho",
  label: "Zoho Desk ticket export",
  kind: "tickets",
  dateOrder: "dmy",
  headers: {
    id: "ticket_id",
    "request id": "ticket_id",
    "ticket id": "ticket_id",
    status: "status",
    "created time": "created_at",
    "ticket closed time": "closed_at",
    "modified time": "updated_at",
    priority: "priority",
    channel: "channel",
    category: "reason",
    "sub category": "sub_reason",
    "resolution time in business hours": ms("full_resolution_business_minutes"),
    "first response time in business hours": ms("first_response_business_minutes"),
    "is first call resolution": "fcr_flag",
    "number of reopen": "reopen_count",
    "is escalated": "escalated",
    "agent name": "agent",
    department: "group_name",
    "contact id": "customer_id",
    email: "customer_id",
    "contact name": "customer_id",
    subject: "subject",
    "due date": "sla_due_at",
    "number of responses": "agent_replies",
  },
  distinctive: [
    "request id",
    "ticket closed time",
    "sub category",
    "resolution time in business hours",
    "first response time in business hours",
    "is first call resolution",
    "number of reopen",
    "happiness rating",
    "is escalated",
    "agent name",
  ],
};
