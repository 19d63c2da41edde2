/** Waiting in the benchmarks' own process (the boards keep their own time). */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CLOCK_MONOTONIC ms, the clock of fault times and board snapshots. */
export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
/**
 * Waits `ms` with sub-millisecond precision: a timer for the bulk, then a short spin, since
 * timers only keep whole milliseconds and a kill's phase against a 10 ms ticker needs better.
 */
export async function preciseDelay(ms) {
    const until = monotonicMs() + ms;
    if (ms > 2)
        await sleep(Math.floor(ms) - 2);
    while (monotonicMs() < until) {
        // spin
    }
}
//# sourceMappingURL=timing.js.map