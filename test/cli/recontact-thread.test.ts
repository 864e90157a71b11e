import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { measureRecontact, ticketTableFromRecords } from "../../src/analytics/kpi/index.js";
import { RecontactThread } from "../../src/cli/kpi/recontact-thread.js";
import { ticket } from "../analytics/kpi/load-fixture.js";

// The compiled worker (npm test builds first); from the sources the report measures in-process.
const DIST_WORKER = resolve(import.meta.dirname, "../../dist/cli/kpi/recontact-worker.js");
const worker = existsSync(DIST_WORKER) ? pathToFileURL(DIST_WORKER) : null;

const D = 86400;
const T0 = Date.UTC(2025, 0, 6) / 1000;

/** 6,000 tickets of 400 customers and 3 reasons, some open, some merged, some without a customer. */
function table() {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  return ticketTableFromRecords(
    Array.from({ length: 6000 }, (_, k) => {
      const created = T0 + Math.floor(rnd() * 90 * D);
      const status = rnd() < 0.7 ? "solved" : "open";
      return ticket({
        ticket_id: `t${k}`,
        customer_id: rnd() < 0.05 ? null : `c${Math.floor(rnd() * 400)}`,
        reason: ["x", "y", "z"][Math.floor(rnd() * 3)] ?? null,
        created_at: created,
        resolved_at: status === "solved" ? created + Math.floor(rnd() * 5 * D) : null,
        status,
        merged: rnd() < 0.02,
      });
    }),
  );
}

describe("re-contact on a thread", () => {
  it("is not started from the TypeScript sources (the report measures in-process)", () => {
    expect(RecontactThread.start()).toBeUndefined();
  });

  it.skipIf(!worker)("gives the in-process measure, and stops its worker", async () => {
    const t = table();
    const asOf = T0 + 80 * D;
    const want = measureRecontact(t, asOf, 7);
    expect(want.outcome.filter((o) => o === 1).length).toBeGreaterThan(100);
    const thread = RecontactThread.start(worker) as RecontactThread;
    const got = await thread.measure(t, asOf, 7);
    expect(Array.from(got.outcome)).toEqual(Array.from(want.outcome));
    expect(Array.from(got.followUp)).toEqual(Array.from(want.followUp));
  });

  it.skipIf(!worker)("a closed thread answers with an error, not silence", async () => {
    const thread = RecontactThread.start(worker) as RecontactThread;
    thread.close();
    await expect(thread.measure(table(), T0, 7)).rejects.toThrow();
  });
});
