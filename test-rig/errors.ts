/**
 * Errors the rig reports to its callers. Messages are written for a person reading a failed
 * test: they name the rig, board or command involved and what was expected.
 */
export class RigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RigError';
  }
}

/** A command the rig ran (`ip`, `sysctl`) failed; the message carries its stderr. */
export class CommandError extends RigError {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${command}: ${stderr.trim() || 'no output'} (exit ${exitCode ?? 'by signal'})`);
    this.name = 'CommandError';
  }
}
