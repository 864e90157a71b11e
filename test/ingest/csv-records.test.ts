import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { CsvRecords, csvParseTunable } from "../../src/ingest/csv-records.js";

type Row = { fields: string[]; line: number };

/** Parses `text` given as the pieces `cuts` splits it into. */
function records(text: string | Buffer, cuts: number[] = [], delimiter: "," | ";" = ","): Row[] {
  const out: Row[] = [];
  const csv = new CsvRecords(delimiter, "t.csv", (fields, line) => out.push({ fields, line }));
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    csv.write(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  csv.write(bytes.subarray(at));
  csv.end();
  return out;
}

/**
 * What the importer did before CsvRecords: csv-parse with all three record delimiters and each
 * record's raw text, lines counted from the raw text (LF, CRLF and lone CR once each; csv-parse
 * leaves the LF of a CRLF terminator out of `raw`).
 */
function reference(text: string): Row[] {
  const recs = parse(text, {
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    raw: true,
    bom: true,
    skip_empty_lines: false,
  }) as unknown as Array<{ record: string[]; raw: string }>;
  const breaks = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "\n" || (s[i] === "\r" && s[i + 1] !== "\n")) n++;
    }
    return n;
  };
  let line = 1;
  const out: Row[] = [];
  for (const r of recs) {
    const start = line;
    line += breaks(r.raw);
    if (r.record.length === 1 && r.record[0] === "") continue;
    out.push({ fields: r.record, line: start });
  }
  return out;
}

describe("CsvRecords", () => {
  it("tunes the installed csv-parse (its internals are the ones the fast paths expect)", () => {
    expect(csvParseTunable()).toBe(true);
  });

  it("numbers lines through quoted LF, CRLF and CR, blank lines, in LF, CRLF and CR files", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["id,text", '1,"a\nb"', '2,"c\r\nd"', "", '3,"e\rf"', "4,plain", ""].join(eol);
      const rows = records(text);
      expect(
        rows.map((r) => [r.fields[0], r.line]),
        JSON.stringify(eol),
      ).toEqual([
        ["id", 1],
        ["1", 2],
        ["2", 4],
        ["3", 7],
        ["4", 9],
      ]);
      expect(rows[2]?.fields[1]).toBe("c\r\nd");
      expect(rows).toEqual(reference(text));
    }
  });

  it("notices a line ending of another kind after the first piece", () => {
    const head = `a,b\n${"1,x\n".repeat(50)}`;
    const lfThenCrlf = `${head}2,y\r\n3,z\r4,w\n`;
    expect(records(lfThenCrlf, [head.length])).toEqual(reference(lfThenCrlf));
    expect(records(lfThenCrlf, [head.length]).at(-3)?.fields).toEqual(["2", "y"]);
    const crlf = `a,b\r\n${"1,x\r\n".repeat(50)}`;
    const crlfThenLf = `${crlf}2,y\n3,z\r\n4,"q\nr"\r\n5,v\r`;
    expect(records(crlfThenLf, [crlf.length])).toEqual(reference(crlfThenLf));
    // A CRLF split between two pieces is still one line break.
    expect(records(crlf, [crlf.length - 1, 7])).toEqual(reference(crlf));
  });

  it("gives the rows and lines of csv-parse with all three line endings, however the bytes arrive", () => {
    const field = fc.oneof(
      fc.constantFrom("", "x", "long value", "ü", "日本"),
      fc
        .array(fc.constantFrom("a", ",", '""', "\n", "\r\n", "\r", " ", "é"), { maxLength: 6 })
        .map((p) => `"${p.join("")}"`),
    );
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(","));
    const file = fc
      .tuple(fc.array(fc.tuple(row, eol), { maxLength: 12 }), fc.boolean())
      .map(([rows, bom]) => (bom ? "\uFEFF" : "") + rows.map(([r, e]) => r + e).join(""));
    fc.assert(
      fc.property(file, fc.array(fc.nat(200), { maxLength: 6 }), (text, cuts) => {
        expect(records(text, cuts)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it("skips a UTF-8 byte-order mark only (FF FE is not taken for UTF-16)", () => {
    expect(records("\uFEFFa,b\n1,2\n")[0]?.fields).toEqual(["a", "b"]);
    const ffFe = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n1,2\n")]);
    expect(records(ffFe)[0]?.fields).toEqual(["\uFFFD\uFFFDa", "b"]);
  });

  it("structural errors are DataErrors with the file and line", () => {
    expect(() => records('a,b\n1,"open\n2,3\n', [6])).toThrow(DataError);
    expect(() => records('a,b\n1,"open\n2,3\n')).toThrow(/^t\.csv:\d+: a quoted field is never closed/);
    expect(() => records('a,b\n1,2\n3,x"y\n')).toThrow(/^t\.csv:3: a quote is found on field 1 at line 3/);
  });
});
