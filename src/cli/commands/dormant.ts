/** `supportops dormant`: options, the store and history, then the alert run or the fit report. */
import { type Command, Option } from "commander";
import type { OrderHistory } from "../../analytics/dormant/index.js";
import { localDayNumber } from "../../analytics/rfm/index.js";
import { renderReport } from "../../report/index.js";
import type { Db } from "../../store/db.js";
import { readOrderDays } from "../../store/queries/dormant.js";
import type { CliContext } from "../context.js";
import { runAlertsCommand } from "../dormant/alerts-command.js";
import { runFitReport } from "../dormant/fit-run.js";
import { type DormantFlags, type DormantRun, seconds } from "../dormant/run.js";
import { dormantSettings, parseDayFlag, TIME_UNITS } from "../dormant/settings.js";
import { DataError, UsageError } from "../errors.js";
import { resolveReportSettings, writeOutput } from "../output.js";
import { action, type CommandDeps, collect, withExamples } from "../program.js";
import { openStoreFor } from "../store-access.js";

async function run(ctx: CliContext, flags: DormantFlags): Promise<number> {
  checkFlagCombinations(flags);
  const { values, format, encoding, lang } = resolveReportSettings(ctx, flags);
  const settings = dormantSettings(values.dormant, flags);
  const asOfFlag = flags.asOf === undefined ? undefined : parseDayFlag("--as-of", flags.asOf);
  const timeZone = values.timezone;

  const started = performance.now();
  const adHoc = (flags.orders ?? []).length > 0;
  // Files given on the command line go to a throw-away store: nothing there is worth recording.
  const recording = flags.dryRun !== true && flags.fitReport !== true && !adHoc;
  const db = await openStoreForDormant(ctx, flags, recording);
  try {
    const history = readOrderDays(db, (t) => localDayNumber(t, timeZone));
    ctx.debug(
      `read orders: ${seconds(started)} s (${history.customerIds.length} customers, ${history.days.length} order days)`,
    );
    const latestDay = latestOrderDay(history);
    if (latestDay === undefined) {
      throw new DataError(
        "the store holds no orders with a customer id and an order time",
        undefined,
        "import orders first: supportops import orders FILE",
      );
    }
    const r: DormantRun = {
      ctx,
      flags,
      settings,
      timeZone,
      db,
      history,
      asOfDay: asOfFlag ?? latestDay + 1,
      defaultAsOfDay: latestDay + 1,
      recording,
      render: (report) => {
        const renderStarted = performance.now();
        const rendered = renderReport(report, format, { lang, chalk: ctx.chalk, encoding });
        for (const w of rendered.warnings) ctx.warn(w);
        writeOutput(ctx, rendered.data, flags.out);
        ctx.debug(`render and write: ${seconds(renderStarted)} s`);
      },
    };
    return flags.fitReport ? runFitReport(r) : runAlertsCommand(r, values.rfm);
  } finally {
    db.close();
  }
}

function checkFlagCombinations(flags: DormantFlags): void {
  if (!flags.fitReport && (flags.calibrationEnd !== undefined || flags.holdoutEnd !== undefined)) {
    throw new UsageError("--calibration-end and --holdout-end belong to --fit-report", "add --fit-report");
  }
  if (flags.holdoutEnd !== undefined && flags.calibrationEnd === undefined) {
    throw new UsageError("--holdout-end needs --calibration-end (the holdout starts the day after it)");
  }
  if (flags.fitReport && (flags.all || flags.failOnAlerts)) {
    throw new UsageError("--fit-report prints the model fit only; leave out --all and --fail-on-alerts");
  }
}

function openStoreForDormant(ctx: CliContext, flags: DormantFlags, write: boolean): Promise<Db> {
  return openStoreFor(ctx, { files: { orders: flags.orders ?? [] }, write, timezone: flags.tz });
}

function latestOrderDay(history: OrderHistory): number | undefined {
  let latest: number | undefined;
  for (let i = 0; i < history.customerIds.length; i++) {
    const last = history.days[(history.start[i + 1] as number) - 1] as number;
    if (latest === undefined || last > latest) latest = last;
  }
  return latest;
}

export function registerDormantCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("dormant")
    .description(
      "dormant-customer alerts: new alerts since the last run (recorded in the store), or a BG/NBD fit report",
    )
    .addOption(
      new Option(
        "--method <method>",
        "fixed | cadence | bgnbd | auto (default: config dormant.method, else fixed)",
      ).choices(["fixed", "cadence", "bgnbd", "auto"]),
    )
    .option(
      "--as-of <date>",
      "score as of this local date, YYYY-MM-DD (default: the day after the latest order, so reruns give the same answer)",
    )
    .option("--all", "every customer at a stage now, not only new alerts")
    .option("--dry-run", "record nothing in the store")
    .option("--fail-on-alerts", "exit 1 when the output holds any alert (for cron and CI)")
    .option(
      "--fit-report",
      "print the BG/NBD fit (parameters, log-likelihood, holdout check) instead of alerts",
    )
    .option(
      "--calibration-end <date>",
      "with --fit-report: last day of the calibration period (default: the as-of day)",
    )
    .option(
      "--holdout-end <date>",
      "with --fit-report: last day of the holdout period, which starts after --calibration-end",
    )
    .addOption(
      new Option(
        "--time-unit <unit>",
        "BG/NBD time unit (default: config dormant.bgnbd.time_unit, else week)",
      ).choices([...TIME_UNITS]),
    )
    .option(
      "--orders <file>",
      "score an orders export instead of the store (repeatable; imported into memory)",
      collect,
    )
    .option("--no-rfm", "leave the RFM segment column empty (skips scoring RFM over the whole store)")
    .option("--tz <zone>", "time zone of the data set (default: config timezone, $SUPPORTOPS_TZ, system)")
    .option(
      "--format <format>",
      "table | json | csv | markdown | html (default: config output.format, else table)",
    )
    .option(
      "--encoding <name>",
      "csv, markdown, table: utf8 | utf8-bom | cp932 (default: config output.encoding)",
    )
    .option("--out <file>", "write to this file (atomically) instead of stdout")
    .action(action(deps, (ctx, flags: DormantFlags) => run(ctx, flags)));
  withExamples(cmd, [
    "supportops dormant --format csv --encoding cp932 --out alerts.csv",
    "supportops dormant --method auto --as-of 2025-06-30 --format json --fail-on-alerts",
    "supportops dormant --all --dry-run",
    "supportops dormant --fit-report --calibration-end 1997-09-30 --holdout-end 1998-06-30 --format html --out fit.html",
  ]);
}
