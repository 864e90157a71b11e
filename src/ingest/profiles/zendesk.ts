import type { Profile } from "./types.js";

const minutes = (field: string) => ({ field, unit: "minutes" as const });

export const zendesk: Profile = {
  name: "zendesk",
  label: "Zendesk ticket export",
  kind: "tickets",
  dateOrder: "ymd",
  headers: {
    id: "ticket_id",
    "requester id": "customer_id",
    "requester email": "customer_id",
    assignee: "agent",
    group: "group_name",
    subject: "subject",
    tags: "tags",
    status: "status",
    priority: "priority",
    via: "channel",
    "ticket type": "reason",
    "created at": "created_at",
    "updated at": "updated_at",
    "solved at": "resolved_at",
    reopens: "reopen_count",
    replies: "agent_replies",
    "first reply time in minutes": minutes("first_response_minutes"),
    "first reply time in minutes within business hours": minutes("first_response_business_minutes"),
    "first resolution time in minutes": minutes("first_resolution_minutes"),
    "full resolution time in minutes": minutes("full_resolution_minutes"),
    "full resolution time in minutes within business hours": minutes("full_resolution_business_minutes"),
  },
  distinctive: [
    "via",
    "requester",
    "requester id",
    "solved at",
    "assigned at",
    "satisfaction score",
    "first reply time in minutes",
    "full resolution time in minutes",
    "summation column",
  ],
};
