/**
 * Deterministic generators for benchmark inputs (a seeded PRNG, so every run sees the same data).
 * Files are written streamed and cached in bench/.work/ by name.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const WORK_DIR = resolve(import.meta.dirname, "../.work");

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ["email", "phone", "chat", "web_form", "messaging", "self_service"];
const STATUSES = ["solved", "closed", "closed", "solved", "open", "pending"];
const PRIORITIES = ["low", "normal", "normal", "high", "urgent"];
const REASONS = ["billing", "login", "shipping", "refund", "account", "bug", "howto", "cancel"];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function stamp(sec: number): string {
  const d = new Date(sec * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const TICKET_HEADER =
  "ticket_id,created_at,first_response_at,resolved_at,status,channel,priority,agent,group_name,customer_id,reason,reopen_count,agent_replies\n";

async function writeLines(
  path: string,
  header: string,
  rows: number,
  line: (i: number) => string,
): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  out.write(header);
  let buf = "";
  for (let i = 0; i < rows; i++) {
    buf += line(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(tmp, path);
  return path;
}

/** A ticket export of `rows` rows (about 125 bytes each), created over 2025 (times in UTC). */
export function generateTickets(rows: number, name = `tickets-${rows}.csv`): Promise<string> {
  const rnd = prng(20251123);
  const start = Date.UTC(2025, 0, 1) / 1000;
  const span = 365 * 86400;
  return writeLines(join(WORK_DIR, name), TICKET_HEADER, rows, (i) => {
    const created = start + Math.floor(rnd() * span);
    const frt = Math.floor(rnd() * rnd() * 86400 * 2);
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)] as string;
    const done = status === "solved" || status === "closed";
    const resolved = done ? stamp(created + frt + Math.floor(rnd() * rnd() * 86400 * 10)) : "";
    return `${100000000 + i},${stamp(created)},${stamp(created + frt)},${resolved},${status},${CHANNELS[Math.floor(rnd() * CHANNELS.length)]},${PRIORITIES[Math.floor(rnd() * PRIORITIES.length)]},agent${Math.floor(rnd() * 200)},group${Math.floor(rnd() * 12)},C${Math.floor(rnd() * 150000)},${REASONS[Math.floor(rnd() * REASONS.length)]},${rnd() < 0.08 ? 1 : 0},${1 + Math.floor(rnd() * rnd() * 6)}\n`;
  });
}

export const ORDER_HEADER = "order_id,customer_id,ordered_at,amount,quantity,coupon_used\n";

/**
 * Orders from `customers` customers with individual purchase rates (a gamma-ish mix), so that
 * RFM quantiles and BG/NBD fits see realistic skew. Dates over 2024–2025.
 */
export function generateOrders(
  rows: number,
  customers: number,
  name = `orders-${rows}-${customers}.csv`,
): Promise<string> {
  const rnd = prng(19970101);
  const start = Date.UTC(2024, 0, 1) / 1000;
  const span = 730 * 86400;
  // Each customer's first order day and rate, drawn lazily in id order.
  const first = new Float64Array(customers);
  const weight = new Float64Array(customers);
  let total = 0;
  for (let c = 0; c < customers; c++) {
    first[c] = start + Math.floor(rnd() * span * 0.8);
    const w = (-Math.log(1 - rnd())) ** 2;
    weight[c] = w;
    total += w;
  }
  // Cumulative weights for sampling a customer per order.
  const cum = new Float64Array(customers);
  let acc = 0;
  for (let c = 0; c < customers; c++) {
    acc += (weight[c] as number) / total;
    cum[c] = acc;
  }
  const pick = (u: number) => {
    let lo = 0;
    let hi = customers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return writeLines(join(WORK_DIR, name), ORDER_HEADER, rows, (i) => {
    // The first `customers` orders give every customer at least one order.
    const c = i < customers ? i : pick(rnd());
    const f = first[c] as number;
    const t = i < customers ? f : f + Math.floor(rnd() * (start + span - f));
    const amount = (5 + Math.floor(rnd() * rnd() * 300) + rnd()).toFixed(2);
    return `O${i},C${c},${stamp(t)},${amount},${1 + Math.floor(rnd() * 3)},${rnd() < 0.2 ? "TRUE" : "FALSE"}\n`;
  });
}
