/**
 * Dormancy core benchmark: 100,000 generated customers with about 1,000,000 orders, simulated
 * from a BG/NBD process with a seeded generator (same data every run). Prints the time to pack
 * the history, summarise, fit BG/NBD (target < 2 s) and score every customer with the auto
 * method (target < 1 s), the recovered parameters, the cost of building every reason sentence
 * (only `--all` needs them all), and peak RSS.
 *
 *   npx tsx bench/dormant-core.ts [customers]
 */
import {
  DEFAULT_PALIVE_THRESHOLDS,
  explainCandidates,
  fitBgNbd,
  orderHistoryFromColumns,
  scoreDormancy,
  stageLadder,
  summarizeCalibration,
} from "../src/analytics/dormant/index.js";

const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const FIRST_DAY = 19_723; // 2024-01-01
const ACQUISITION_DAYS = 365;
const AS_OF = FIRST_DAY + 730;
/** Per-day purchase rate ~ Gamma(shape, rate), dropout after a purchase ~ Beta(a, b). */
const TRUE = { r: 1.5, alpha: 34, a: 1, b: 6 };

/** Mulberry32: small, seeded, good enough for simulation. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20251123);

function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang gamma(shape, 1). */
function gamma(shape: number): number {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function generate(): { ids: string[]; customerIndex: Int32Array; day: Int32Array } {
  const ids: string[] = [];
  const customerIndex: number[] = [];
  const day: number[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    ids.push(`C${String(i).padStart(6, "0")}`);
    const lambda = gamma(TRUE.r) / TRUE.alpha;
    const ga = gamma(TRUE.a);
    const p = ga / (ga + gamma(TRUE.b));
    let t = FIRST_DAY + Math.floor(random() * ACQUISITION_DAYS);
    // BG/NBD: dropout can follow a repeat purchase only, never the first one.
    for (let repeat = false; ; repeat = true) {
      customerIndex.push(i);
      day.push(Math.floor(t));
      if (repeat && random() < p) break;
      t += -Math.log(1 - random()) / lambda;
      if (t > AS_OF) break;
    }
  }
  return { ids, customerIndex: Int32Array.from(customerIndex), day: Int32Array.from(day) };
}

function seconds(from: number): string {
  return ((performance.now() - from) / 1000).toFixed(3);
}

const data = generate();
let t = performance.now();
const history = orderHistoryFromColumns(data.ids, data.customerIndex, data.day);
console.log(`customers ${CUSTOMERS}, orders ${data.day.length}, distinct order days ${history.days.length}`);
console.log(`pack history     ${seconds(t)} s`);

t = performance.now();
const summary = summarizeCalibration(history, AS_OF, 1);
console.log(`summary          ${seconds(t)} s`);

t = performance.now();
const fit = fitBgNbd(summary);
console.log(`fit              ${seconds(t)} s  (${fit.evaluations} likelihood evaluations)`);
const p = fit.params;
console.log(
  `  r ${p.r.toFixed(3)} alpha ${p.alpha.toFixed(2)} a ${p.a.toFixed(3)} b ${p.b.toFixed(3)}  LL ${fit.logLikelihood.toFixed(1)}` +
    `  (simulated from r ${TRUE.r} alpha ${TRUE.alpha} a ${TRUE.a} b ${TRUE.b})`,
);

// A nightly run scores once, so the first (cold) run is the figure that counts; the second
// shows the warm cost.
const ladder = stageLadder();
const options = {
  asOfDay: AS_OF,
  method: "auto" as const,
  ladder,
  bgnbd: { params: fit.params, unitDays: 1, thresholds: DEFAULT_PALIVE_THRESHOLDS },
};
t = performance.now();
const result = scoreDormancy(history, options);
console.log(`score (auto)     ${seconds(t)} s  (${result.candidates.length} candidates)`);
t = performance.now();
scoreDormancy(history, options);
console.log(`score again      ${seconds(t)} s`);
// Reasons are built for output rows only; this is the `--all` worst case of explaining them all.
t = performance.now();
const explained = explainCandidates(result.candidates, ladder);
console.log(`explain all      ${seconds(t)} s  (${explained.length} reason sentences in en and ja)`);
console.log(`peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
