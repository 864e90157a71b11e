/**
 * The dormancy settings of one run: configuration (`dormant.*`) overridden by flags, checked
 * once. Configuration problems are ConfigError (exit 2) naming the key; flag problems UsageError.
 */
import { parseDateKey } from "../../analytics/calendar/dates.js";
import {
  checkPAliveThresholds,
  DormantConfigError,
  type DormantMethod,
  type PAliveThreshold,
  type StageLadder,
  stageLadder,
  type TimeUnit,
  unitDays,
} from "../../analytics/dormant/index.js";
import type { EffectiveConfig } from "../../config/defaults.js";
import { ConfigError, UsageError } from "../errors.js";

export const DORMANT_METHODS: readonly DormantMethod[] = ["fixed", "cadence", "bgnbd", "auto"];
export const TIME_UNITS: readonly TimeUnit[] = ["day", "week"];

export interface DormantSettings {
  method: DormantMethod;
  ladder: StageLadder;
  cadenceK: number;
  thresholds: PAliveThreshold[];
  timeUnit: TimeUnit;
  unitDays: number;
}

export function dormantSettings(
  config: EffectiveConfig["dormant"],
  flags: { method?: string | undefined; timeUnit?: string | undefined },
): DormantSettings {
  const method = (flags.method ?? config.method) as DormantMethod;
  if (!DORMANT_METHODS.includes(method)) {
    const where = flags.method !== undefined ? "--method" : "dormant.method";
    const error = `${where}: unknown method "${method}"; expected one of: ${DORMANT_METHODS.join(", ")}`;
    throw flags.method !== undefined ? new UsageError(error) : new ConfigError(error);
  }
  const timeUnit = (flags.timeUnit ?? config.bgnbd.time_unit) as TimeUnit;
  if (!TIME_UNITS.includes(timeUnit)) {
    throw new ConfigError(`dormant.bgnbd.time_unit: expected day or week, not "${timeUnit}"`);
  }
  const cadenceK = config.cadence_k;
  if (!(typeof cadenceK === "number" && Number.isFinite(cadenceK) && cadenceK > 0)) {
    throw new ConfigError(`dormant.cadence_k: expected a positive number, not ${String(cadenceK)}`);
  }
  try {
    const ladder = stageLadder(config.stages);
    const thresholds = config.bgnbd.thresholds.map((t) => ({ stage: t.stage, pAliveBelow: t.p_alive_below }));
    checkPAliveThresholds(ladder, thresholds);
    return { method, ladder, cadenceK, thresholds, timeUnit, unitDays: unitDays(timeUnit) };
  } catch (err) {
    if (err instanceof DormantConfigError) {
      throw new ConfigError(err.message, "fix the dormant section of the configuration file");
    }
    throw err;
  }
}

/** A `YYYY-MM-DD` flag as a local day number. */
export function parseDayFlag(flag: string, value: string): number {
  const day = parseDateKey(value.trim());
  if (day === undefined) {
    throw new UsageError(`${flag} ${value}: expected a date as YYYY-MM-DD`, `for example ${flag} 2025-06-30`);
  }
  return day;
}
