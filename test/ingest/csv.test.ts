import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { detectDelimiter, readRowBatches } from "../../src/ingest/csv.js";

async function rows(text: string, d: "," | "\t" | ";" | "whitespace" = ",") {
  const out: Array<{ fields: string[]; line: number }> = [];
  for await (const batch of readRowBatches(Readable.from([text]), d, "t.csv")) {
    for (const r of batch) out.push({ fields: r.fields, line: r.line });
  }
  return out;
}

describe("delimiter detection", () => {
  it("picks comma, tab, semicolon or whitespace", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n").delimiter).toBe(",");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3\n").delimiter).toBe("\t");
    expect(detectDelimiter("a;b;c\n1;2,5;3\n").delimiter).toBe(";");
    expect(detectDelimiter(" 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n").delimiter).toBe(
      "whitespace",
    );
  });
  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('a;b\n"x,y,z";2\n"1,2,3";4\n').delimiter).toBe(";");
  });
});

describe("readRowBatches", () => {
  it("carries the starting line through quoted newlines, CRLF and blank lines", async () => {
    const r = await rows('id,text\r\n1,"two\r\nlines"\r\n\r\n2,plain\r\n3,"a\nb\nc"\n4,x');
    expect(r.map((x) => [x.fields[0], x.line])).toEqual([
      ["id", 1],
      ["1", 2],
      ["2", 5],
      ["3", 6],
      ["4", 9],
    ]);
    expect(r[1]?.fields[1]).toBe("two\r\nlines");
  });
  it("reads CDNOW's whitespace columns with line numbers", async () => {
    const r = await rows(" 00001 19970101  1   11.77\n\n 00002 19970112  1   12.00", "whitespace");
    expect(r).toEqual([
      { fields: ["00001", "19970101", "1", "11.77"], line: 1 },
      { fields: ["00002", "19970112", "1", "12.00"], line: 3 },
    ]);
  });
  it("an unclosed quote is a DataError naming the file and line", async () => {
    await expect(rows('a,b\n1,"open\n2,3\n')).rejects.toThrow(DataError);
    await expect(rows('a,b\n1,"open\n2,3\n')).rejects.toThrow(/^t\.csv:\d+: a quoted field is never closed/);
  });
});
