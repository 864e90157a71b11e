import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "../../src/cli/init/fields.js";
import { checkConfigText } from "../../src/config/load.js";
import { SCHEMA_URL } from "../../src/config/schema.js";
import type { OrderRecord, SurveyRecord, TicketRecord } from "../../src/domain/records.js";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const summary = (text: string) =>
  checkConfigText(text).issues.map((i) => `${i.line}:${i.col} ${i.key}: ${i.message}`);

describe("config validation", () => {
  it("accepts the agreed outline (docs/config-outline.md) as it is", () => {
    const outline = readFileSync(new URL("../../docs/config-outline.md", import.meta.url), "utf8");
    const yaml = outline.split("```yaml\n")[1]?.split("```")[0] ?? "";
    expect(yaml).toContain("timezone: Asia/Tokyo");
    expect(checkConfigText(yaml).issues).toEqual([]);
  });

  it("accepts an empty file", () => {
    expect(checkConfigText("").issues).toEqual([]);
  });

  it("names line, column and key of an unknown key, with a suggestion", () => {
    const text = lines("kpi:", "  recontact_window: 7", "timezon: UTC");
    expect(summary(text)).toEqual([
      '2:3 kpi.recontact_window: unknown key (did you mean "recontact_window_days"?)',
      '3:1 timezon: unknown key (did you mean "timezone"?)',
    ]);
  });

  it("lists the allowed keys when nothing is close", () => {
    const [issue] = summary(lines("store:", "  zzzzzz: 1"));
    expect(issue).toBe("2:3 store.zzzzzz: unknown key (expected one of: path)");
  });

  it("points at the offending value and says what was expected", () => {
    const text = lines(
      "sla:",
      "  targets:",
      "    urgent: { first_response: 1 hour }",
      "dormant:",
      "  method: fixd",
      "  stages:",
      "    - { name: watch, days: 0 }",
      "rfm:",
      "  bins: 12",
    );
    expect(summary(text)).toEqual([
      '3:31 sla.targets.urgent.first_response: expected a duration such as 30m, 8h, 3d or 1h30m (got "1 hour")',
      '5:11 dormant.method: expected one of: fixed, cadence, bgnbd, auto (got "fixd"); did you mean "fixed"?',
      "7:28 dormant.stages[0].days: expected a number >= 1 (got 0)",
      "9:9 rfm.bins: expected a number <= 10 (got 12)",
    ]);
  });

  it("reports one message for a value that fits no branch of a union", () => {
    expect(summary(lines("import:", "  max_rejects: lots"))).toEqual([
      '2:16 import.max_rejects: expected a count such as 100 or a percentage such as "1%" (got "lots")',
    ]);
  });

  it("checks profile columns against the canonical fields of the profile's kind", () => {
    const text = lines(
      "import:",
      "  profiles:",
      "    helpdesk:",
      "      kind: orders",
      '      columns: { "受付No": ticket_id, "金額": amount }',
    );
    expect(summary(text)).toEqual([
      '5:26 import.profiles.helpdesk.columns["受付No"]: expected one of: order_id, customer_id, ordered_at, amount, quantity, currency, coupon_used (got "ticket_id")',
    ]);
  });

  it("names a missing required key at its parent", () => {
    expect(summary(lines("import:", "  profiles:", "    p:", "      kind: tickets"))).toEqual([
      "4:7 import.profiles.p.columns: missing; expected a value here",
    ]);
  });

  it("locates errors in JSON files too", () => {
    const text = '{\n  "timezone": "UTC",\n  "kpi": { "week_start": "friday" }\n}\n';
    expect(summary(text)).toEqual(['3:26 kpi.week_start: expected one of: monday, sunday (got "friday")']);
  });

  it("reports YAML syntax errors with their position", () => {
    const [issue] = summary(lines("kpi:", "  week_start: [monday"));
    expect(issue).toMatch(/^\d+:\d+ : invalid YAML/);
  });

  it("checks what the schema cannot: zones, dates, interval and stage order", () => {
    const text = lines(
      "timezone: Asia/Tokio",
      "business_hours:",
      "  schedule:",
      '    mon: ["18:00-09:00"]',
      "  holidays:",
      '    dates: ["2025-02-29"]',
      "dormant:",
      "  stages:",
      "    - { name: a, days: 60 }",
      "    - { name: b, days: 30 }",
    );
    expect(summary(text)).toEqual([
      '1:11 timezone: expected an IANA time zone such as Asia/Tokyo or UTC (got "Asia/Tokio")',
      '4:11 business_hours.schedule.mon[0]: expected the start before the end (got "18:00-09:00"); split overnight shifts at 24:00',
      '6:13 business_hours.holidays.dates[0]: expected a real date (got "2025-02-29")',
      '10:24 dormant.stages[1].days: expected more days than the stage before ("a", 60 days)',
    ]);
  });
});

describe("published schema", () => {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as {
    definitions: {
      profile: {
        allOf: Array<{ then: { properties: { columns: { additionalProperties: { enum: string[] } } } } }>;
      };
    };
  };
  const enums = schema.definitions.profile.allOf.map(
    (b) => b.then.properties.columns.additionalProperties.enum,
  );

  // Typed against the records: adding a field to a record fails compilation here until it is listed.
  const tickets: Record<Exclude<keyof TicketRecord, "status_raw" | "channel_raw">, true> = {
    ticket_id: true,
    created_at: true,
    first_response_at: true,
    first_resolved_at: true,
    resolved_at: true,
    closed_at: true,
    updated_at: true,
    first_response_minutes: true,
    first_resolution_minutes: true,
    full_resolution_minutes: true,
    first_response_business_minutes: true,
    full_resolution_business_minutes: true,
    status: true,
    channel: true,
    priority: true,
    reason: true,
    sub_reason: true,
    agent: true,
    group_name: true,
    customer_id: true,
    subject: true,
    tags: true,
    reopen_count: true,
    agent_replies: true,
    customer_messages: true,
    handle_seconds: true,
    sla_due_at: true,
    sla_first_response_met: true,
    sla_resolution_met: true,
    escalated: true,
    knowledge_used: true,
    self_service: true,
    merged: true,
    fcr_flag: true,
  };
  const surveys: Record<Exclude<keyof SurveyRecord, "scale_min" | "scale_max">, true> = {
    response_id: true,
    ticket_id: true,
    customer_id: true,
    responded_at: true,
    kind: true,
    score: true,
    comment: true,
    channel: true,
    agent: true,
  };
  const orders: Record<keyof OrderRecord, true> = {
    order_id: true,
    customer_id: true,
    ordered_at: true,
    amount: true,
    quantity: true,
    currency: true,
    coupon_used: true,
  };

  it("lists exactly the canonical record fields per kind, as the wizard does", () => {
    const expected = [tickets, surveys, orders].map((r) => Object.keys(r).sort());
    expect(enums.map((e) => [...e].sort())).toEqual(expected);
    expect(
      [CANONICAL_FIELDS.tickets, CANONICAL_FIELDS.surveys, CANONICAL_FIELDS.orders].map((f) => [...f].sort()),
    ).toEqual(expected);
  });
});
