/**
 * Rows of an export, parsed on a worker thread so that decoding and csv-parse (about half of an
 * import's CPU time) run beside the main thread's converting and writing. The main thread reads
 * the bytes (hashing them as they pass) and keeps at most MAX_IN_FLIGHT pieces with the worker,
 * so memory stays flat whichever side is slower. Rows, line numbers and errors are the same as
 * in-process, which is what runs where the compiled worker is missing (tests run the TypeScript
 * sources).
 */
import { Worker } from "node:worker_threads";
import { compiledWorker as compiled } from "../util/compiled-worker.js";
import type { FromWorker, ToWorker } from "./parse-worker.js";
import { unpackError, unpackRows } from "./row-codec.js";
import { RowParser, type RowParserOptions, type SourceRow } from "./row-parser.js";

/**
 * Pieces (256 KiB each, see source.ts) sent to the worker and not yet answered. The main thread
 * reads the next pieces only between batches, so the worker needs a few MiB of work queued to
 * stay busy while a batch is written.
 */
const MAX_IN_FLIGHT = 16;

const COMPILED_WORKER = new URL("./parse-worker.js", import.meta.url);

/** The compiled worker next to this module, or null (running from the TypeScript sources). */
export const compiledWorker = (): URL | null => compiled(COMPILED_WORKER);

/**
 * Batches of rows (one per piece of input) from the bytes of a file. `worker`: the worker script,
 * or null to parse in-process. Stopping early (return()) stops the worker and the input.
 */
export function readRows(
  chunks: AsyncIterable<Buffer>,
  opts: RowParserOptions,
  worker: URL | null = compiledWorker(),
): AsyncGenerator<SourceRow[]> {
  return worker ? parseOnWorker(worker, chunks, opts) : parseInProcess(chunks, opts);
}

async function* parseInProcess(
  chunks: AsyncIterable<Buffer>,
  opts: RowParserOptions,
): AsyncGenerator<SourceRow[]> {
  const parser = new RowParser(opts);
  for await (const chunk of chunks) {
    const rows = parser.write(chunk);
    if (rows.length > 0) yield rows;
  }
  const rows = parser.end();
  if (rows.length > 0) yield rows;
}

async function* parseOnWorker(
  script: URL,
  chunks: AsyncIterable<Buffer>,
  opts: RowParserOptions,
): AsyncGenerator<SourceRow[]> {
  const worker = new Worker(script, { workerData: opts });
  const inbox: FromWorker[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let finished = false;
  worker.on("message", (m: FromWorker) => {
    inbox.push(m);
    notify();
  });
  worker.on("error", (err) => {
    failure ??= err;
    notify();
  });
  worker.on("exit", (code) => {
    if (!finished) failure ??= new Error(`the CSV parser thread stopped unexpectedly (exit code ${code})`);
    notify();
  });

  const input = chunks[Symbol.asyncIterator]();
  let sent = 0;
  let answered = 0;
  let inputDone = false;
  let pumping = false;
  // Reads ahead and posts pieces while the worker holds fewer than MAX_IN_FLIGHT.
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (!inputDone && !finished && sent - answered < MAX_IN_FLIGHT) {
        const next = await input.next();
        if (finished) break;
        inputDone = next.done === true;
        if (next.done) worker.postMessage({ type: "end" } satisfies ToWorker);
        else {
          // A copy of just these bytes, handed over (cloning a Buffer would copy its whole pool).
          const data = new Uint8Array(next.value);
          worker.postMessage({ type: "chunk", data } satisfies ToWorker, [data.buffer]);
        }
        sent++;
      }
    } catch (err) {
      failure ??= err;
      notify();
    } finally {
      pumping = false;
    }
  };

  try {
    void pump();
    for (;;) {
      // Referenced only while waiting for it: a generator left unfinished by mistake cannot keep
      // the process alive.
      worker.ref();
      while (inbox.length === 0 && failure === null) await new Promise<void>((r) => (wake = r));
      worker.unref();
      const m = inbox.shift();
      if (!m) throw failure;
      answered++;
      if (m.type === "error") throw unpackError(m.error);
      void pump();
      const rows = unpackRows(m.rows);
      if (rows.length > 0) yield rows;
      if (m.type === "done") return;
    }
  } finally {
    finished = true;
    await worker.terminate();
    // Not awaited: a read in progress (stdin) may take a while; the input closes after it.
    input.return?.()?.catch(() => {});
  }
}
