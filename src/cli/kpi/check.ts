/**
 * `--check`: every configured target against the overall figures of the reported range. Exit 1
 * when any is missed (for cron alerting), naming each on stderr; a target without data is
 * reported but does not fail (a quiet week should not page anyone).
 */
import {
  evaluateTargets,
  formatValue,
  type KpiFigures,
  metricDefinition,
  type Target,
  type TargetResult,
} from "../../analytics/kpi/index.js";
import type { Report } from "../../report/index.js";
import { L } from "./labels.js";

export function checkTargets(targets: readonly Target[], figures: KpiFigures): TargetResult[] {
  return evaluateTargets(targets, figures);
}

export function anyMissed(results: readonly TargetResult[]): boolean {
  return results.some((r) => r.status === "missed");
}

/** One stderr line per target that was missed or could not be checked. */
export function checkMessages(results: readonly TargetResult[]): { missed: string[]; noData: string[] } {
  return {
    missed: results
      .filter((r) => r.status === "missed")
      .map((r) => `target missed: ${r.target.expression} (${r.sentence})`),
    noData: results
      .filter((r) => r.status === "no_data")
      .map((r) => `target not checked, no data: ${r.target.expression}`),
  };
}

export function buildCheckReport(results: readonly TargetResult[]): Report {
  return {
    title: L.checkTitle,
    sections: [
      {
        type: "table",
        id: "targets",
        title: { en: "Targets", ja: "目標" },
        columns: [
          { key: "target", label: L.expression, kind: "text" },
          { key: "metric", label: { en: "Metric", ja: "指標" }, kind: "text" },
          { key: "actual", label: L.actual, kind: "text" },
          { key: "status", label: L.status, kind: "target" },
        ],
        rows: results.map((r) => {
          const def = metricDefinition(r.target.metric);
          return {
            cells: {
              target: r.target.expression,
              metric: def.label,
              actual: r.actual === null ? L.noData : formatValue(def.kind, r.actual),
              status:
                r.status === "no_data"
                  ? null
                  : {
                      status: r.status,
                      target: `${r.target.op} ${formatValue(def.kind, r.target.threshold)}`,
                    },
            },
          };
        }),
      },
    ],
  };
}
