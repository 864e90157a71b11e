import type { Severity } from "../../lint/types.js";
import { type StreamingFormatter, whole } from "./types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Workflow-command data: %, CR and LF escaped (GitHub's toCommandValue). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Workflow-command property values: also : and , escaped. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions annotations, one `::error file=…,line=…::message` line per finding. */
export const githubStream: StreamingFormatter = {
  begin: () => "",
  file(file) {
    let out = "";
    for (const f of file.findings) {
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`supportops lint: ${f.ruleId}`)}`,
      ].join(",");
      const message = f.note ? `${f.message}\n${f.note}` : f.message;
      out += `::${COMMAND[f.severity]} ${props}::${escapeData(message)}\n`;
    }
    return out;
  },
  end: () => "",
};

export const github = whole(githubStream);
