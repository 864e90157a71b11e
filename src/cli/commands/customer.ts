import { type Command, Option } from "commander";
import { resolveConfigFor } from "../../config/resolve.js";
import { renderReport } from "../../report/index.js";
import { currentDormancyStage, surveysOfCustomer, ticketsOfCustomer } from "../../store/queries/customers.js";
import { ordersOfCustomer } from "../../store/queries/orders.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { writeOutput } from "../output.js";
import { action, type CommandDeps, withExamples } from "../program.js";
import { runRfmOnStore } from "../rfm/analysis.js";
import { buildCustomerView, customerViewJson, customerViewReport } from "../rfm/customer-view.js";
import { type RfmFlags, rfmOptionsFrom } from "../rfm/settings.js";
import { supportCountsOf } from "../rfm/support.js";
import { openStoreFor } from "../store-access.js";

interface CustomerFlags extends RfmFlags {
  orders?: string[];
  tickets?: string[];
  surveys?: string[];
  json?: boolean;
}

async function run(ctx: CliContext, customerId: string, flags: CustomerFlags): Promise<number> {
  const values = resolveConfigFor(ctx, { timezone: flags.tz }).values;
  const analysis = rfmOptionsFrom(flags, values);
  const db = await openStoreFor(ctx, {
    files: { orders: flags.orders, tickets: flags.tickets, surveys: flags.surveys },
    timezone: flags.tz,
  });
  try {
    const orders = ordersOfCustomer(db, customerId);
    const tickets = ticketsOfCustomer(db, customerId);
    const surveys = surveysOfCustomer(db, customerId);
    if (orders.length === 0 && tickets.length === 0 && surveys.length === 0) {
      throw new UsageError(
        `no customer "${customerId}" in the store (no orders, tickets or survey answers)`,
        "check the id (ids are case-sensitive), or import the customer's data first",
      );
    }
    // Scores are relative: the customer is scored among all customers as of the date.
    const rfm = runRfmOnStore(db, {
      analysis,
      asOfText: flags.asOf,
      withSupport: true,
      recontactWindowDays: values.kpi.recontact_window_days,
      churnPeriod: undefined,
      weekStart: 1,
    });
    const view = buildCustomerView({
      customerId,
      result: rfm.result,
      dormancyStage: currentDormancyStage(db, customerId),
      support: supportCountsOf(rfm.support ?? new Map(), customerId),
      orders,
      tickets,
      surveys,
    });
    const lang = values.output.lang;
    if (flags.json) {
      writeOutput(ctx, `${JSON.stringify(customerViewJson(view, lang), null, 2)}\n`);
    } else {
      const rendered = renderReport(customerViewReport(view), "table", { lang, chalk: ctx.chalk });
      writeOutput(ctx, rendered.data);
    }
  } finally {
    db.close();
  }
  return 0;
}

export function registerCustomerCommand(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command("customer")
    .description(
      "one customer on one screen: orders, RFM scores and segment, dormancy stage, tickets, surveys",
    )
    .argument("<id>", "customer id as in the data (case-sensitive)")
    .option(
      "--as-of <date>",
      "date YYYY-MM-DD the scores are computed for, to the end of that day (default: the day after the latest order)",
    )
    .option("--tz <zone>", "time zone of the data (default: config timezone, $SUPPORTOPS_TZ, system)")
    .option("--orders <files...>", "order exports instead of the store")
    .option("--tickets <files...>", "ticket exports (with --orders)")
    .option("--surveys <files...>", "survey exports (with --orders)")
    .option("--bins <n>", "score bins, 3–10 (default: config rfm.bins)")
    .addOption(new Option("--tie-mode <mode>", "quantile or rank").choices(["quantile", "rank"]))
    .option("--scheme <name>", "segment scheme: standard, rfm-r, ja, or a name under rfm.schemes")
    .addOption(new Option("--monetary <measure>", "sum or mean").choices(["sum", "mean"]))
    .option("--json", "print the view as JSON")
    .action(action(deps, (ctx, id: string, flags: CustomerFlags) => run(ctx, id, flags)));
  withExamples(cmd, ["supportops customer C0042", "supportops customer C0042 --as-of 2025-06-30 --json"]);
}
