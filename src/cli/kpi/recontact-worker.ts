/**
 * Re-contact measured on its own thread while the main thread measures everything else
 * (recontact-thread.ts). One job per worker.
 */
import { parentPort } from "node:worker_threads";
import { measureRecontact, type RecontactColumns } from "../../analytics/kpi/recontact.js";

export interface RecontactJob {
  columns: RecontactColumns;
  asOf: number;
  windowDays: number;
}

export type RecontactReply =
  | { ok: true; outcome: Int8Array; followUp: Int32Array }
  | { ok: false; message: string };

const port = parentPort;
port?.once("message", (job: RecontactJob) => {
  let reply: RecontactReply;
  try {
    const m = measureRecontact(job.columns, job.asOf, job.windowDays);
    reply = { ok: true, outcome: m.outcome, followUp: m.followUp };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(
    reply,
    reply.ok ? [reply.outcome.buffer as ArrayBuffer, reply.followUp.buffer as ArrayBuffer] : [],
  );
});
