/**
 * The board cannot be used: an unknown board name, or a board without what its definition
 * relies on (a serial number, the rig's environment for the sim board). firmware/main.ts
 * reports it in one line and refuses to start, like a bad configuration.
 */
export class BoardError extends Error {
    board;
    constructor(
    /** The board name as asked for. */
    board, message) {
        super(message);
        this.board = board;
        this.name = 'BoardError';
    }
}
//# sourceMappingURL=errors.js.map