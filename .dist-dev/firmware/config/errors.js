/**
 * Errors at the configuration boundary. A `ConfigError` names where (file line, section path,
 * statement), what (option, value) and what is allowed, so an operator can fix the file or the
 * command without reading code. The console editor renders the same fields in FortiOS shape.
 */
export class ConfigError extends Error {
    code;
    line;
    path;
    statement;
    option;
    value;
    reason;
    allowed;
    choices;
    expected;
    constructor(detail) {
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
    get detail() {
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
    atLine(line) {
        return line === undefined ? this : new ConfigError({ ...this.detail, line });
    }
}
/** `line 12: config system ha: set priority 300: out of range, allowed 0-255` */
export function formatConfigError(d) {
    const parts = [];
    if (d.line !== undefined)
        parts.push(`line ${d.line}`);
    parts.push(...d.path);
    if (d.statement)
        parts.push(d.statement);
    let text = parts.length > 0 ? `${parts.join(': ')}: ${d.reason}` : d.reason;
    if (d.allowed !== undefined)
        text += `, allowed ${d.allowed}`;
    else if (d.choices !== undefined)
        text += `, allowed: ${d.choices.length > 0 ? d.choices.join(', ') : '(none)'}`;
    return text;
}
/**
 * A value an option kind refuses, before it is known where the value came from. The schema
 * layer turns it into a `ConfigError` with the line, path and option.
 */
export class ValueError extends Error {
    value;
    reason;
    expected;
    limits;
    constructor(value, reason, expected, limits = {}) {
        super(`${value}: ${reason}`);
        this.value = value;
        this.reason = reason;
        this.expected = expected;
        this.limits = limits;
        this.name = 'ValueError';
    }
}
/** A console commit the commit gate refused (the primary said no, or could not be reached): nothing was saved. */
export class CommitRefused extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
        this.name = 'CommitRefused';
    }
}
//# sourceMappingURL=errors.js.map