/**
 * The configuration file's shape (`supportops.config.yaml`). Keys are snake_case, like the store's
 * columns. Every section is optional; defaults live in defaults.ts.
 */
export interface ColumnMapping {
  /** Record kind the mapping is for. */
  kind: "tickets" | "surveys" | "orders";
  /** Source header → canonical field name (see docs/import.md). */
  columns: Record<string, string>;
  /** Day order for ambiguous dates in this export. */
  date_order?: "ymd" | "dmy" | "mdy";
  /** Time zone of the export's timestamps, when not the data set's. */
  timezone?: string;
}

export interface SupportopsConfig {
  /** IANA time zone of the data set (default: the system's). */
  timezone?: string;
  store?: { path?: string };
  import?: {
    /** Reject limit per file: a count ("100") or a percentage ("1%"). */
    max_rejects?: string | number;
    date_order?: "ymd" | "dmy" | "mdy";
    /** Named column mappings; `--profile NAME` or automatic detection picks them. */
    profiles?: Record<string, ColumnMapping>;
  };
  /** Further sections (kpi, business_hours, sla, targets, rfm, dormant, lint) are read by their commands. */
  [section: string]: unknown;
}

/** Where a value came from, for `config show`. */
export type ConfigSource = "flag" | "env" | "file" | "default";
