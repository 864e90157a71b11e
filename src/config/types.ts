/**
 * The configuration file's shape (`supportops.config.yaml`). Keys are snake_case, like the store's
 * columns. Every section is optional in the file; defaults.ts fills the rest, and
 * schema/supportops.schema.json validates it (docs/config.md is the reference).
 */

export type RecordKind = "tickets" | "surveys" | "orders";
export type DateOrder = "ymd" | "dmy" | "mdy";
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
export type OutputFormat = "table" | "json" | "csv" | "markdown" | "html";
export type OutputEncoding = "utf8" | "utf8-bom" | "cp932";

/** A named column mapping: source header → canonical field (src/domain/records.ts). */
export interface ColumnMapping {
  /** Record kind the mapping is for. */
  kind: RecordKind;
  /** Source header → canonical field name (see docs/import.md). */
  columns: Record<string, string>;
  /** Day order for ambiguous dates in this export. */
  date_order?: DateOrder;
  /** Time zone of the export's timestamps, when not the data set's. */
  timezone?: string;
}

export interface BusinessHoursConfig {
  /** Weekday → open intervals "HH:MM-HH:MM"; a missing day is closed. */
  schedule?: Partial<Record<Weekday, string[]>>;
  holidays?: {
    /** Japanese national holidays, substitute holidays included. */
    japan?: boolean;
    /** Extra closed days, `YYYY-MM-DD`. */
    dates?: string[];
    /** An iCalendar file of company holidays (relative to the config file). */
    ics?: string;
  };
}

/** Durations are written like `30m`, `8h`, `3d`, `1h30m`. */
export interface SlaTarget {
  first_response?: string;
  resolution?: string;
}

export interface SlaConfig {
  basis?: "business" | "calendar";
  /** Priority → targets; `default` covers the rest. */
  targets?: Record<string, SlaTarget>;
}

export interface KpiConfig {
  recontact_window_days?: number;
  fcr_variant?: "one_reply" | "one_customer_message";
  week_start?: "monday" | "sunday";
  percentiles?: number[];
  /** A help-desk link with `{ticket_id}` in it, for drill-down rows (no default). */
  ticket_url?: string;
}

/** A segment rule (docs/rfm.md): conditions flat or under `when`; every one must hold. */
export interface RfmRule {
  segment?: string;
  name?: string;
  name_ja?: string;
  action?: string;
  action_ja?: string;
  timing?: string;
  timing_ja?: string;
  /** Conditions: a value, a comparison (">=4") or a range ("2..3", "4-5"). */
  when?: Record<string, string | number>;
  r?: string | number;
  f?: string | number;
  m?: string | number;
  fm?: string | number;
  [condition: string]: string | number | Record<string, string | number> | undefined;
}

export interface RfmConfig {
  bins?: number;
  tie_mode?: "quantile" | "rank";
  scheme?: string;
  monetary?: "sum" | "mean";
  /** Custom schemes: name → ordered rules (first match wins). */
  schemes?: Record<string, RfmRule[]>;
  lifecycle?: { new_days?: number; dormant_days?: number; churned_days?: number };
}

export interface DormantStage {
  name: string;
  days: number;
}

export interface DormantConfig {
  method?: "fixed" | "cadence" | "bgnbd" | "auto";
  stages?: DormantStage[];
  cadence_k?: number;
  bgnbd?: {
    time_unit?: "day" | "week";
    thresholds?: Array<{ stage: string; p_alive_below: number }>;
  };
}

export interface LintOverride {
  files: string[];
  severity?: "error" | "warning" | "info" | "off";
  glossaries?: string[];
  /** Rule ids or preferred terms turned off for these files. */
  disable?: string[];
  /** Rule id → severity (or off) for these files. */
  rules?: Record<string, "error" | "warning" | "info" | "off" | false>;
  /** Extra terms for these files only (context-dependent words such as 顧客 / 取引先 / ユーザー). */
  terms?: Array<{
    preferred: string;
    variants: string[];
    note?: string;
    severity?: "error" | "warning" | "info";
    allow?: string[];
  }>;
}

export interface LintConfig {
  builtin?: boolean;
  glossaries?: string[];
  severity?: "error" | "warning" | "info";
  include?: string[];
  ignore_patterns?: string[];
  max_file_size?: number | string;
  max_warnings?: number;
  markdown?: Partial<
    Record<"headings" | "links" | "reference_links" | "blockquotes" | "emphasis" | "tables", boolean>
  >;
  overrides?: LintOverride[];
}

export interface OutputConfig {
  format?: OutputFormat;
  encoding?: OutputEncoding;
  /** Report label language (messages stay English). */
  lang?: "en" | "ja";
}

export interface SupportopsConfig {
  /** `$schema` lets editors find schema/supportops.schema.json. */
  $schema?: string;
  /** IANA time zone of the data set (default: the system's). */
  timezone?: string;
  store?: { path?: string };
  import?: {
    /** Reject limit per file: a count (100) or a percentage ("1%"). */
    max_rejects?: string | number;
    date_order?: DateOrder;
    /** Named column mappings; `--profile NAME` or automatic detection picks them. */
    profiles?: Record<string, ColumnMapping>;
  };
  business_hours?: BusinessHoursConfig;
  sla?: SlaConfig;
  kpi?: KpiConfig;
  /** Checks `kpi --check` applies, e.g. `"frt.p90 <= 60m"`. */
  targets?: string[];
  rfm?: RfmConfig;
  dormant?: DormantConfig;
  lint?: LintConfig;
  output?: OutputConfig;
}

/** Where a value came from, for `config show`. */
export type ConfigSource = "flag" | "env" | "file" | "default";
