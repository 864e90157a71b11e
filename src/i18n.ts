/** Report-label language. Messages stay in English; labels in reports follow this. */
export type Lang = "en" | "ja";

/** `--lang` wins; otherwise a Japanese LC_ALL / LC_MESSAGES / LANG selects Japanese. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === "en" || flag === "ja") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ja([_.-]|$)/i.test(locale) ? "ja" : "en";
}
