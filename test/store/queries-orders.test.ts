import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openStore } from "../../src/store/db.js";
import {
  currentDormancyStage,
  customerSupportCounts,
  hasTable,
  surveysOfCustomer,
  ticketsOfCustomer,
} from "../../src/store/queries/customers.js";
import { customerAggregates, latestOrderAt, ordersOfCustomer } from "../../src/store/queries/orders.js";

const DAY = 86400;
const T0 = 1_750_000_000; // an arbitrary instant; every time below is relative to it

let db: Db;

function addImport(kind: string): number {
  const r = db
    .prepare(
      `INSERT INTO imports (kind, file_name, sha256, profile, imported_at, rows_read, inserted, updated,
         unchanged, rejected, collapsed, seconds, tool_version)
       VALUES (?, 'test', 'x', 'test', 0, 0, 0, 0, 0, 0, 0, 0, 'test')`,
    )
    .run(kind);
  return Number(r.lastInsertRowid);
}

function addOrder(id: string, customer: string, at: number, amount: number, coupon: 0 | 1 | null): void {
  const imp = addImport("orders");
  db.prepare(
    `INSERT INTO orders (order_id, customer_id, ordered_at, amount, coupon_used, import_id, first_import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, customer, at, amount, coupon, imp, imp);
}

interface TicketSeed {
  id: string;
  customer: string | null;
  reason: string | null;
  created: number;
  resolved?: number | null;
  closed?: number | null;
  status?: string | null;
  merged?: 0 | 1 | null;
}

function addTicket(t: TicketSeed): void {
  const imp = addImport("tickets");
  db.prepare(
    `INSERT INTO tickets (ticket_id, customer_id, reason, created_at, resolved_at, closed_at, status, merged,
       import_id, first_import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    t.id,
    t.customer,
    t.reason,
    t.created,
    t.resolved ?? null,
    t.closed ?? null,
    t.status === undefined ? "solved" : t.status,
    t.merged ?? null,
    imp,
    imp,
  );
}

function addSurvey(
  id: string,
  ticket: string | null,
  customer: string | null,
  at: number | null,
  kind: string,
  score: number,
  scale: [number, number] = [1, 5],
): void {
  const imp = addImport("surveys");
  db.prepare(
    `INSERT INTO surveys (response_id, ticket_id, customer_id, responded_at, kind, score, scale_min, scale_max,
       import_id, first_import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ticket, customer, at, kind, score, scale[0], scale[1], imp, imp);
}

beforeEach(() => {
  db = openStore({ path: ":memory:" });
});
afterEach(() => db.close());

describe("customerAggregates", () => {
  it("groups orders per customer up to as-of, in binary id order", () => {
    addOrder("a1", "B", T0, 100, 0);
    addOrder("a2", "B", T0 + 5 * DAY, 50.5, 1);
    addOrder("a3", "B", T0 + 9 * DAY, 999, 1); // after as-of: left out
    addOrder("a4", "A", T0 + DAY, 20, null);
    addOrder("a5", "10", T0 + 2 * DAY, 7, 0);
    addOrder("a6", "9", T0 + 3 * DAY, 8, null);
    const asOf = T0 + 8 * DAY;
    expect(customerAggregates(db, asOf)).toEqual([
      // "10" < "9" < "A" < "B" by code units
      {
        customer_id: "10",
        first_ordered_at: T0 + 2 * DAY,
        last_ordered_at: T0 + 2 * DAY,
        orders: 1,
        revenue: 7,
        coupon_orders: 0,
        coupon_flagged_orders: 1,
      },
      {
        customer_id: "9",
        first_ordered_at: T0 + 3 * DAY,
        last_ordered_at: T0 + 3 * DAY,
        orders: 1,
        revenue: 8,
        coupon_orders: 0,
        coupon_flagged_orders: 0,
      },
      {
        customer_id: "A",
        first_ordered_at: T0 + DAY,
        last_ordered_at: T0 + DAY,
        orders: 1,
        revenue: 20,
        coupon_orders: 0,
        coupon_flagged_orders: 0,
      },
      {
        customer_id: "B",
        first_ordered_at: T0,
        last_ordered_at: T0 + 5 * DAY,
        orders: 2,
        revenue: 150.5,
        coupon_orders: 1,
        coupon_flagged_orders: 2,
      },
    ]);
  });

  it("an order exactly at as-of counts; none before gives an empty list", () => {
    addOrder("a1", "A", T0, 10, null);
    expect(customerAggregates(db, T0)).toHaveLength(1);
    expect(customerAggregates(db, T0 - 1)).toEqual([]);
  });

  it("latestOrderAt and ordersOfCustomer", () => {
    expect(latestOrderAt(db)).toBeNull();
    addOrder("x2", "A", T0 + DAY, 10, 1);
    addOrder("x1", "A", T0, 5, null);
    addOrder("y1", "B", T0 + 2 * DAY, 1, 0);
    expect(latestOrderAt(db)).toBe(T0 + 2 * DAY);
    expect(ordersOfCustomer(db, "A").map((o) => [o.order_id, o.amount, o.coupon_used])).toEqual([
      ["x1", 5, null],
      ["x2", 10, true],
    ]);
  });
});

describe("customerSupportCounts", () => {
  const asOf = T0 + 30 * DAY;
  const counts = () => customerSupportCounts(db, { asOf, recontactWindowDays: 7 });

  it("re-contact: next ticket of the same customer and reason within the window after resolution", () => {
    // A/billing: t1 resolved day 1, t2 created day 7 (≤ day 8) → t1 re-contacted;
    // t2 resolved day 7, t3 created day 20 (> day 14) → not; t3's window closed by day 27 → counted.
    addTicket({ id: "t1", customer: "A", reason: "billing", created: T0, resolved: T0 + DAY });
    addTicket({ id: "t2", customer: "A", reason: "billing", created: T0 + 7 * DAY, resolved: T0 + 7 * DAY });
    addTicket({
      id: "t3",
      customer: "A",
      reason: "billing",
      created: T0 + 20 * DAY,
      resolved: T0 + 20 * DAY,
    });
    // A/login: resolved day 25, window open until day 32 > as-of → left out of the base.
    addTicket({ id: "t4", customer: "A", reason: "login", created: T0 + 25 * DAY, resolved: T0 + 25 * DAY });
    // A: an open ticket (not resolved), a merged one, and one after as-of: only the open one counts as a ticket.
    addTicket({ id: "t5", customer: "A", reason: "billing", created: T0 + 2 * DAY, status: "open" });
    addTicket({ id: "t6", customer: "A", reason: "refund", created: T0 + 3 * DAY, merged: 1 });
    addTicket({ id: "t7", customer: "A", reason: "login", created: T0 + 31 * DAY, resolved: T0 + 31 * DAY });
    const a = counts().get("A");
    // Billing run by creation: t1 (day 0), t5 (day 2, open), t2 (day 7), t3 (day 20).
    // Base: t1 (its next, t5, came on day 2 ≤ day 8: re-contacted), t2 (t3 on day 20 > day 14) and t3
    // (window closed on day 27); t4 is left out (window open past as-of).
    expect(a).toEqual({ tickets: 5, recontactBase: 3, recontacted: 1, csatRated: 0, csatPositive: 0 });
  });

  it("no status: resolved when a resolved or closed time exists; the close stands in for the solve", () => {
    addTicket({ id: "u1", customer: "B", reason: "r", created: T0, closed: T0 + DAY, status: null });
    addTicket({ id: "u2", customer: "B", reason: "r", created: T0 + 5 * DAY, status: null });
    // u1 ends day 1, u2 created day 5 ≤ day 8 → re-contacted; u2 unresolved → not in the base.
    expect(counts().get("B")).toMatchObject({ tickets: 2, recontactBase: 1, recontacted: 1 });
  });

  it("CSAT: credited to the ticket's customer first; top quarter positive; binary top answer", () => {
    addTicket({ id: "k1", customer: "C", reason: null, created: T0 });
    addSurvey("s1", "k1", "Z", T0 + DAY, "csat", 4); // ticket's customer C wins over Z
    addSurvey("s2", null, "C", T0 + DAY, "csat", 3);
    addSurvey("s3", null, "C", null, "csat", 1, [0, 1]); // binary Good
    addSurvey("s4", null, "C", T0 + DAY, "nps", 10, [0, 10]); // not CSAT
    addSurvey("s5", null, "C", asOf + 1, "csat", 5); // after as-of
    addSurvey("s6", null, "C", T0, "csat", 9); // off its scale
    addSurvey("s7", null, "D", T0, "csat", 5); // a customer with answers only
    const all = counts();
    expect(all.get("C")).toEqual({
      tickets: 1,
      recontactBase: 0,
      recontacted: 0,
      csatRated: 3,
      csatPositive: 2,
    });
    expect(all.get("D")).toEqual({
      tickets: 0,
      recontactBase: 0,
      recontacted: 0,
      csatRated: 1,
      csatPositive: 1,
    });
    expect(all.has("Z")).toBe(false);
  });

  it("the customer view's tickets and answers include answers about the customer's tickets", () => {
    addTicket({ id: "k2", customer: "E", reason: "x", created: T0 + DAY });
    addTicket({ id: "k1", customer: "E", reason: "x", created: T0 });
    addSurvey("s1", "k1", null, T0 + 2 * DAY, "csat", 5);
    addSurvey("s2", null, "E", T0 + DAY, "ces", 6, [1, 7]);
    addSurvey("s3", null, "F", T0, "csat", 5);
    expect(ticketsOfCustomer(db, "E").map((t) => t.ticket_id)).toEqual(["k1", "k2"]);
    expect(surveysOfCustomer(db, "E").map((s) => s.response_id)).toEqual(["s2", "s1"]);
  });
});

describe("currentDormancyStage", () => {
  it("is the latest open alert's stage; cleared alerts do not count", () => {
    expect(hasTable(db, "dormant_alerts")).toBe(true);
    const insert = db.prepare(
      `INSERT INTO dormant_alerts (customer_id, stage, method, last_order_day, last_order_date, as_of_day, as_of,
         alerted_at, cleared_at) VALUES (?, ?, 'fixed', 100, '1970-04-11', ?, 'x', 0, ?)`,
    );
    insert.run("A", "watch", 130, null);
    insert.run("A", "intervene", 145, null);
    insert.run("B", "dormant", 190, 1);
    expect(currentDormancyStage(db, "A")).toBe("intervene");
    expect(currentDormancyStage(db, "B")).toBeNull();
    expect(currentDormancyStage(db, "nobody")).toBeNull();
  });

  it("is null on a store without the table", () => {
    db.exec("DROP TABLE dormant_alerts");
    expect(currentDormancyStage(db, "A")).toBeNull();
  });
});
