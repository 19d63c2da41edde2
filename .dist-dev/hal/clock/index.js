/**
 * Clock device: monotonic time, the wall clock, a periodic ticker and a blocking wait for use
 * inside a worker.
 *
 * Times are milliseconds of CLOCK_MONOTONIC as floats. CLOCK_MONOTONIC is one clock for the
 * whole host, shared by every process and network namespace, so the test rig can compare a
 * fault's injection time with a board's reaction time directly. The wall clock is only for
 * dating what operators read: it jumps when the time is set, so nothing is measured with it.
 */
/** The wall time, ms since the epoch, of monotonic instant `monotonicMs` (default: now). */
export function wallMsAt(clock, monotonicMs) {
    const wall = clock.wallMs();
    return monotonicMs === undefined ? wall : wall - (clock.nowMs() - monotonicMs);
}
/** Wall-clock ms since the epoch as ISO 8601 in UTC, to the millisecond. */
export function isoOfWallMs(wallMs) {
    return new Date(wallMs).toISOString();
}
/** The wall time, ISO 8601 in UTC, of monotonic instant `monotonicMs` (default: now). */
export function wallTimeIso(clock, monotonicMs) {
    return isoOfWallMs(wallMsAt(clock, monotonicMs));
}
//# sourceMappingURL=index.js.map