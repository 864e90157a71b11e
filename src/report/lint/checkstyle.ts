import { type StreamingFormatter, whole } from "./types.js";

const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
// Characters XML 1.0 cannot carry at all.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, "").replace(XML_SPECIAL, (c) => XML_ENTITY[c] ?? c);
}

/** Checkstyle XML, as Jenkins and reviewdog read it. */
export const checkstyleStream: StreamingFormatter = {
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n',
  file(file) {
    const out = [`  <file name="${escapeXml(file.path)}">`];
    for (const f of file.findings) {
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${escapeXml(f.message)}" source="${escapeXml(`supportops.lint.${f.ruleId}`)}" />`,
      );
    }
    out.push("  </file>");
    return `${out.join("\n")}\n`;
  },
  end: () => "</checkstyle>\n",
};

export const checkstyle = whole(checkstyleStream);
