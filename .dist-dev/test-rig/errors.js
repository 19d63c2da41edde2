/**
 * Errors the rig reports to its callers. Messages are written for a person reading a failed
 * test: they name the rig, board or command involved and what was expected.
 */
export class RigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RigError';
    }
}
/** A command the rig ran (`ip`, `sysctl`) failed; the message carries its stderr. */
export class CommandError extends RigError {
    command;
    exitCode;
    stderr;
    constructor(command, exitCode, stderr) {
        super(`${command}: ${stderr.trim() || 'no output'} (exit ${exitCode ?? 'by signal'})`);
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'CommandError';
    }
}
//# sourceMappingURL=errors.js.map