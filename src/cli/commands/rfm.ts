import { extname } from "node:path";
import { type Command, Option } from "commander";
import { type OutputEncoding, renderReport } from "../../report/index.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { parseEncoding, resolveReportSettings, writeOutput } from "../output.js";
import { action, type CommandDeps, withExamples } from "../program.js";
import { runRfmOnStore } from "../rfm/analysis.js";
import { type CustomerExportFormat, renderCustomerExport } from "../rfm/customer-export.js";
import { buildRfmReport } from "../rfm/report.js";
import { type RfmFlags, rfmOptionsFrom } from "../rfm/settings.js";
import { openStoreFor } from "../store-access.js";

interface RfmCommandFlags extends RfmFlags {
  orders?: string[];
  tickets?: string[];
  surveys?: string[];
  format?: string;
  out?: string;
  encoding?: string;
  customers?: string;
  customersFormat?: CustomerExportFormat;
  customersEncoding?: string;
  heatmap?: boolean;
  lifecycle?: boolean;
  churnPeriod?: string;
  withSupport?: boolean;
}

const WEEKDAY_NUMBER = { sunday: 0, monday: 1 } as const;

/** CSV unless the file name ends in .json (or --customers-format says otherwise). */
function customerExportFormat(path: string, flag: CustomerExportFormat | undefined): CustomerExportFormat {
  if (flag) return flag;
  return extname(path).toLowerCase() === ".json" ? "json" : "csv";
}

async function run(ctx: CliContext, flags: RfmCommandFlags): Promise<number> {
  const { values, format, encoding, lang } = resolveReportSettings(ctx, flags);
  const analysis = rfmOptionsFrom(flags, values);

  const exportPath = flags.customers;
  const exportFormat = exportPath ? customerExportFormat(exportPath, flags.customersFormat) : "csv";
  const exportEncoding: OutputEncoding = parseEncoding(
    flags.customersEncoding ?? (exportFormat === "csv" ? flags.encoding : undefined),
  );
  if (exportFormat === "json" && exportEncoding !== "utf8") {
    throw new UsageError(
      `--customers-encoding ${exportEncoding} does not apply to a JSON export (always UTF-8)`,
      "write the export as CSV (a .csv name or --customers-format csv), or leave the encoding out",
    );
  }
  if (
    flags.withSupport &&
    (flags.orders?.length ?? 0) > 0 &&
    !flags.tickets?.length &&
    !flags.surveys?.length
  ) {
    ctx.warn(
      "--with-support over --orders files only: give --tickets and --surveys files too, or use the store",
    );
  }

  const db = await openStoreFor(ctx, {
    files: { orders: flags.orders, tickets: flags.tickets, surveys: flags.surveys },
    timezone: flags.tz,
  });
  try {
    const rfm = runRfmOnStore(db, {
      analysis,
      asOfText: flags.asOf,
      withSupport: flags.withSupport === true,
      recontactWindowDays: values.kpi.recontact_window_days,
      churnPeriod: flags.churnPeriod,
      weekStart: WEEKDAY_NUMBER[values.kpi.week_start],
    });
    const report = buildRfmReport(rfm, {
      heatmap: flags.heatmap === true || format === "html",
      lifecycle: flags.lifecycle === true,
    });
    const rendered = renderReport(report, format, { lang, chalk: ctx.chalk, encoding });
    for (const w of rendered.warnings) ctx.warn(w);
    if (exportPath) {
      const exported = renderCustomerExport(rfm.result, {
        format: exportFormat,
        encoding: exportEncoding,
        lang,
        support: rfm.support,
      });
      for (const w of exported.warnings) ctx.warn(w);
      writeOutput(ctx, exported.data, exportPath);
    }
    writeOutput(ctx, rendered.data, flags.out);
  } finally {
    db.close();
  }
  return 0;
}

export function registerRfmCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("rfm")
    .description("score customers on recency, frequency and monetary value and summarise them by segment")
    .option("--orders <files...>", "order exports to analyse instead of the store (CDNOW format too)")
    .option("--tickets <files...>", "ticket exports for --with-support (with --orders)")
    .option("--surveys <files...>", "survey exports for --with-support (with --orders)")
    .option(
      "--as-of <date>",
      "analysis date YYYY-MM-DD, counted to the end of that day (default: the day after the latest order, so reruns over the same data agree)",
    )
    .option("--tz <zone>", "time zone of the data (default: config timezone, $SUPPORTOPS_TZ, system)")
    .option("--bins <n>", "score bins, 3–10 (default: config rfm.bins, 5)")
    .addOption(
      new Option(
        "--tie-mode <mode>",
        "quantile: cut points, ties kept together; rank: equal-count bins",
      ).choices(["quantile", "rank"]),
    )
    .option("--scheme <name>", "segment scheme: standard, rfm-r, ja, or a name under rfm.schemes")
    .addOption(
      new Option("--monetary <measure>", "M on total spend (sum) or average order value (mean)").choices([
        "sum",
        "mean",
      ]),
    )
    .option("--format <format>", "table, json, csv, markdown or html (default: config output.format)")
    .option("--out <file>", "write the report to a file (atomically) instead of stdout")
    .option("--encoding <name>", "utf8, utf8-bom or cp932 for table, csv and markdown (and the CSV export)")
    .option("--customers <file>", "also write one row per customer for CRM import (.json: JSON, else CSV)")
    .addOption(
      new Option("--customers-format <format>", "format of the --customers file").choices(["csv", "json"]),
    )
    .option(
      "--customers-encoding <name>",
      "encoding of a CSV --customers file (default: --encoding, else utf8)",
    )
    .option("--heatmap", "add the R × F heatmap (mean monetary and customers per cell); always in html")
    .option("--lifecycle", "add lifecycle counts (new, active, dormant, churned; thresholds rfm.lifecycle)")
    .option(
      "--churn-period <range>",
      "add the churn rate over a period: YYYY-MM-DD..YYYY-MM-DD, last-quarter, 90d, … (relative to --as-of)",
    )
    .option(
      "--with-support",
      "add tickets per customer, re-contact rate and CSAT per segment (and per customer in the export)",
    )
    .action(action(deps, (ctx, flags: RfmCommandFlags) => run(ctx, flags)));
  withExamples(cmd, [
    "supportops rfm",
    "supportops rfm --orders ../shared/data/cdnow/CDNOW_master.txt --as-of 1998-07-01 --heatmap",
    "supportops rfm --scheme ja --lang ja --lifecycle --churn-period last-quarter",
    "supportops rfm --with-support --customers segments.csv --encoding cp932",
    "supportops rfm --tie-mode rank --format json --out rfm.json",
  ]);
}
