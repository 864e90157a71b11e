import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let loaded: typeof import("yaml") | undefined;

/**
 * The yaml package, loaded on first use: only runs with a configuration file parse YAML, and
 * loading it costs about 45 ms of every command's start-up.
 */
export function yamlModule(): typeof import("yaml") {
  loaded ??= require("yaml") as typeof import("yaml");
  return loaded;
}
