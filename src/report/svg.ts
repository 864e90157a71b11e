/**
 * Inline SVG charts for the HTML report: no scripts, no external references; sizes in a viewBox so
 * they scale to the page and print sharply. All text passes through escapeHtml.
 */
import { formatScalar } from "./format.js";
import { escapeHtml } from "./html-escape.js";
import { UI } from "./labels.js";
import { type BarsSection, type HeatmapSection, type Lang, type Series, textOf } from "./model.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Fixed decimals keep the markup small and stable. */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function finiteRange(values: Iterable<number | null>): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}

/** A trend line for one row's series: gaps where values are missing, a dot with a tooltip per point. */
export function lineChart(series: Series, title: string): string {
  const width = 360;
  const height = 150;
  const left = 64;
  const right = 12;
  const top = 12;
  const bottom = 30;
  const kind = series.kind ?? "number";
  const n = series.values.length;
  const range = finiteRange(series.values) ?? { min: 0, max: 1 };
  // A flat series gets a band around it so the line sits in the middle.
  const pad = range.max === range.min ? Math.max(Math.abs(range.max) * 0.1, 1) : 0;
  const yMin = range.min - pad;
  const yMax = range.max + pad;
  const x = (i: number) =>
    left + (n <= 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (n - 1));
  const y = (v: number) => top + ((yMax - v) / (yMax - yMin)) * (height - top - bottom);

  let path = "";
  let penDown = false;
  const dots: string[] = [];
  series.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      penDown = false;
      return;
    }
    path += `${penDown ? "L" : "M"}${px(x(i))} ${px(y(v))}`;
    penDown = true;
    const tip = `${series.periods[i] ?? ""}: ${formatScalar(v, kind)}`;
    dots.push(`<circle cx="${px(x(i))}" cy="${px(y(v))}" r="3"><title>${escapeHtml(tip)}</title></circle>`);
  });
  const first = series.periods[0] ?? "";
  const last = series.periods[n - 1] ?? "";
  const axisY = height - bottom;
  return [
    `<svg xmlns="${SVG_NS}" class="chart line-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<line class="axis" x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}"/>`,
    `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${axisY}"/>`,
    `<text class="tick" x="${left - 6}" y="${px(y(range.max) + 4)}" text-anchor="end">${escapeHtml(formatScalar(range.max, kind))}</text>`,
    range.max === range.min
      ? ""
      : `<text class="tick" x="${left - 6}" y="${px(y(range.min) + 4)}" text-anchor="end">${escapeHtml(formatScalar(range.min, kind))}</text>`,
    `<text class="tick" x="${px(x(0))}" y="${axisY + 18}" text-anchor="start">${escapeHtml(first)}</text>`,
    n > 1
      ? `<text class="tick" x="${px(x(n - 1))}" y="${axisY + 18}" text-anchor="end">${escapeHtml(last)}</text>`
      : "",
    path ? `<path class="line" d="${path}"/>` : "",
    `<g class="dots">${dots.join("")}</g>`,
    "</svg>",
  ].join("");
}

