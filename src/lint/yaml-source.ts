import { CORE_SCHEMA, load as loadFast } from "js-yaml";
import type { Document } from "yaml";
import { ConfigError } from "../cli/errors.js";
import { yamlModule } from "../config/yaml-lazy.js";

/** A parsed YAML (or JSON) file that can say which line a value came from. */
export interface YamlSource {
  path: string;
  value: unknown;
  /** 1-based line of the node at `path` (or of its nearest parent that exists). */
  lineOf(keys: readonly (string | number)[]): number;
}

export interface YamlParseOptions {
  /**
   * Read the value with js-yaml (the parser prh itself uses; about 4× faster than `yaml` on a
   * 90 KB dictionary, which matters on every lint run) and parse positions with `yaml` only when
   * a line is asked for (errors, `glossary list`). Text js-yaml rejects goes the `yaml` way, so
   * errors read as before.
   */
  fast?: boolean;
}

export function parseYamlSource(text: string, path: string, options: YamlParseOptions = {}): YamlSource {
  if (options.fast) {
    let value: unknown;
    try {
      // The YAML 1.2 core schema, as `yaml` uses (no timestamps); duplicate keys: the last wins, as there.
      value = loadFast(text, { schema: CORE_SCHEMA, json: true, filename: path });
    } catch {
      return parseWithPositions(text, path);
    }
    let positions: YamlSource | undefined;
    return {
      path,
      value,
      lineOf(keys) {
        positions ??= parseWithPositions(text, path);
        return positions.lineOf(keys);
      },
    };
  }
  return parseWithPositions(text, path);
}

/** With `yaml`, loaded only here: a glossary read the fast way never needs it unless a line is asked for. */
function parseWithPositions(text: string, path: string): YamlSource {
  const { LineCounter, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(`${path}:${pos.line}:${pos.col}: invalid YAML: ${first.message.split("\n")[0]}`);
  }
  return {
    path,
    value: doc.toJS(),
    lineOf(keys) {
      for (let n = keys.length; n >= 0; n--) {
        const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === "object" && Array.isArray(node.range)) {
          return lineCounter.linePos(node.range[0]).line;
        }
      }
      return 1;
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
