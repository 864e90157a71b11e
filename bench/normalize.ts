/**
 * Date-parse throughput of the import normalizers: 1,000,000 parses per common form and for a
 * mix, in Asia/Tokyo and America/New_York. Run: npx tsx bench/normalize.ts
 * Inputs are generated up front (distinct strings, as a real export has), so only parsing is timed.
 */

import { createDateParser, type DateOrder, INVALID } from "../src/ingest/normalize/index.js";

const N = 1_000_000;
const START = Date.UTC(2024, 0, 1) / 1000;

const pad = (n: number) => String(n).padStart(2, "0");

type Format = (d: Date) => string;
const FORMS: Record<string, { order: DateOrder; format: Format }> = {
  "YYYY-MM-DD HH:MM:SS": {
    order: "ymd",
    format: (d) =>
      `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  },
  "ISO 8601 with Z": { order: "ymd", format: (d) => d.toISOString() },
  "YYYY/M/D H:MM": {
    order: "ymd",
    format: (d) =>
      `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`,
  },
  "DD-MM-YYYY HH:MM": {
    order: "dmy",
    format: (d) =>
      `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  },
  "令和Y年M月D日 H時M分": {
    order: "ymd",
    format: (d) =>
      `令和${d.getUTCFullYear() - 2018}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.getUTCHours()}時${d.getUTCMinutes()}分`,
  },
};

function inputs(format: Format): string[] {
  const out = new Array<string>(N);
  // One value every 37 s: two years of distinct timestamps, as a big export spreads them.
  for (let i = 0; i < N; i++) out[i] = format(new Date((START + i * 37) * 1000));
  // Template literals build rope strings; a CSV parser hands over flat ones. Flatten up front so
  // the timing does not include V8 flattening each string on its first read.
  return JSON.parse(JSON.stringify(out)) as string[];
}

/** Median of three timed passes over `values`, after a warm-up. */
function time(label: string, zone: string, order: DateOrder, values: string[]): void {
  const parser = createDateParser({ timeZone: zone, dateOrder: order });
  for (let i = 0; i < 50_000; i++) parser.parse(values[i % values.length] ?? "");
  const rates: number[] = [];
  let failures = 0;
  for (let round = 0; round < 3; round++) {
    failures = 0;
    const t0 = process.hrtime.bigint();
    for (const v of values) {
      const r = parser.parse(v);
      if (r === INVALID || r === null) failures++;
    }
    rates.push(values.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const median = Math.round(rates[1] ?? 0);
  console.log(
    `${label.padEnd(26)} ${zone.padEnd(17)} ${median.toLocaleString("en-US").padStart(11)} parses/s  ` +
      `(median of 3 × ${values.length.toLocaleString("en-US")}, ${failures} failed)`,
  );
}

const zones = ["Asia/Tokyo", "America/New_York"];
const all: string[] = [];
for (const [label, form] of Object.entries(FORMS)) {
  const values = inputs(form.format);
  for (const zone of zones) time(label, zone, form.order, values);
  if (form.order === "ymd" && !label.startsWith("令和")) {
    for (let i = 0; i < N / 3; i++) all.push(values[i] as string);
  }
}
// A mix of the three year-first forms, shuffled deterministically.
for (let i = all.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  const tmp = all[i] as string;
  all[i] = all[j] as string;
  all[j] = tmp;
}
for (const zone of zones) time("mix (3 year-first forms)", zone, "ymd", all.slice(0, N));
