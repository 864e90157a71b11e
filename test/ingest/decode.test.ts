import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DecodeStream, detectEncoding, isValidUtf8 } from "../../src/ingest/decode.js";

async function decodeAll(bytes: Buffer, chunk = 7, declared: "auto" | "cp932" = "auto"): Promise<string> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const d = new DecodeStream(declared);
  Readable.from(parts).pipe(d);
  let out = "";
  for await (const s of d) out += s as string;
  return out;
}

describe("encoding detection", () => {
  const text = "問い合わせ番号,受付日時\nQ-1,令和7年6月1日\n";
  it("UTF-8 with and without BOM", () => {
    expect(detectEncoding(Buffer.from(text), false)).toMatchObject({ encoding: "utf8", bomLength: 0 });
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), false),
    ).toMatchObject({
      encoding: "utf8",
      bomLength: 3,
    });
  });
  it("CP932 and UTF-16 with BOMs", () => {
    expect(detectEncoding(iconv.encode(text, "cp932"), false).encoding).toBe("cp932");
    expect(detectEncoding(iconv.encode(text, "utf16le", { addBOM: true }), false)).toMatchObject({
      encoding: "utf16le",
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]), false)).toMatchObject({
      encoding: "utf16be",
      bomLength: 2,
    });
  });
  it("a UTF-8 sequence cut by the sample's end is still UTF-8", () => {
    const b = Buffer.from("ab問");
    expect(isValidUtf8(b.subarray(0, 4), true)).toBe(true);
    expect(isValidUtf8(b.subarray(0, 4), false)).toBe(false);
  });
  it("one corrupt pair does not turn a Shift_JIS file into UTF-8", () => {
    const good = iconv.encode("問い合わせ番号,受付日時,ステータス\nQ-1,完了\nQ-2,対応中\n", "cp932");
    const bad = Buffer.concat([good, Buffer.from([0x82, 0x2c])]);
    expect(detectEncoding(bad, false).encoding).toBe("cp932");
  });
});

describe("DecodeStream", () => {
  it("decodes CP932 split at every byte boundary, BOM-less", async () => {
    const text = "チケットID,件名\n1,返品～交換－ﾊﾝｶｸ\n";
    expect(await decodeAll(iconv.encode(text, "cp932"), 1)).toBe(text);
    // CP932's wave dash (0x8160) decodes to the full-width tilde, as Windows does.
    expect(await decodeAll(Buffer.from([0x41, 0x81, 0x60, 0x0a]), 1, "cp932")).toBe("A\uFF5E\n");
  });
  it("strips the BOM of UTF-8 and UTF-16LE", async () => {
    expect(await decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n")]))).toBe(
      "a,b\n",
    );
    expect(await decodeAll(iconv.encode("a\tb\n", "utf16le", { addBOM: true }), 3)).toBe("a\tb\n");
  });
  it("turns invalid bytes into U+FFFD instead of failing", async () => {
    const out = await decodeAll(
      Buffer.concat([iconv.encode("完了,", "cp932"), Buffer.from([0x82, 0x2c]), Buffer.from("x\n")]),
      5,
      "cp932",
    );
    expect(out).toContain("\uFFFD");
    expect(out.startsWith("完了,")).toBe(true);
  });
});
