import type { CompiledRule } from "./rule.js";
import type { RuleOrigin, Severity } from "./types.js";

/**
 * Character-width style rules: full-width ASCII letters and digits (ＦＡＱ → FAQ) and half-width
 * katakana (ｶｽﾀﾏｰ → カスタマー). The fix is the NFKC form of the run.
 */
function widthRule(
  id: string,
  regex: RegExp,
  chars: string[],
  flagged: string,
  preferred: string,
  note: string,
  severity: Severity,
  origin: RuleOrigin,
): CompiledRule {
  return {
    id,
    kind: "width",
    severity,
    flagged,
    preferred,
    note,
    origin,
    // Matched on the raw text (their characters are what folding removes): any one of them.
    anchors: { space: "raw", strings: chars },
    collect(prose, out) {
      regex.lastIndex = 0;
      for (let m = regex.exec(prose.text); m !== null; m = regex.exec(prose.text)) {
        out.push({
          ruleId: id,
          start: prose.base + m.index,
          end: prose.base + m.index + m[0].length,
          actual: m[0],
          suggestions: [m[0].normalize("NFKC")],
          noop: false,
        });
      }
    },
  };
}

function charRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let c = first.charCodeAt(0); c <= last.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

export function widthRules(severity: Severity, origin: RuleOrigin): CompiledRule[] {
  return [
    widthRule(
      "full-width-alphanumerics",
      /[Ａ-Ｚａ-ｚ０-９]+/g,
      [...charRange("Ａ", "Ｚ"), ...charRange("ａ", "ｚ"), ...charRange("０", "９")],
      "full-width letters and digits (ＡＢＣ１２３)",
      "half-width (ABC123)",
      "Letters and digits are written half-width.",
      severity,
      origin,
    ),
    widthRule(
      "half-width-katakana",
      /[\uFF66-\uFF9F]+/g,
      charRange("\uFF66", "\uFF9F"),
      "half-width katakana (ｶﾀｶﾅ)",
      "full-width (カタカナ)",
      "Katakana is written full-width.",
      severity,
      origin,
    ),
  ];
}
