import type {
  ColumnMapping,
  DateOrder,
  DormantConfig,
  KpiConfig,
  LintOverride,
  OutputConfig,
  RfmRule,
  SlaTarget,
  Weekday,
} from "./types.js";

/** The configuration every command sees: the file's values over these defaults, all keys present. */
export interface EffectiveConfig {
  timezone: string;
  /** Absolute path of the store file. */
  store: { path: string };
  import: {
    max_rejects: string | number;
    date_order: DateOrder;
    profiles: Record<string, ColumnMapping>;
  };
  business_hours: {
    schedule: Partial<Record<Weekday, string[]>>;
    /** `ics` is absolute when set. */
    holidays: { japan: boolean; dates: string[]; ics?: string };
  };
  sla: { basis: "business" | "calendar"; targets: Record<string, SlaTarget> };
  kpi: Required<Omit<KpiConfig, "ticket_url">> & Pick<KpiConfig, "ticket_url">;
  targets: string[];
  rfm: {
    bins: number;
    tie_mode: "quantile" | "rank";
    scheme: string;
    monetary: "sum" | "mean";
    schemes: Record<string, RfmRule[]>;
    lifecycle: { new_days: number; dormant_days: number; churned_days: number };
  };
  dormant: Required<Omit<DormantConfig, "bgnbd">> & {
    bgnbd: Required<NonNullable<DormantConfig["bgnbd"]>>;
  };
  /** `glossaries` are absolute paths. */
  lint: { builtin: boolean; glossaries: string[]; overrides: LintOverride[] };
  output: Required<OutputConfig>;
}

export const DEFAULT_STORE_PATH = ".supportops/supportops.db";

const WEEKDAY_HOURS = ["09:00-18:00"];

/**
 * Defaults, chosen for a Japanese support team on a weekday 09:00–18:00 schedule. `timezone`,
 * `store.path` and `output.lang` depend on the machine and are filled in by resolve.ts.
 */
export function defaultConfig(): Omit<EffectiveConfig, "timezone" | "store" | "output"> & {
  output: Omit<EffectiveConfig["output"], "lang">;
} {
  return {
    import: { max_rejects: "1%", date_order: "ymd", profiles: {} },
    business_hours: {
      schedule: {
        mon: [...WEEKDAY_HOURS],
        tue: [...WEEKDAY_HOURS],
        wed: [...WEEKDAY_HOURS],
        thu: [...WEEKDAY_HOURS],
        fri: [...WEEKDAY_HOURS],
      },
      holidays: { japan: true, dates: [] },
    },
    sla: { basis: "business", targets: { default: { first_response: "8h", resolution: "3d" } } },
    kpi: { recontact_window_days: 7, fcr_variant: "one_reply", week_start: "monday", percentiles: [50, 90] },
    targets: [],
    rfm: {
      bins: 5,
      tie_mode: "quantile",
      scheme: "standard",
      monetary: "sum",
      schemes: {},
      lifecycle: { new_days: 30, dormant_days: 90, churned_days: 180 },
    },
    dormant: {
      method: "fixed",
      stages: [
        { name: "watch", days: 30 },
        { name: "intervene", days: 45 },
        { name: "dormant_risk", days: 60 },
        { name: "dormant", days: 90 },
      ],
      cadence_k: 1.5,
      bgnbd: {
        time_unit: "week",
        thresholds: [
          { stage: "dormant_risk", p_alive_below: 0.5 },
          { stage: "dormant", p_alive_below: 0.2 },
        ],
      },
    },
    lint: { builtin: true, glossaries: [], overrides: [] },
    output: { format: "table", encoding: "utf8" },
  };
}

/**
 * Maps a user writes as a whole: the file's map replaces the default instead of merging into it
 * (a schedule without `sat` means Saturday is closed, not "Saturday as by default").
 */
export const WHOLE_VALUE_PATHS: ReadonlySet<string> = new Set([
  "business_hours.schedule",
  "sla.targets",
  "import.profiles",
  "rfm.schemes",
]);
