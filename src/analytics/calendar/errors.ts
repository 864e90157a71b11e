/**
 * Errors raised by the calendar module. Analytics does not know about exit codes: the CLI wraps
 * these into its own typed errors (ConfigError, UsageError) and keeps the message.
 */

/** A `business_hours` value that cannot be used; `key` is its dotted path in the config file. */
export class CalendarConfigError extends Error {
  readonly key: string;
  constructor(key: string, expectation: string) {
    super(`${key}: ${expectation}`);
    this.name = "CalendarConfigError";
    this.key = key;
  }
}

/** A line of an ICS file that cannot be read; `line` is 1-based in the unfolded source. */
export class IcsParseError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "IcsParseError";
    this.line = line;
  }
}

/** A `--since`/`--until`/`--compare` range that does not follow the grammar. */
export class RangeSpecError extends Error {
  readonly spec: string;
  constructor(spec: string, expectation: string) {
    super(`invalid range "${spec}": ${expectation}`);
    this.name = "RangeSpecError";
    this.spec = spec;
  }
}
