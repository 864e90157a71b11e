import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Readable } from "node:stream";
import { DataError } from "../errors.js";

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

export interface OpenedBytes {
  /** The bytes, in pieces of up to 256 KiB; hashed and counted as they are read. */
  chunks: AsyncIterable<Buffer>;
  /** Bytes read so far (for progress). */
  bytesRead(): number;
  /** SHA-256 of all bytes read; valid once `chunks` has been read to the end. */
  sha256(): string;
}

/** Opens a file or stdin as bytes, hashing them as they pass. */
export function openBytes(source: Source, stdin: Readable): OpenedBytes {
  const hash = createHash("sha256");
  let read = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    // 256 KiB: each piece becomes a batch of rows alive at once; 1 MiB batches took 100 MB more memory.
    const bytes: Readable = source.path ? createReadStream(source.path, { highWaterMark: 1 << 18 }) : stdin;
    for await (const c of bytes as AsyncIterable<Buffer | string>) {
      const chunk = typeof c === "string" ? Buffer.from(c) : c;
      read += chunk.length;
      hash.update(chunk);
      yield chunk;
    }
  }
  let digest: string | undefined;
  return {
    chunks: chunks(),
    bytesRead: () => read,
    sha256: () => {
      digest ??= hash.digest("hex");
      return digest;
    },
  };
}
