/** The configuration module's public surface: other modules import from here. */
export { DEFAULT_STORE_PATH, defaultConfig, type EffectiveConfig } from "./defaults.js";
export {
  CONFIG_ENV,
  CONFIG_FILE_NAMES,
  checkConfigText,
  findConfigFile,
  type LoadedConfig,
  loadConfig,
  locateConfigFile,
} from "./load.js";
export {
  type FlagOverrides,
  OVERRIDES,
  type ResolvedConfig,
  resolveConfig,
  resolveConfigFor,
  resolveStorePath,
  type SettingOrigin,
  type SettingsContext,
} from "./resolve.js";
export type * from "./types.js";
export { type ConfigIssue, formatIssue } from "./validate.js";
