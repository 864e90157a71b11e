import { type Command, Option } from "commander";
import { PERIODS } from "../../analytics/calendar/index.js";
import { DRILL_METRICS, TICKET_DIMENSIONS } from "../../analytics/kpi/index.js";
import { renderReport } from "../../report/index.js";
import { latestDataInstant } from "../../store/queries/tickets.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { anyMissed, buildCheckReport, checkMessages, checkTargets } from "../kpi/check.js";
import { type KpiRunSettings, runKpis } from "../kpi/compute.js";
import { buildDrillReport, renderDrillJson, runDrill } from "../kpi/drill.js";
import { renderKpiJson, targetJson } from "../kpi/json.js";
import { resolveAsOf, resolveRanges } from "../kpi/ranges.js";
import { buildKpiReport } from "../kpi/report.js";
import {
  businessClockOf,
  fcrVariantOf,
  type KpiFlags,
  parseDimensions,
  parseDrillMetric,
  parseMetrics,
  parsePercentiles,
  parsePeriod,
  parsePositiveInt,
  percentilesFor,
  slaPolicyOf,
  targetsOf,
  weekStartOf,
} from "../kpi/settings.js";
import { resolveReportSettings, writeOutput } from "../output.js";
import { action, type CommandDeps, withExamples } from "../program.js";
import { segmentDimension } from "../rfm/segments-of.js";
import { hasAdHocFiles, openStoreFor } from "../store-access.js";

const DEFAULT_TOP_REASONS = 10;

async function run(ctx: CliContext, flags: KpiFlags): Promise<number> {
  const { values, format, encoding, lang } = resolveReportSettings(ctx, flags);
  const dimensions = parseDimensions(flags.by);
  const period = parsePeriod(flags.period);
  const metrics = parseMetrics(flags.metrics);
  const drillMetric = parseDrillMetric(flags.drill);
  const limit = parsePositiveInt(flags.limit, "--limit");
  const topReasons = parsePositiveInt(flags.top, "--top") ?? DEFAULT_TOP_REASONS;
  const targets = targetsOf(values);
  const percentiles = percentilesFor(parsePercentiles(flags.percentiles, values.kpi.percentiles), targets);
  const weekStart = weekStartOf(values);
  const timeZone = values.timezone;
  const clock = businessClockOf(values);
  const sla = slaPolicyOf(values);
  const fcrVariant = fcrVariantOf(values);
  if (flags.check && drillMetric)
    throw new UsageError("--check and --drill cannot be combined", "run them separately");

  const files = { tickets: flags.tickets, surveys: flags.surveys };
  const db = await openStoreFor(ctx, { files, timezone: flags.tz });
  try {
    const asOf = resolveAsOf(flags.asOf, latestDataInstant(db), timeZone);
    const ranges = resolveRanges(flags, asOf, timeZone, weekStart);
    const settings: KpiRunSettings = {
      asOf,
      timeZone,
      weekStart,
      dimensions,
      period,
      scope: ranges.scope,
      baseline: ranges.baseline,
      percentiles,
      clock,
      sla,
      fcrVariant,
      recontactWindowDays: values.kpi.recontact_window_days,
      topReasons,
      segmentOf: dimensions.includes("segment")
        ? (table) => segmentDimension(db, table, { instant: asOf, timeZone }, values.rfm, lang)
        : undefined,
    };
    const kpis = await runKpis(db, settings);
    ctx.debug(`${kpis.table.length} tickets and ${kpis.surveys?.length ?? 0} survey answers read`);
    const results = checkTargets(targets, kpis.current.overall);

    if (drillMetric) {
      const drill = runDrill(kpis, drillMetric, limit);
      const ticketUrl = values.kpi.ticket_url;
      if (format === "json") writeOutput(ctx, renderDrillJson(kpis, drill, ticketUrl), flags.out);
      else {
        const rendered = renderReport(buildDrillReport(kpis, drill, ticketUrl), format, {
          lang,
          chalk: ctx.chalk,
          encoding,
        });
        for (const w of rendered.warnings) ctx.warn(w);
        writeOutput(ctx, rendered.data, flags.out);
      }
      return 0;
    }

    if (flags.check) {
      if (targets.length === 0) {
        ctx.warn(
          "no targets configured: add them under targets: in the configuration file (see docs/metrics.md)",
        );
      }
      const messages = checkMessages(results);
      for (const line of messages.noData) ctx.warn(line);
      for (const line of messages.missed) ctx.io.stderr.write(`${ctx.errChalk.red(line)}\n`);
      if (format === "json") {
        writeOutput(
          ctx,
          `${JSON.stringify({ version: 1, kind: "kpi-check", targets: results.map(targetJson) }, null, 2)}\n`,
          flags.out,
        );
      } else {
        const rendered = renderReport(buildCheckReport(results), format, {
          lang,
          chalk: ctx.chalk,
          encoding,
        });
        for (const w of rendered.warnings) ctx.warn(w);
        writeOutput(ctx, rendered.data, flags.out);
      }
      return anyMissed(results) ? 1 : 0;
    }

    if (format === "json") {
      writeOutput(ctx, renderKpiJson(kpis, results), flags.out);
      return 0;
    }
    const source = hasAdHocFiles(files)
      ? [...(flags.tickets ?? []), ...(flags.surveys ?? [])].join(", ")
      : (db.name ?? "store");
    const report = buildKpiReport(kpis, { metrics, targets: results, source });
    const rendered = renderReport(report, format, { lang, chalk: ctx.chalk, encoding });
    for (const w of rendered.warnings) ctx.warn(w);
    writeOutput(ctx, rendered.data, flags.out);
    return 0;
  } finally {
    db.close();
  }
}

