/**
 * The alert run of `supportops dormant`: fit (bgnbd, auto), score, reconcile with the recorded
 * alerts, explain the output rows, add RFM segments, render, and print the summary line.
 */
import { formatDateKey } from "../../analytics/calendar/dates.js";
import {
  type BgNbdScoring,
  type DormancyCandidate,
  explainCandidates,
  scoreDormancy,
} from "../../analytics/dormant/index.js";
import type { EffectiveConfig } from "../../config/defaults.js";
import { resolveStorePath } from "../../config/resolve.js";
import type { Fact, Label } from "../../report/index.js";
import { withLockHandling } from "../../store/db.js";
import { civilFromDays, zonedToEpoch } from "../../util/time-zone.js";
import { ExitCode } from "../errors.js";
import { rfmSegmentsFor } from "../rfm/segments-of.js";
import { busyTimeoutOf } from "../store-access.js";
import { refuseEarlierAsOf, runAlerts } from "./alert-run.js";
import { alertsReport } from "./alerts-report.js";
import { fitHistory } from "./fit.js";
import { type DormantRun, seconds, unitLabel } from "./run.js";

export function runAlertsCommand(r: DormantRun, rfmConfig: EffectiveConfig["rfm"]): number {
  const { ctx, flags, settings, history, asOfDay } = r;
  const historyFree = flags.all === true && !r.recording;
  if (!historyFree) refuseEarlierAsOf(r.db, asOfDay);

  const bgnbd = fitForScoring(r);
  let started = performance.now();
  const scored = scoreDormancy(history, {
    asOfDay,
    method: settings.method,
    ladder: settings.ladder,
    cadenceK: settings.cadenceK,
    ...(bgnbd ? { bgnbd } : {}),
  });
  ctx.debug(
    `score: ${seconds(started)} s (${scored.customersScored} customers, ${scored.candidates.length} at a stage)`,
  );

  started = performance.now();
  const storePath = r.recording ? resolveStorePath(ctx) : ":memory:";
  const alerts = withLockHandling(storePath, busyTimeoutOf(ctx), () =>
    runAlerts(r.db, history, scored.candidates, {
      asOfDay,
      ladder: settings.ladder,
      dryRun: !r.recording,
      now: Math.floor(Date.now() / 1000),
    }),
  );
  ctx.debug(`alert state: ${seconds(started)} s`);

  started = performance.now();
  const rows: readonly DormancyCandidate[] = flags.all ? scored.candidates : alerts.newAlerts;
  const explained = explainCandidates(rows, settings.ladder);
  ctx.debug(`explain: ${seconds(started)} s (${rows.length} rows)`);

  started = performance.now();
  const segments =
    flags.rfm === false
      ? new Map<string, Label>()
      : rfmSegmentsFor(
          r.db,
          new Set(rows.map((c) => c.customerId)),
          { instant: endOfLocalDay(asOfDay, r.timeZone), timeZone: r.timeZone },
          rfmConfig,
        );
  ctx.debug(`rfm segments: ${seconds(started)} s`);

  r.render(
    alertsReport({
      rows: explained,
      segments,
      all: flags.all === true,
      facts: alertFacts(r, scored.customersScored, scored.cohortMedianTimeToSecondOrder, bgnbd),
      notes: alertNotes(bgnbd !== undefined, flags.rfm === false),
    }),
  );
  ctx.info(
    summaryLine(r, scored.customersScored, scored.candidates.length, alerts.newAlerts, alerts.cleared),
  );
  return flags.failOnAlerts && rows.length > 0 ? ExitCode.checkFailed : ExitCode.ok;
}

/** The BG/NBD parameters scoring needs: required by bgnbd, used by auto when the data allow a fit. */
function fitForScoring(r: DormantRun): BgNbdScoring | undefined {
  const { settings } = r;
  if (settings.method !== "bgnbd" && settings.method !== "auto") return undefined;
  const started = performance.now();
  const outcome = fitHistory(r.history, r.asOfDay, settings.unitDays, settings.method === "auto");
  if ("skipped" in outcome) {
    r.ctx.warn(`auto runs without BG/NBD: ${outcome.skipped}`);
    return undefined;
  }
  r.ctx.debug(`fit: ${seconds(started)} s (${outcome.fit.evaluations} evaluations)`);
  return { params: outcome.fit.params, unitDays: settings.unitDays, thresholds: settings.thresholds };
}

function alertFacts(
  r: DormantRun,
  scored: number,
  cohortGap: number | null,
  bgnbd: BgNbdScoring | undefined,
): Fact[] {
  const facts: Fact[] = [
    { label: { en: "As of", ja: "基準日" }, value: formatDateKey(r.asOfDay) },
    { label: { en: "Method", ja: "判定方法" }, value: r.settings.method },
    { label: { en: "Time zone", ja: "タイムゾーン" }, value: r.timeZone },
    { label: { en: "Customers scored", ja: "評価した顧客数" }, value: String(scored) },
  ];
  if (cohortGap !== null && r.settings.method !== "fixed") {
    facts.push({
      label: { en: "Cohort median days to a second order", ja: "2回目注文までの日数の中央値（全体）" },
      value: String(cohortGap),
    });
  }
  if (bgnbd) {
    const p = bgnbd.params;
    facts.push({
      label: {
        en: `BG/NBD parameters (${r.settings.timeUnit})`,
        ja: `BG/NBDパラメーター（${unitLabel(r.settings).ja}単位）`,
      },
      value: `r ${p.r.toFixed(3)}, α ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)}`,
    });
  }
  if (!r.recording) {
    facts.push({
      label: { en: "Alert history", ja: "アラート履歴" },
      value: { en: "not recorded", ja: "記録なし" },
    });
  }
  return facts;
}

function alertNotes(fitted: boolean, noRfm: boolean): Label[] {
  const notes: Label[] = [];
  if (fitted) {
    notes.push({
      en: 'BG/NBD gives one-time buyers P(alive) = 1, so they are judged by the cadence rule (method "cadence").',
      ja: "BG/NBDでは1回だけ購入した顧客の稼働確率が常に1になるため、注文間隔ルール（cadence）で判定しています。",
    });
  }
  if (noRfm)
    notes.push({ en: "RFM segment left empty (--no-rfm).", ja: "RFMセグメントは省略しました（--no-rfm）。" });
  return notes;
}

function summaryLine(
  r: DormantRun,
  scored: number,
  atStage: number,
  newAlerts: readonly DormancyCandidate[],
  cleared: number,
): string {
  const perStage = r.settings.ladder.stages
    .map((s) => [s.name, newAlerts.filter((c) => c.stage === s.name).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`);
  const recorded = r.flags.dryRun
    ? "dry run: nothing recorded"
    : r.recording
      ? "recorded in the store"
      : "files given with --orders: nothing recorded";
  return (
    `dormant as of ${formatDateKey(r.asOfDay)} (${r.settings.method}): ${scored} customers scored, ` +
    `${atStage} at a stage, ${newAlerts.length} new alert${newAlerts.length === 1 ? "" : "s"}` +
    `${perStage.length > 0 ? ` (${perStage.join(", ")})` : ""}, ${cleared} cleared by a new order; ${recorded}`
  );
}

/** The last second of a local day: RFM counts the orders up to it. */
function endOfLocalDay(day: number, timeZone: string): number {
  const next = civilFromDays(day + 1);
  return zonedToEpoch(next.year, next.month, next.day, 0, 0, 0, timeZone) - 1;
}
