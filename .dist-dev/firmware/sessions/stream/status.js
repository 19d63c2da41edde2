/**
 * What each end of the session stream counts and shows, for `diagnose sys ha status` (sync
 * lag, sequence gaps, retransmissions). Whatever an end drops bumps a counter named for the
 * reason, so the counters of the two ends and of the link between them can be checked against
 * each other (stream.test.ts does).
 */
export {};
//# sourceMappingURL=status.js.map