export function registerKpiCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("kpi")
    .description(
      "report support KPIs (response speed, FCR, re-contact, satisfaction, SLA, …) from the store or files",
    )
    .option(
      "--tickets <files...>",
      "ticket exports to report on instead of the store (imported into memory first)",
    )
    .option("--surveys <files...>", "survey exports to report on with --tickets")
    .option(
      "--by <dimensions...>",
      `group by one or two of: ${TICKET_DIMENSIONS.join(", ")}, segment (the customer's RFM segment) (comma or space separated)`,
    )
    .addOption(
      new Option("--period <unit>", "add a trend per period (sparklines, HTML charts)").choices([...PERIODS]),
    )
    .option(
      "--since <range>",
      "start of the range: YYYY-MM-DD, 7d, 30d, 12w, last-week, last-month, this-month, FROM..TO, …",
    )
    .option("--until <range>", "end of the range (a date counts whole)")
    .option("--compare <what>", "deltas against: previous (the range before) or baseline:<range>")
    .option("--percentiles <list>", "duration percentiles, e.g. 50,90,95 (default: config kpi.percentiles)")
    .option("--metrics <list>", "only these metric sections, e.g. frt,fcr,recontact,csat (default: all)")
    .addOption(
      new Option("--drill <metric>", "list the tickets behind a figure instead of the report").choices([
        ...DRILL_METRICS,
      ]),
    )
    .option("--limit <n>", "with --drill: list at most n tickets (worst first)")
    .option("--top <n>", `contact reasons to list (default ${DEFAULT_TOP_REASONS})`)
    .option("--check", "check the configured targets; exit 1 when any is missed (names them on stderr)")
    .option(
      "--as-of <time>",
      "report as of YYYY-MM-DD (end of day), a local time or an ISO instant (default: just after the latest timestamp in the data)",
    )
    .option("--tz <zone>", "time zone of the data (default: config timezone, $SUPPORTOPS_TZ, system)")
    .option("--format <format>", "table, json, csv, markdown or html (default: config output.format)")
    .option("--out <file>", "write the report to a file (atomically) instead of stdout")
    .option("--encoding <name>", "utf8, utf8-bom or cp932 for table, csv and markdown")
    .action(action(deps, (ctx, flags: KpiFlags) => run(ctx, flags)));
  withExamples(cmd, [
    "supportops kpi",
    "supportops kpi --by channel --period week --since 12w",
    "supportops kpi --since last-month --compare previous --lang ja",
    "supportops kpi --tickets export.csv --surveys csat.csv --by agent --format html --out kpi.html",
    "supportops kpi --drill sla.first_response --since 7d",
    "supportops kpi --check --since 7d   # cron: exit 1 when a target is missed",
    "supportops kpi --by priority --format csv --encoding cp932 --out kpi.csv",
  ]);
}
