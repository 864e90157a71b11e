import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Readable } from "node:stream";
import { DataError } from "../errors.js";
import { DecodeStream, type DetectedEncoding, type InputEncoding } from "./decode.js";

/** An input file (or stdin, "-") opened for one import. */
export interface Source {
  /** As the user wrote it; "-" for stdin. Used in messages. */
  label: string;
  /** Absolute path, or null for stdin. */
  path: string | null;
  fileName: string;
  /** Size in bytes when known (files), for the progress bar. */
  size: number | null;
}

export function describeSource(arg: string, cwd: string): Source {
  if (arg === "-") return { label: "<stdin>", path: null, fileName: "stdin", size: null };
  const path = resolve(cwd, arg);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DataError(`not a file: ${arg}`);
    size = st.size;
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(
      `cannot read ${arg}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`,
    );
  }
  return { label: arg, path, fileName: basename(path), size };
}

/** SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

export interface OpenedText {
  /** Decoded text chunks. */
  text: Readable;
  /** Resolves once the encoding is known (after the first 64 KiB or the end of input). */
  encoding: Promise<DetectedEncoding>;
  /** Bytes read so far (for progress). */
  bytesRead(): number;
  /** SHA-256 of all bytes read; valid once the text stream has ended. */
  sha256(): string;
}

/** Opens a file or stdin as decoded text, hashing the bytes as they pass. */
export function openText(source: Source, stdin: Readable, encoding: InputEncoding): OpenedText {
  const bytes: Readable = source.path ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : stdin;
  const hash = createHash("sha256");
  let read = 0;
  bytes.on("data", (chunk: Buffer) => {
    read += chunk.length;
    hash.update(chunk);
  });
  let resolveEnc: (d: DetectedEncoding) => void = () => {};
  const detected = new Promise<DetectedEncoding>((r) => {
    resolveEnc = r;
  });
  const decoder = new DecodeStream(encoding, (d) => resolveEnc(d));
  bytes.on("error", (err) => decoder.destroy(err));
  bytes.pipe(decoder);
  let digest: string | undefined;
  return {
    text: decoder,
    encoding: detected,
    bytesRead: () => read,
    sha256: () => {
      digest ??= hash.digest("hex");
      return digest;
    },
  };
}
