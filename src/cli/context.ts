import type { Readable, Writable } from "node:stream";
import { Chalk, type ChalkInstance } from "chalk";
import { type LoadedConfig, loadConfig } from "../config/load.js";
import { type Lang, resolveLang } from "../i18n.js";

type TtyAware = { isTTY?: boolean };

/** The process seam: everything a command touches of the outside world. Tests pass fakes. */
export interface CliIO {
  stdin: Readable & TtyAware;
  stdout: Writable & TtyAware;
  stderr: Writable & TtyAware;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Options every command accepts (defined once in main.ts). */
export interface GlobalOptions {
  config?: string;
  db?: string;
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  lang?: string;
  input?: boolean;
}

export function processIO(): CliIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour on a TTY only; never with NO_COLOR, TERM=dumb or --no-color; FORCE_COLOR forces it. */
export function colorEnabled(io: CliIO, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.TERM === "dumb") return false;
  return io.stdout.isTTY === true;
}

export class CliContext {
  readonly io: CliIO;
  readonly opts: GlobalOptions;
  readonly color: boolean;
  readonly chalk: ChalkInstance;
  /** Colour for stderr messages: judged on stderr's own TTY. */
  readonly errChalk: ChalkInstance;
  private loaded: LoadedConfig | undefined;

  constructor(io: CliIO, opts: GlobalOptions) {
    this.io = io;
    this.opts = opts;
    this.color = colorEnabled(io, opts.color);
    this.chalk = new Chalk({ level: this.color ? 1 : 0 });
    const errColor = colorEnabled({ ...io, stdout: io.stderr }, opts.color);
    this.errChalk = new Chalk({ level: errColor ? 1 : 0 });
  }

  /** Report label language: --lang, then SUPPORTOPS_LANG, then the config's output.lang, then LANG. */
  get lang(): Lang {
    const fromEnv = this.io.env.SUPPORTOPS_LANG;
    const explicit = this.opts.lang ?? (fromEnv === "en" || fromEnv === "ja" ? fromEnv : undefined);
    return resolveLang(explicit ?? this.config.config.output?.lang, this.io.env);
  }

  get isCI(): boolean {
    const ci = this.io.env.CI;
    return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
  }

  /** Prompts are allowed only when a person is there to answer them. */
  get interactive(): boolean {
    return (
      this.opts.input !== false && !this.isCI && this.io.stdin.isTTY === true && this.io.stdout.isTTY === true
    );
  }

  /** Progress bars only on an interactive stderr, never in CI or with --quiet. */
  get showProgress(): boolean {
    return !this.opts.quiet && !this.isCI && this.io.stderr.isTTY === true;
  }

  get config(): LoadedConfig {
    this.loaded ??= loadConfig({ explicitPath: this.opts.config, cwd: this.io.cwd, env: this.io.env });
    return this.loaded;
  }

  /** Data for the user: stdout. */
  out(text: string): void {
    this.io.stdout.write(text);
  }

  /** Status for the user: stderr, silenced by --quiet. */
  info(message: string): void {
    if (!this.opts.quiet) this.io.stderr.write(`${message}\n`);
  }

  /** Warnings go to stderr even with --quiet. */
  warn(message: string): void {
    this.io.stderr.write(`${this.errChalk.yellow("warning:")} ${message}\n`);
  }

  debug(message: string): void {
    if (this.opts.debug) this.io.stderr.write(`${this.errChalk.dim(`debug: ${message}`)}\n`);
  }
}
