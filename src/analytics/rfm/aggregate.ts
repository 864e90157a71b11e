import type { OrderRecord } from "../../domain/records.js";
import { compareCustomerIds } from "./customer-order.js";
import type { CustomerAggregate } from "./types.js";

/** Per-order coupon state: nothing known yet, flagged false on every line so far, or true on a line. */
const COUPON_UNKNOWN = 0;
const COUPON_FALSE = 1;
const COUPON_TRUE = 2;

/**
 * Sums orders (or order lines) per customer, counting only those at or before `asOf`.
 * Frequency counts distinct order ids per customer: lines sharing an order id are one order, and
 * separate orders on the same day are separate orders. An order counts as couponed when any of its
 * lines has the coupon flag. The result is sorted by customer id (code units).
 */
export function aggregateOrders(orders: Iterable<OrderRecord>, asOf: number): CustomerAggregate[] {
  const customerIndex = new Map<string, number>();
  const aggregates: CustomerAggregate[] = [];
  // One slot per distinct order; a Map from order id to slot avoids building composite keys per row.
  const slotOfOrder = new Map<string, number>();
  // Order ids that two customers share (rare): keyed by customer index and order id.
  const slotOfSharedOrder = new Map<string, number>();
  let slotCustomer = new Int32Array(1 << 12);
  let slotCoupon = new Uint8Array(1 << 12);
  let slots = 0;

  for (const order of orders) {
    if (order.ordered_at > asOf) continue;
    let ci = customerIndex.get(order.customer_id);
    let agg: CustomerAggregate | undefined;
    if (ci === undefined) {
      ci = aggregates.length;
      customerIndex.set(order.customer_id, ci);
      agg = {
        customer_id: order.customer_id,
        first_ordered_at: order.ordered_at,
        last_ordered_at: order.ordered_at,
        orders: 0,
        revenue: 0,
        coupon_orders: 0,
        coupon_flagged_orders: 0,
      };
      aggregates.push(agg);
    } else {
      agg = aggregates[ci] as CustomerAggregate;
      if (order.ordered_at < agg.first_ordered_at) agg.first_ordered_at = order.ordered_at;
      if (order.ordered_at > agg.last_ordered_at) agg.last_ordered_at = order.ordered_at;
    }
    agg.revenue += order.amount;

    let slot = slotOfOrder.get(order.order_id);
    if (slot !== undefined && slotCustomer[slot] !== ci) {
      const sharedKey = `${ci}\u0000${order.order_id}`;
      slot = slotOfSharedOrder.get(sharedKey);
      if (slot === undefined) {
        slot = slots;
        slotOfSharedOrder.set(sharedKey, slot);
      }
    }
    if (slot === undefined) {
      slot = slots;
      slotOfOrder.set(order.order_id, slot);
    }
    if (slot === slots) {
      if (slots === slotCustomer.length) {
        slotCustomer = grow(slotCustomer, new Int32Array(slots * 2));
        slotCoupon = grow(slotCoupon, new Uint8Array(slots * 2));
      }
      slotCustomer[slot] = ci;
      slots++;
      agg.orders++;
    }

    const flag = order.coupon_used;
    if (flag !== null) {
      const before = slotCoupon[slot];
      if (before === COUPON_UNKNOWN) agg.coupon_flagged_orders++;
      if (flag && before !== COUPON_TRUE) {
        agg.coupon_orders++;
        slotCoupon[slot] = COUPON_TRUE;
      } else if (before === COUPON_UNKNOWN) {
        slotCoupon[slot] = COUPON_FALSE;
      }
    }
  }
  return aggregates.sort((a, b) => compareCustomerIds(a.customer_id, b.customer_id));
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
