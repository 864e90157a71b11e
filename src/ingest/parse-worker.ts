/**
 * The parse worker: decodes and splits an export on its own thread while the main thread
 * converts and writes the rows before them (see row-source.ts). One reply per message, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type PackedError, type PackedRows, packError, RowPacker, transferables } from "./row-codec.js";
import { RowParser, type RowParserOptions } from "./row-parser.js";

export type ToWorker = { type: "chunk"; data: Uint8Array } | { type: "end" };
export type FromWorker = { type: "rows" | "done"; rows: PackedRows } | { type: "error"; error: PackedError };

const port = parentPort;
if (port) {
  const parser = new RowParser(workerData as RowParserOptions, new RowPacker());
  port.on("message", (m: ToWorker) => {
    let reply: FromWorker;
    try {
      const rows =
        m.type === "chunk"
          ? parser.write(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength))
          : parser.end();
      reply = { type: m.type === "chunk" ? "rows" : "done", rows };
    } catch (err) {
      reply = { type: "error", error: packError(err) };
    }
    port.postMessage(reply, reply.type === "error" ? [] : transferables(reply.rows));
  });
}
