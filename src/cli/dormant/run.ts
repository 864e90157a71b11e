/** What the parts of one `supportops dormant` run share: flags, settings, store, history. */
import type { OrderHistory } from "../../analytics/dormant/index.js";
import type { Label, Report } from "../../report/index.js";
import type { Db } from "../../store/db.js";
import type { CliContext } from "../context.js";
import type { DormantSettings } from "./settings.js";

export interface DormantFlags {
  method?: string;
  asOf?: string;
  all?: boolean;
  dryRun?: boolean;
  failOnAlerts?: boolean;
  fitReport?: boolean;
  calibrationEnd?: string;
  holdoutEnd?: string;
  timeUnit?: string;
  orders?: string[];
  /** False with --no-rfm. */
  rfm?: boolean;
  tz?: string;
  format?: string;
  encoding?: string;
  out?: string;
}

/** What every part of one run needs to know. */
export interface DormantRun {
  ctx: CliContext;
  flags: DormantFlags;
  settings: DormantSettings;
  timeZone: string;
  db: Db;
  history: OrderHistory;
  asOfDay: number;
  /** Day after the latest order: the default as-of. */
  defaultAsOfDay: number;
  /** False for --dry-run and for ad-hoc files (--orders). */
  recording: boolean;
  render: (report: Report) => void;
}

export function unitLabel(settings: DormantSettings): Label {
  return settings.timeUnit === "week" ? { en: "week", ja: "週" } : { en: "day", ja: "日" };
}

/** Seconds since a performance.now() mark, for the --debug phase timings. */
export function seconds(from: number): string {
  return ((performance.now() - from) / 1000).toFixed(3);
}
