import { describe, expect, it } from "vitest";
import { createDateParser } from "../../src/ingest/normalize/index.js";
import { freshdeskSurvey } from "../../src/ingest/profiles/surveys.js";
import { type TruncationRule, truncationNotice, truncationWarning } from "../../src/ingest/trailer.js";

const rule = freshdeskSurvey.truncationNotice as TruncationRule;
const dates = createDateParser({ timeZone: "UTC", dateOrder: "ymd" });
const isDate = (c: string) => typeof dates.parse(c) === "number";
const notice = (...fields: string[]) => truncationNotice({ fields, line: 9 }, rule, isDate);

describe("truncationNotice", () => {
  it("the Freshdesk survey profile declares 50,000 responses", () => {
    expect(rule).toMatchObject({ vendor: "Freshdesk", limit: 50_000, records: "responses" });
  });

  it("a sentence mentioning the limit or a cut-short export", () => {
    for (const text of [
      "Only the first 50,000 responses were exported",
      "Export limited to 50.000 rows",
      "Maximum 50 000 records",
      "The report has been truncated.",
      "Not all responses are included",
      "アンケートは５万件までエクスポートされます",
      "上限に達したため一部のみ出力しました",
    ]) {
      expect(notice(text), text).toEqual({ line: 9, limit: 50_000, text });
    }
    // Split at unquoted commas and padded with empty cells: the cells joined again.
    expect(notice("Only the first 50", "000 responses", "", "")?.text).toBe(
      "Only the first 50,000 responses",
    );
  });

  it("nothing else", () => {
    expect(notice("Exported by admin@example.com")).toBeNull(); // no limit
    expect(notice("Showing 5,000 responses")).toBeNull(); // another number
    expect(notice("2025-06-01 10:00:00", "limit")).toBeNull(); // a date first
    expect(notice("", "Only the first 50,000 responses")).toBeNull(); // not in the first cell
    expect(notice("50000")).toBeNull(); // no words
    expect(notice("limit", "b", "c", "d")).toBeNull(); // four cells: a data row
    expect(notice("")).toBeNull();
  });

  it("the warning", () => {
    const n = notice("Only the first 50,000 responses") as NonNullable<ReturnType<typeof notice>>;
    expect(truncationWarning(n, rule, 50_000)).toBe(
      "the export ends with Freshdesk's truncation notice (line 9; neither imported nor rejected): it holds at most 50,000 responses (this file has 50,000) and the rest were left out; export a shorter date range to get the rest",
    );
  });
});
