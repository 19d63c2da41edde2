/**
 * Errors at the configuration boundary. A `ConfigError` names where (file line, section path,
 * statement), what (option, value) and what is allowed, so an operator can fix the file or the
 * command without reading code. The console editor renders the same fields in FortiOS shape.
 */

export type ConfigErrorCode =
  /** Structure: unbalanced config/edit/next/end, a stray statement, an unterminated quote. */
  | 'syntax'
  | 'unknown-section'
  | 'unknown-option'
  /** One option's value is not allowed (range, enum, port, address...). */
  | 'value'
  /** A cross-field rule of a section failed (e.g. a-p mode without a heartbeat device). */
  | 'rule';

export interface ConfigErrorDetail {
  code: ConfigErrorCode;
  /** 1-based line of the file; absent for console edits and whole-config checks. */
  line?: number;
  /** Block headers from the top, e.g. ['config system ha'] or ['config system interface', 'edit "port1"']. */
  path: readonly string[];
  /** The statement as written, e.g. `set priority 300`. */
  statement?: string;
  option?: string;
  /** The offending token (the console prints "parse error before '<value>'"). */
  value?: string;
  /** What is wrong, e.g. "out of range". */
  reason: string;
  /** What is allowed, as a range or pattern, e.g. "0-255". */
  allowed?: string;
  /** What is allowed, as a closed list (options, sections, enum values, ports). */
  choices?: readonly string[];
  /** What the option takes, as a phrase completing "<option> must be ...", e.g. "an integer 0-255". */
  expected?: string;
}

export class ConfigError extends Error implements ConfigErrorDetail {
  readonly code: ConfigErrorCode;
  readonly line?: number;
  readonly path: readonly string[];
  readonly statement?: string;
  readonly option?: string;
  readonly value?: string;
  readonly reason: string;
  readonly allowed?: string;
  readonly choices?: readonly string[];
  readonly expected?: string;

  constructor(detail: ConfigErrorDetail) {
    super(formatConfigError(detail));
    this.name = 'ConfigError';
    this.code = detail.code;
    this.line = detail.line;
    this.path = detail.path;
    this.statement = detail.statement;
    this.option = detail.option;
    this.value = detail.value;
    this.reason = detail.reason;
    this.allowed = detail.allowed;
    this.choices = detail.choices;
    this.expected = detail.expected;
  }

  get detail(): ConfigErrorDetail {
    return {
      code: this.code,
      line: this.line,
      path: this.path,
      statement: this.statement,
      option: this.option,
      value: this.value,
      reason: this.reason,
      allowed: this.allowed,
      choices: this.choices,
      expected: this.expected,
    };
  }

  /** The same error placed at a file line (whole-config checks learn the line afterwards). */
  atLine(line: number | undefined): ConfigError {
    return line === undefined ? this : new ConfigError({ ...this.detail, line });
  }
}

/** `line 12: config system ha: set priority 300: out of range, allowed 0-255` */
export function formatConfigError(d: ConfigErrorDetail): string {
  const parts: string[] = [];
  if (d.line !== undefined) parts.push(`line ${d.line}`);
  parts.push(...d.path);
  if (d.statement) parts.push(d.statement);
  let text = parts.length > 0 ? `${parts.join(': ')}: ${d.reason}` : d.reason;
  if (d.allowed !== undefined) text += `, allowed ${d.allowed}`;
  else if (d.choices !== undefined) text += `, allowed: ${d.choices.length > 0 ? d.choices.join(', ') : '(none)'}`;
  return text;
}

/**
 * A value an option kind refuses, before it is known where the value came from. The schema
 * layer turns it into a `ConfigError` with the line, path and option.
 */
export class ValueError extends Error {
  constructor(
    readonly value: string,
    readonly reason: string,
    readonly expected: string,
    readonly limits: { allowed?: string; choices?: readonly string[] } = {},
  ) {
    super(`${value}: ${reason}`);
    this.name = 'ValueError';
  }
}

/** A console commit the commit gate refused (the primary said no, or could not be reached): nothing was saved. */
export class CommitRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CommitRefused';
  }
}
