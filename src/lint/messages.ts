import type { Lang } from "../i18n.js";

/** The finding's message: what to write instead of what. */
export function findingMessage(actual: string, suggestions: readonly string[], lang: Lang): string {
  if (lang === "ja") {
    const list = suggestions.map((s) => `「${s}」`).join("または");
    return `「${actual}」ではなく${list}を使ってください。`;
  }
  const list = suggestions.map((s) => `"${s}"`).join(" or ");
  return `Use ${list} instead of "${actual}".`;
}
