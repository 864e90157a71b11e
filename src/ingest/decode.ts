import { Transform, type TransformCallback } from "node:stream";
import iconv from "iconv-lite";

/** Encodings the importer reads; `auto` sniffs the bytes. */
export const INPUT_ENCODINGS = [
  "auto",
  "utf8",
  "utf8-bom",
  "cp932",
  "shift_jis",
  "utf16le",
  "utf16be",
] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

export interface DetectedEncoding {
  /** iconv-lite name, or "utf8". */
  encoding: "utf8" | "cp932" | "utf16le" | "utf16be";
  bomLength: number;
  /** How it was decided, for --dry-run and --debug. */
  reason: string;
}

/** Bytes looked at before deciding: enough for a header and a few hundred rows. */
export const SNIFF_BYTES = 64 * 1024;

/** True when `buf` is valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(buf: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) return truncated; // a sequence cut off by the end of the sample
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * True when the bytes read as CP932: ASCII, half-width katakana and valid double-byte pairs, with
 * at most one bad pair in twenty (so one corrupt cell doesn't send a Shift_JIS file to UTF-8,
 * where every Japanese cell would be rejected instead of one).
 */
function looksLikeCp932(buf: Uint8Array): boolean {
  let i = 0;
  let pairs = 0;
  let bad = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) {
      i++;
      continue;
    }
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
    if (i + 1 >= buf.length) break; // cut off by the sample
    const t = buf[i + 1] as number;
    if (!lead || t < 0x40 || t === 0x7f || t > 0xfc) {
      bad++;
      i++;
      continue;
    }
    pairs++;
    i += 2;
  }
  return pairs > 0 && bad * 20 <= pairs;
}

/** Decides the encoding of a file from its first bytes. */
export function detectEncoding(sample: Uint8Array, truncated: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: "utf8", bomLength: 3, reason: "UTF-8 byte-order mark" };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe)
    return { encoding: "utf16le", bomLength: 2, reason: "UTF-16LE byte-order mark" };
  if (sample[0] === 0xfe && sample[1] === 0xff)
    return { encoding: "utf16be", bomLength: 2, reason: "UTF-16BE byte-order mark" };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  if (sample.length >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    const n = Math.min(sample.length, 1024) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    if (oddZero > n / 4 && evenZero === 0)
      return { encoding: "utf16le", bomLength: 0, reason: "UTF-16LE pattern (no BOM)" };
    if (evenZero > n / 4 && oddZero === 0)
      return { encoding: "utf16be", bomLength: 0, reason: "UTF-16BE pattern (no BOM)" };
  }
  if (isValidUtf8(sample, truncated)) return { encoding: "utf8", bomLength: 0, reason: "valid UTF-8" };
  if (looksLikeCp932(sample))
    return { encoding: "cp932", bomLength: 0, reason: "not UTF-8; valid Shift_JIS/CP932" };
  return {
    encoding: "utf8",
    bomLength: 0,
    reason: "no encoding fits; read as UTF-8 (invalid bytes become rejects)",
  };
}

/** Resolves a user-declared encoding; BOMs are still skipped when present. */
export function declaredEncoding(name: Exclude<InputEncoding, "auto">, sample: Uint8Array): DetectedEncoding {
  const bom = detectEncoding(sample.subarray(0, 4), true);
  switch (name) {
    case "utf8":
    case "utf8-bom":
      return {
        encoding: "utf8",
        bomLength: bom.encoding === "utf8" ? bom.bomLength : 0,
        reason: "--encoding",
      };
    case "cp932":
    case "shift_jis":
      return { encoding: "cp932", bomLength: 0, reason: "--encoding" };
    case "utf16le":
      return {
        encoding: "utf16le",
        bomLength: bom.encoding === "utf16le" ? bom.bomLength : 0,
        reason: "--encoding",
      };
    case "utf16be":
      return {
        encoding: "utf16be",
        bomLength: bom.encoding === "utf16be" ? bom.bomLength : 0,
        reason: "--encoding",
      };
  }
}

/** U+FFFD: what every decoder here puts where bytes don't fit the encoding. */
export const REPLACEMENT_CHAR = "\uFFFD";

/** Decodes text written in pieces (a character may be split between two); invalid bytes become U+FFFD. */
export interface TextDecoderStream {
  write(b: Buffer): string;
  end(): string | undefined;
}

export function createDecoder(detected: DetectedEncoding): TextDecoderStream {
  if (detected.encoding === "utf8") {
    const td = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
  return iconv.getDecoder(detected.encoding, { stripBOM: false });
}

/**
 * A Transform from bytes to text that sniffs the encoding from the first SNIFF_BYTES (or the whole
 * input if shorter), skips the BOM, then decodes incrementally. Invalid bytes become U+FFFD so the
 * row they sit in can be rejected with its line number, instead of failing the whole file.
 */
export class DecodeStream extends Transform {
  detected: DetectedEncoding | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private decoder: TextDecoderStream | undefined;
  private readonly declared: InputEncoding;
  private readonly onDetect: ((d: DetectedEncoding) => void) | undefined;

  constructor(declared: InputEncoding = "auto", onDetect?: (d: DetectedEncoding) => void) {
    // Object mode on the readable side passes decoded strings through without re-encoding them.
    super({ readableObjectMode: true, decodeStrings: true });
    this.declared = declared;
    this.onDetect = onDetect;
  }

  private start(sample: Buffer, truncated: boolean): void {
    this.detected =
      this.declared === "auto" ? detectEncoding(sample, truncated) : declaredEncoding(this.declared, sample);
    this.onDetect?.(this.detected);
    this.decoder = createDecoder(this.detected);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.decoder) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < SNIFF_BYTES) {
        cb();
        return;
      }
      const all = Buffer.concat(this.pending);
      this.pending = [];
      this.start(all.subarray(0, SNIFF_BYTES), true);
      cb(null, this.decodeFirst(all));
      return;
    }
    cb(null, this.decoder.write(chunk));
  }

  private decodeFirst(all: Buffer): string {
    const bom = this.detected?.bomLength ?? 0;
    return (this.decoder as NonNullable<typeof this.decoder>).write(all.subarray(bom));
  }

  override _flush(cb: TransformCallback): void {
    let out = "";
    if (!this.decoder) {
      const all = Buffer.concat(this.pending);
      this.pending = [];
      this.start(all, false);
      out += this.decodeFirst(all);
    }
    out += (this.decoder as NonNullable<typeof this.decoder>).end() ?? "";
    cb(null, out);
  }
}
