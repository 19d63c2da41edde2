/**
 * The board cannot be used: an unknown board name, or a board without what its definition
 * relies on (a serial number, the rig's environment for the sim board). firmware/main.ts
 * reports it in one line and refuses to start, like a bad configuration.
 */
export class BoardError extends Error {
  constructor(
    /** The board name as asked for. */
    readonly board: string,
    message: string,
  ) {
    super(message);
    this.name = 'BoardError';
  }
}
