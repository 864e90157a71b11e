import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import type { DetectedEncoding } from "../../src/ingest/decode.js";
import { packError, packRows, unpackError, unpackRows } from "../../src/ingest/row-codec.js";
import type { Delimiter, SourceRow } from "../../src/ingest/row-parser.js";
import { compiledWorker, readRows } from "../../src/ingest/row-source.js";

// The compiled worker (npm test builds first); vitest itself runs the sources, which parse in-process.
const DIST_WORKER = resolve(import.meta.dirname, "../../dist/ingest/parse-worker.js");
const worker = existsSync(DIST_WORKER) ? pathToFileURL(DIST_WORKER) : null;

const utf8: DetectedEncoding = { encoding: "utf8", bomLength: 0, reason: "" };

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(
  bytes: Buffer,
  opts: { encoding?: DetectedEncoding; delimiter?: Delimiter; size?: number },
  on: URL | null,
): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  const rows = readRows(
    pieces(bytes, opts.size ?? 1 << 20),
    { encoding: opts.encoding ?? utf8, delimiter: opts.delimiter ?? ",", fileLabel: "t.csv" },
    on,
  );
  for await (const batch of rows) out.push(...batch);
  return out;
}

const sample = [
  "id,text,note",
  '1,"two\r\nlines",é',
  "",
  '2,"a ""quoted"", comma",日本語',
  "3,,",
  `4,${"x".repeat(3000)},end`,
].join("\r\n");

describe("row packing between threads", () => {
  it("round-trips cells, widths and lines", () => {
    const rows: SourceRow[] = [
      { fields: ["a", "", "日本"], line: 1 },
      { fields: [""], line: 3 },
      { fields: ["x\r\ny", "🎉"], line: 4 },
      { fields: ["a", "b\uFFFD"], line: 6, replaced: 1 },
    ];
    expect(unpackRows(packRows(rows))).toEqual(rows);
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it("a DataError crosses as a DataError with its message, position and hint", () => {
    const e = unpackError(packError(new DataError("bad quote", { file: "a.csv", line: 7 }, "fix it")));
    expect(e).toBeInstanceOf(DataError);
    expect(e.message).toBe("a.csv:7: bad quote");
    expect((e as DataError).position).toEqual({ file: "a.csv", line: 7 });
    expect((e as DataError).hint).toBe("fix it");
    expect(unpackError(packError(new TypeError("boom"))).message).toMatch(/parser thread failed: boom/);
  });
});

describe("readRows", () => {
  it("runs in-process from the TypeScript sources", () => {
    expect(compiledWorker()).toBeNull();
  });

  for (const on of worker ? [null, worker] : [null]) {
    const where = on ? "on the worker" : "in-process";

    it(`reads rows and lines in small and large pieces (${where})`, async () => {
      const expected = await all(Buffer.from(sample), { size: 1 << 20 }, null);
      expect(expected.map((r) => r.line)).toEqual([1, 2, 5, 6, 7]);
      expect(await all(Buffer.from(sample), { size: 5 }, on)).toEqual(expected);
      expect(await all(Buffer.from(`\uFEFF${sample}`), { size: 2 }, on)).toEqual(expected);
    });

    it(`decodes CP932 and UTF-16, and splits whitespace columns (${where})`, async () => {
      const text = "番号,受付日時\r\nQ-1,令和7年6月1日\r\nQ-2,\r\n";
      const expected = [
        { fields: ["番号", "受付日時"], line: 1 },
        { fields: ["Q-1", "令和7年6月1日"], line: 2 },
        { fields: ["Q-2", ""], line: 3 },
      ];
      const cp932: DetectedEncoding = { encoding: "cp932", bomLength: 0, reason: "" };
      expect(await all(iconv.encode(text, "cp932"), { encoding: cp932, size: 3 }, on)).toEqual(expected);
      const le: DetectedEncoding = { encoding: "utf16le", bomLength: 2, reason: "" };
      expect(
        await all(iconv.encode(text, "utf16le", { addBOM: true }), { encoding: le, size: 3 }, on),
      ).toEqual(expected);
      const cdnow = " 00001 19970101  1   11.77\n\n 00002 19970112  1   12.00\r\n";
      expect(await all(Buffer.from(cdnow), { delimiter: "whitespace", size: 4 }, on)).toEqual([
        { fields: ["00001", "19970101", "1", "11.77"], line: 1 },
        { fields: ["00002", "19970112", "1", "12.00"], line: 3 },
      ]);
    });

    it(`invalid UTF-8 becomes U+FFFD in its cell only (${where})`, async () => {
      const bytes = Buffer.concat([Buffer.from("a,b\n1,"), Buffer.from([0xe3, 0x81]), Buffer.from(",x\n")]);
      const rows = await all(bytes, { size: 7 }, on);
      expect(rows[1]).toEqual({ fields: ["1", "\uFFFD", "x"], line: 2, replaced: 1 });
      expect(rows[0]?.replaced).toBeUndefined();
    });

    it(`an unclosed quote is the same DataError (${where})`, async () => {
      const broken = Buffer.from(`a,b\n${"1,2\n".repeat(20_000)}3,"open\n4,5\n`);
      await expect(all(broken, { size: 4096 }, on)).rejects.toThrow(DataError);
      await expect(all(broken, { size: 4096 }, on)).rejects.toThrow(
        /^t\.csv:20003: a quoted field is never closed/, // the line the file ends on
      );
    });

    it(`stopping early stops the parser (${where})`, async () => {
      const big = Buffer.from(`a,b\n${"1,2\n".repeat(200_000)}`);
      let seen = 0;
      for await (const batch of readRows(
        pieces(big, 64 * 1024),
        { encoding: utf8, delimiter: ",", fileLabel: "t" },
        on,
      )) {
        seen += batch.length;
        if (seen > 20_000) break;
      }
      expect(seen).toBeLessThan(200_001);
    });
  }
});
