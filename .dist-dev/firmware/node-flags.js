/**
 * The Node/V8 flags the firmware must be started with (the rig and the board's service unit
 * pass them; they cannot be set once V8 runs: changing GC flags at run time crashed the boards).
 *
 * --single-threaded-gc: V8 shares its GC helper threads between isolates. When the heartbeat
 * worker's own scavenge joins helper threads that are busy with (or preempted during) the main
 * thread's collection, the SCHED_FIFO worker sleeps on a futex behind normal-priority threads:
 * priority inversion. Measured with both main threads under `diagnose test main-load` and two
 * CPU hogs, 120 s at 10 ms heartbeats: worst tick lateness 6.1 / 18.3 ms without the flag,
 * 2.7 / 0.5 ms with it; the 10-minute soak without it saw 7 false failovers. The main thread's
 * collections lose their helpers, which costs it pause time, not correctness.
 *
 * --max-semi-space-size=4: V8's young generation grows to 3 × 16 MB by default under a steady
 * allocation rate (session sync decoding tens of thousands of records a second), and stays
 * that size. 4 MB semi-spaces keep it at 12 MB. Measured with a loop allocating small objects
 * for 3 s: RSS 81.9 MB by default, 57.4 MB with 4 MB (throughput not lower), 52.4 MB with 2 MB
 * (26 % fewer iterations). Threads get the same bound (WORKER_RESOURCE_LIMITS).
 */
export const FIRMWARE_NODE_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=4'];
/** The firmware's worker threads: each is an isolate with a young generation of its own. */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12 };
/** Flags the running process lacks. */
export function missingNodeFlags(execArgv) {
    return FIRMWARE_NODE_FLAGS.filter((f) => !execArgv.includes(f));
}
//# sourceMappingURL=node-flags.js.map