import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A worker script's URL when its compiled JavaScript exists, else null: running from the
 * TypeScript sources (the tests), Node cannot start a worker from a .ts file, and the work is
 * done in-process instead.
 */
export function compiledWorker(script: URL): URL | null {
  return script.protocol === "file:" && existsSync(fileURLToPath(script)) ? script : null;
}
