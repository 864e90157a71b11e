/**
 * Typed errors and the exit codes they map to. Every failure a user can cause is one of these;
 * anything else is a bug and exits 70 (see docs/cli.md).
 */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  dataError: 65,
  internal: 70,
  tempFail: 75,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class SupportopsError extends Error {
  readonly exitCode: ExitCode;
  /** What the user can do about it; printed on its own line after the message. */
  readonly hint: string | undefined;
  constructor(message: string, exitCode: ExitCode, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad flags or arguments. */
export class UsageError extends SupportopsError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** Bad configuration: file, key and expectation belong in the message. */
export class ConfigError extends SupportopsError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** A position in an input file, carried into messages as `file:line:column`. */
export interface SourcePosition {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
}

export function formatPosition(pos: SourcePosition): string {
  let s = pos.file;
  if (pos.line !== undefined) s += `:${pos.line}`;
  if (pos.line !== undefined && pos.column !== undefined) s += `:${pos.column}`;
  if (pos.field !== undefined) s += ` (field "${pos.field}")`;
  return s;
}

/** Input data that cannot be used as it is (exit 65, the store left unchanged). */
export class DataError extends SupportopsError {
  readonly position: SourcePosition | undefined;
  constructor(message: string, position?: SourcePosition, hint?: string) {
    super(position ? `${formatPosition(position)}: ${message}` : message, ExitCode.dataError, hint);
    this.position = position;
  }
}

/** A temporary condition such as a locked store (exit 75: retry later). */
export class TempFailError extends SupportopsError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.tempFail, hint);
  }
}

/** A check ran and found something (KPI target missed, alerts with --fail-on-alerts, lint errors). */
export class CheckFailedError extends SupportopsError {
  constructor(message: string) {
    super(message, ExitCode.checkFailed);
  }
}
