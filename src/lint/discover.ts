import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import ignore, { type Ignore } from "ignore";

/**
 * Which files `supportops lint` reads: paths, folders (their Markdown and text files) and globs,
 * minus what .gitignore files and --ignore-pattern exclude; never a file whose real path lies
 * outside the project folder (symlinks are not followed out of it).
 */
export interface DiscoverOptions {
  /** Project folder: globs are relative to it and nothing outside it is read. */
  root: string;
  /** Command-line paths or globs; empty for `include`. */
  targets: readonly string[];
  include: readonly string[];
  ignorePatterns: readonly string[];
}

export interface Discovered {
  files: string[];
  /** Files left out with the reason, for warnings. */
  skipped: { path: string; reason: string }[];
}

const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

function toPosix(p: string): string {
  return p.split(sep).join("/");
}

function isGlob(s: string): boolean {
  return fg.isDynamicPattern(s);
}

/** .gitignore files under the root (and the root's own), each applying to its folder. */
function gitignores(root: string): { dir: string; ig: Ignore }[] {
  const found = fg.sync("**/.gitignore", {
    cwd: root,
    dot: true,
    ignore: ALWAYS_IGNORED,
    followSymbolicLinks: false,
  });
  return found.map((rel) => {
    const path = join(root, rel);
    return { dir: dirname(path), ig: ignore().add(readFileSync(path, "utf8")) };
  });
}

export function discoverFiles(opts: DiscoverOptions): Discovered {
  const root = resolve(opts.root);
  const realRoot = realpathSync(root);
  const patterns: string[] = [];
  const explicit: string[] = [];
  const targets = opts.targets.length > 0 ? opts.targets : opts.include;
  for (const t of targets) {
    const abs = isAbsolute(t) ? t : resolve(root, t);
    if (!isGlob(t) && existsSync(abs)) {
      if (statSync(abs).isDirectory()) {
        const rel = toPosix(relative(root, abs)) || ".";
        for (const inc of opts.include)
          patterns.push(rel === "." ? inc : `${rel}/${inc.replace(/^\*\*\//, "**/")}`);
      } else {
        explicit.push(abs);
      }
    } else {
      patterns.push(isAbsolute(t) ? toPosix(relative(root, t)) : t);
    }
  }
  const globbed =
    patterns.length === 0
      ? []
      : fg.sync(patterns, {
          cwd: root,
          absolute: true,
          // Symbolic links to files are entries too (onlyFiles would drop them); folders they
          // point to are never walked, and every entry's real path is checked below.
          onlyFiles: false,
          markDirectories: true,
          dot: false,
          followSymbolicLinks: false,
          ignore: ALWAYS_IGNORED,
        });
  const ignores = gitignores(root);
  const extra = ignore().add([...opts.ignorePatterns]);
  const skipped: Discovered["skipped"] = [];
  const seen = new Set<string>();
  const files: string[] = [];
  const entries = globbed.filter((f) => !f.endsWith("/")).map((f) => resolve(f));
  for (const file of [...explicit, ...entries]) {
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = toPosix(relative(root, file));
    if (!rel.startsWith("../") && rel !== "..") {
      if (extra.ignores(rel) || ignores.some(({ dir, ig }) => isIgnoredBy(ig, dir, file))) continue;
    }
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      skipped.push({ path: file, reason: "broken symbolic link" });
      continue;
    }
    // A path inside the project whose real file lies outside it goes through a symbolic link:
    // not followed. (A path the user names outside the project is read as given.)
    const named = file === root || file.startsWith(root + sep);
    const lands = real === realRoot || real.startsWith(realRoot + sep);
    if (named && !lands) {
      skipped.push({ path: file, reason: "outside the project folder (symbolic link not followed)" });
      continue;
    }
    if (!statSync(real).isFile()) continue;
    files.push(file);
  }
  files.sort();
  return { files, skipped };
}

function isIgnoredBy(ig: Ignore, dir: string, file: string): boolean {
  const rel = relative(dir, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return false;
  return ig.ignores(toPosix(rel));
}