/** Sequential light-to-dark blue; t in [0, 1]. */
export function heatColour(t: number): string {
  const from = [0xf0, 0xf6, 0xfc];
  const to = [0x08, 0x45, 0x94];
  const mix = from.map((f, i) => Math.round(f + ((to[i] ?? f) - f) * Math.min(1, Math.max(0, t))));
  return `#${mix.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** A heatmap grid (e.g. RFM R × F) with each cell's value printed, and a low–high legend. */
export function heatmapChart(section: HeatmapSection, lang: Lang): string {
  const cell = { w: 64, h: 36 };
  const left = 84;
  const top = 44;
  const kind = section.kind ?? "integer";
  const cols = section.columnKeys.length;
  const rows = section.rowKeys.length;
  const width = left + cols * cell.w + 12;
  const height = top + rows * cell.h + 44;
  const range = finiteRange(section.values.flat());
  const parts: string[] = [
    `<svg xmlns="${SVG_NS}" class="chart heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(textOf(section.title, lang))}">`,
    `<text class="axis-title" x="${left + (cols * cell.w) / 2}" y="14" text-anchor="middle">${escapeHtml(textOf(section.columnAxis, lang))}</text>`,
    `<text class="axis-title" x="8" y="${top + (rows * cell.h) / 2}" text-anchor="start">${escapeHtml(textOf(section.rowAxis, lang))}</text>`,
  ];
  section.columnKeys.forEach((key, j) => {
    parts.push(
      `<text class="tick" x="${left + j * cell.w + cell.w / 2}" y="${top - 8}" text-anchor="middle">${escapeHtml(key)}</text>`,
    );
  });
  section.rowKeys.forEach((key, i) => {
    const cy = top + i * cell.h + cell.h / 2 + 4;
    parts.push(`<text class="tick" x="${left - 8}" y="${cy}" text-anchor="end">${escapeHtml(key)}</text>`);
    section.columnKeys.forEach((_, j) => {
      const v = section.values[i]?.[j] ?? null;
      const present = v !== null && Number.isFinite(v) && range !== undefined;
      const t = present && range.max > range.min ? (v - range.min) / (range.max - range.min) : 0.5;
      const fill = present ? heatColour(t) : "#ffffff";
      // Light text on the dark end of the scale, dark text elsewhere.
      const ink = present && t > 0.55 ? "value on-dark" : "value";
      const x = left + j * cell.w;
      const y = top + i * cell.h;
      parts.push(
        `<rect class="cell" x="${x}" y="${y}" width="${cell.w}" height="${cell.h}" fill="${fill}"/>`,
        `<text class="${ink}" x="${x + cell.w / 2}" y="${y + cell.h / 2 + 4}" text-anchor="middle">${escapeHtml(formatScalar(v, kind))}</text>`,
      );
    });
  });
  if (range) {
    const ly = top + rows * cell.h + 16;
    const steps = 5;
    const stepW = 24;
    parts.push(
      `<text class="tick" x="${left - 8}" y="${ly + 12}" text-anchor="end">${escapeHtml(UI.legend[lang])}</text>`,
      `<text class="tick" x="${left}" y="${ly + 12}" text-anchor="start">${escapeHtml(formatScalar(range.min, kind))}</text>`,
    );
    const lx = left + 48;
    for (let s = 0; s < steps; s++) {
      parts.push(
        `<rect x="${lx + s * stepW}" y="${ly}" width="${stepW}" height="16" fill="${heatColour(s / (steps - 1))}"/>`,
      );
    }
    parts.push(
      `<text class="tick" x="${lx + steps * stepW + 6}" y="${ly + 12}" text-anchor="start">${escapeHtml(formatScalar(range.max, kind))}</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

/** Rough rendered width of a label: East Asian characters are about twice as wide as Latin. */
function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.6;
  return units * fontSize;
}

/** Horizontal bars with the label on the left and the value at the end of each bar. */
export function barsChart(section: BarsSection, lang: Lang): string {
  const kind = section.kind ?? "number";
  const fontSize = 13;
  const barH = 20;
  const gap = 8;
  const labels = section.bars.map((b) => textOf(b.label, lang));
  const labelW = Math.min(240, Math.max(40, ...labels.map((l) => estimateTextWidth(l, fontSize)))) + 12;
  const plotW = 300;
  const valueW = 80;
  const width = labelW + plotW + valueW;
  const height = section.bars.length * (barH + gap) + gap;
  let max = 0;
  for (const b of section.bars) if (b.value !== null && b.value > max) max = b.value;
  const parts = [
    `<svg xmlns="${SVG_NS}" class="chart bars" viewBox="0 0 ${px(width)} ${height}" width="${px(width)}" height="${height}" role="img" aria-label="${escapeHtml(textOf(section.title, lang))}">`,
  ];
  section.bars.forEach((b, i) => {
    const y = gap + i * (barH + gap);
    const w = b.value !== null && max > 0 ? (Math.max(0, b.value) / max) * plotW : 0;
    parts.push(
      `<text class="tick" x="${px(labelW - 8)}" y="${y + 14}" text-anchor="end">${escapeHtml(labels[i] ?? "")}</text>`,
      `<rect class="bar" x="${px(labelW)}" y="${y}" width="${px(w)}" height="${barH}"/>`,
      `<text class="value" x="${px(labelW + w + 6)}" y="${y + 14}">${escapeHtml(formatScalar(b.value, kind))}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
