/** The per-customer export (`--customers`) for CRM import: CSV encodings, formula safety, JSON shape. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const tmp = tempDir("supportops-rfm-export-");
afterAll(() => tmp.cleanup());
const BASE = ["rfm", "--orders", "fixtures/rfm/orders.csv", "--as-of", "2025-06-30", "--tz", "Asia/Tokyo"];
const HEADER =
  "customer_id,recency_days,frequency,revenue,average_order_value,coupon_share,r,f,m,rfm,segment,segment_name,lifecycle";

describe("CSV export", () => {
  it("cp932 with Japanese segment names, CRLF lines, and the report untouched on stdout", () => {
    const file = join(tmp.dir, "ja.csv");
    const r = runBin([...BASE, "--scheme", "ja", "--lang", "ja", "--customers", file, "--encoding", "cp932"]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    // 最重要顧客 in CP932 (Shift_JIS): 8DC5 8F64 9776 8CDA 8B71.
    expect(bytes.includes(Buffer.from("8dc58f6497768cda8b71", "hex"))).toBe(true);
    const lines = iconv.decode(bytes, "cp932").split("\r\n");
    expect(lines[0]).toBe(HEADER);
    // C15: 120 days, 8 orders, 80,000; scores R2 F5 M5; top 20% by spend; dormant (> 90 days).
    expect(lines[15]).toBe("C15,120,8,80000,10000,0,2,5,5,255,top_customers,最重要顧客,dormant");
    // C05 has no coupon flag: the share is empty, not 0.
    expect(lines[5]).toBe("C05,15,1,4000,4000,,4,1,2,412,other,その他,new");
    expect(lines).toHaveLength(22); // header, 20 customers, the empty string after the last CRLF
  });

  it("utf8-bom via --customers-encoding, leaving the table on stdout in UTF-8", () => {
    const file = join(tmp.dir, "bom.csv");
    const r = runBin([...BASE, "--customers", file, "--customers-encoding", "utf8-bom"]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").startsWith(HEADER)).toBe(true);
    expect(r.stdout).toContain("Champions");
  });

  it("neutralises ids that a spreadsheet would run as formulas", () => {
    const orders = join(tmp.dir, "formula.csv");
    writeFileSync(
      orders,
      "order_id,customer_id,ordered_at,amount\nX1,=HYPERLINK(1),2025-06-01T10:00:00+09:00,100\nX2,+81-3,2025-06-02T10:00:00+09:00,200\nX3,plain,2025-06-03T10:00:00+09:00,300\n",
    );
    const file = join(tmp.dir, "formula-out.csv");
    const r = runBin(["rfm", "--orders", orders, "--as-of", "2025-06-30", "--customers", file]);
    expect(r.code).toBe(0);
    const ids = readFileSync(file, "utf8")
      .split("\r\n")
      .slice(1, 4)
      .map((l) => l.split(",")[0]);
    expect(ids).toEqual(["'+81-3", "'=HYPERLINK(1)", "plain"]);
  });
});

describe("JSON export", () => {
  it("by extension: an array of records with the CSV's keys in order", () => {
    const file = join(tmp.dir, "c.json");
    expect(runBin([...BASE, "--customers", file]).code).toBe(0);
    const records = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
    expect(records).toHaveLength(20);
    expect(Object.keys(records[0] ?? {}).join(",")).toBe(HEADER);
    expect(records[1]).toEqual({
      customer_id: "C02",
      recency_days: 3,
      frequency: 1,
      revenue: 3000,
      average_order_value: 3000,
      coupon_share: 1,
      r: 5,
      f: 1,
      m: 2,
      rfm: "512",
      segment: "potential_loyalist",
      segment_name: "Potential Loyalist",
      lifecycle: "new",
    });
  });

  it("--customers-format json overrides the extension; a cp932 JSON export is refused", () => {
    const file = join(tmp.dir, "forced.csv");
    expect(runBin([...BASE, "--customers", file, "--customers-format", "json"]).code).toBe(0);
    expect(readFileSync(file, "utf8").startsWith("[\n{")).toBe(true);
    const refused = runBin([
      ...BASE,
      "--customers",
      join(tmp.dir, "x.json"),
      "--customers-encoding",
      "cp932",
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("JSON export");
  });
});
