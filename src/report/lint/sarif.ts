import type { Severity } from "../../lint/types.js";
import type { LintFormatter } from "./types.js";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

function uriOf(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule that has a result listed in
 * tool.driver.rules (results point at it by ruleIndex), columns declared as UTF-16 code units.
 */
export const sarif: LintFormatter = (files, options) => {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  const results: object[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      let index = ruleIndex.get(f.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(f.ruleId, index);
        const text = `Write "${f.ruleId}"`;
        rules.push({
          id: f.ruleId,
          shortDescription: { text },
          fullDescription: { text: f.note ? `${text}. ${f.note}` : text },
          help: { text: f.note ?? text },
          defaultConfiguration: { level: LEVEL[f.severity] },
        });
      }
      const fixes =
        f.suggestions.length === 1
          ? [
              {
                description: { text: f.message },
                artifactChanges: [
                  {
                    artifactLocation: { uri: uriOf(file.path) },
                    replacements: [
                      {
                        deletedRegion: {
                          startLine: f.line,
                          startColumn: f.column,
                          endLine: f.endLine,
                          endColumn: f.endColumn,
                        },
                        insertedContent: { text: f.suggestions[0] },
                      },
                    ],
                  },
                ],
              },
            ]
          : undefined;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index,
        level: LEVEL[f.severity],
        message: { text: f.note ? `${f.message} ${f.note}` : f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(file.path) },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                snippet: { text: f.actual },
              },
            },
          },
        ],
        ...(fixes ? { fixes } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "supportops",
            version: options.version,
            rules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
