/**
 * Re-contact on a second thread. It is the one measure that needs the tickets in customer order
 * (a counting sort that scatters a million rows across memory, about a fifth of a report's CPU
 * time), and it reads none of the others: so a worker measures it while the main thread measures
 * durations, SLA and rates. The worker starts before the tickets are read, so that its start-up
 * overlaps the read; it gets a copy of the seven columns re-contact reads. Small tables are
 * measured in-process: a thread costs more than it saves there.
 */
import { Worker } from "node:worker_threads";
import type { RecontactColumns, RecontactMeasure } from "../../analytics/kpi/recontact.js";
import type { TicketTable } from "../../analytics/kpi/ticket-table.js";
import { compiledWorker } from "../../util/compiled-worker.js";
import type { RecontactJob, RecontactReply } from "./recontact-worker.js";

/** Below this many tickets re-contact is measured in-process. */
export const THREAD_MIN_TICKETS = 100_000;

const SCRIPT = new URL("./recontact-worker.js", import.meta.url);

export class RecontactThread {
  private readonly worker: Worker;
  private readonly reply: Promise<RecontactMeasure>;

  private constructor(script: URL) {
    this.worker = new Worker(script);
    // Never keeps the process alive by itself: the main thread awaits the reply when it needs it.
    this.worker.unref();
    this.reply = new Promise((resolve, reject) => {
      this.worker.once("message", (r: RecontactReply) =>
        r.ok ? resolve({ outcome: r.outcome, followUp: r.followUp }) : reject(new Error(r.message)),
      );
      this.worker.once("error", reject);
      this.worker.once("exit", (code) =>
        reject(new Error(`the re-contact thread stopped (exit code ${code})`)),
      );
    });
    // Until measure() is called nobody awaits the reply: a failure then must not be unhandled.
    this.reply.catch(() => {});
  }

  /** Starts the worker, or returns undefined where it cannot run (from the TypeScript sources). */
  static start(script: URL | null = compiledWorker(SCRIPT)): RecontactThread | undefined {
    return script ? new RecontactThread(script) : undefined;
  }

  /** Sends the job (the columns are copied); the measure arrives when the worker is done. */
  measure(t: TicketTable, asOf: number, windowDays: number): Promise<RecontactMeasure> {
    const columns: RecontactColumns = {
      length: t.length,
      customer: { codes: t.customer.codes, values: { length: t.customer.values.length } },
      reason: { codes: t.reason.codes },
      createdAt: t.createdAt,
      merged: t.merged,
      status: t.status,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
    };
    this.worker.ref();
    this.worker.postMessage({ columns, asOf, windowDays } satisfies RecontactJob);
    return this.reply.finally(() => this.close());
  }

  close(): void {
    void this.worker.terminate();
  }
}
