/** `dormant --fit-report`: fit on the calibration period, optional holdout check, report. */
import { formatDateKey } from "../../analytics/calendar/dates.js";
import { holdoutCheck } from "../../analytics/dormant/index.js";
import type { Fact } from "../../report/index.js";
import { ExitCode, UsageError } from "../errors.js";
import { requireFit } from "./fit.js";
import { fitReport } from "./fit-report.js";
import { type DormantRun, seconds, unitLabel } from "./run.js";
import { parseDayFlag } from "./settings.js";

export function runFitReport(r: DormantRun): number {
  const { flags, settings, history } = r;
  const calibrationEndDay =
    flags.calibrationEnd === undefined ? r.asOfDay : parseDayFlag("--calibration-end", flags.calibrationEnd);
  const holdoutEndDay =
    flags.holdoutEnd === undefined ? null : parseDayFlag("--holdout-end", flags.holdoutEnd);
  if (holdoutEndDay !== null && holdoutEndDay <= calibrationEndDay) {
    throw new UsageError(
      `--holdout-end ${formatDateKey(holdoutEndDay)} must be after --calibration-end ${formatDateKey(calibrationEndDay)}`,
    );
  }
  if (holdoutEndDay !== null && holdoutEndDay >= r.defaultAsOfDay) {
    r.ctx.warn(
      `the holdout runs to ${formatDateKey(holdoutEndDay)}, past the latest order (${formatDateKey(r.defaultAsOfDay - 1)}); actual purchases there are missing`,
    );
  }
  const started = performance.now();
  const { fit, repeatCustomers } = requireFit(history, calibrationEndDay, settings.unitDays);
  r.ctx.debug(`fit: ${seconds(started)} s (${fit.evaluations} evaluations)`);
  const holdout =
    holdoutEndDay === null
      ? null
      : holdoutCheck(history, fit.params, { calibrationEndDay, holdoutEndDay, unitDays: settings.unitDays });
  const facts: Fact[] = [
    {
      label: { en: "Calibration period ends", ja: "調整期間の終了日" },
      value: formatDateKey(calibrationEndDay),
    },
    { label: { en: "Time unit", ja: "時間単位" }, value: unitLabel(settings) },
    { label: { en: "Time zone", ja: "タイムゾーン" }, value: r.timeZone },
  ];
  if (holdoutEndDay !== null) {
    facts.splice(1, 0, {
      label: { en: "Holdout period", ja: "ホールドアウト期間" },
      value: `${formatDateKey(calibrationEndDay + 1)} – ${formatDateKey(holdoutEndDay)}`,
    });
  }
  r.render(fitReport({ fit, repeatCustomers, holdout, facts }));
  const p = fit.params;
  r.ctx.info(
    `BG/NBD fit on ${fit.customers} customers to ${formatDateKey(calibrationEndDay)} (${settings.timeUnit}s): ` +
      `r = ${p.r.toFixed(3)}, alpha = ${p.alpha.toFixed(3)}, a = ${p.a.toFixed(3)}, b = ${p.b.toFixed(3)}, ` +
      `log-likelihood ${fit.logLikelihood.toFixed(1)}`,
  );
  return ExitCode.ok;
}
