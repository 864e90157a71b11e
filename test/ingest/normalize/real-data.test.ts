import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createDateParser,
  INVALID,
  normalizeBoolean,
  normalizeChannel,
} from "../../../src/ingest/normalize/index.js";

// Resolved here rather than via test/helpers/cli.ts, which loads the whole CLI.
const SHARED_DATA = resolve(import.meta.dirname, "../../../../shared/data");
const EVENT_LOG = join(SHARED_DATA, "servicenow-incidents/incident_event_log.csv");

describe.runIf(existsSync(EVENT_LOG))("the ServiceNow incident event log", () => {
  // The file has no quoted fields, so a plain split is enough to reach the cells.
  const [header = "", ...rows] = readFileSync(EVENT_LOG, "utf8").trim().split("\n");
  const columns = header.split(",");
  const cells = (name: string) => {
    const at = columns.indexOf(name);
    return rows.map((row) => row.split(",")[at] ?? "");
  };

  it("has every opened/resolved/closed time readable day-first or missing", () => {
    const p = createDateParser({ timeZone: "UTC", dateOrder: "dmy" });
    for (const column of ["opened_at", "sys_updated_at", "resolved_at", "closed_at"]) {
      expect(cells(column).filter((c) => p.parse(c) === INVALID)).toEqual([]);
    }
    // First row, by hand: INC0000045 opened 29-02-2016 01:16 UTC.
    expect(p.parse(cells("opened_at")[0] ?? "")).toBe(Date.UTC(2016, 1, 29, 1, 16) / 1000);
  });

  it("has every SLA and knowledge flag readable and every contact type on the channel list", () => {
    for (const column of ["made_sla", "knowledge", "active"]) {
      expect(cells(column).filter((c) => normalizeBoolean(c) === INVALID)).toEqual([]);
    }
    const channels = new Set(cells("contact_type").map((c) => `${c} → ${normalizeChannel(c)}`));
    // This 890-incident subset only holds phone contacts.
    expect([...channels]).toEqual(["Phone → phone"]);
  });
});
