export const MAIN_THREAD = 0;
export const HEARTBEAT_WORKER = 1;
const SLOTS = 2;
/** The shared memory the stamps need. */
export const HEALTH_BYTES = SLOTS * 4;
const MODULUS = 2 ** 31 - 1;
export class HealthStamps {
    memory;
    cells;
    constructor(memory) {
        this.memory = memory;
        this.cells = new Int32Array(memory.buffer, 0, SLOTS);
    }
    stamp(slot, nowMs) {
        Atomics.store(this.cells, slot, (Math.floor(nowMs) % MODULUS) + 1);
    }
    /** The thread is no longer expected to stamp. */
    clear(slot) {
        Atomics.store(this.cells, slot, 0);
    }
    /** Milliseconds since the slot's last stamp, or null when it is not watched. */
    ageMs(slot, nowMs) {
        const v = Atomics.load(this.cells, slot);
        if (v === 0)
            return null;
        return ((((Math.floor(nowMs) % MODULUS) + 1 - v) % MODULUS) + MODULUS) % MODULUS;
    }
}
/** Why the runtime is unhealthy now, or null when it is healthy. */
export function unhealthy(stamps, nowMs, limits) {
    const main = stamps.ageMs(MAIN_THREAD, nowMs);
    if (main === null || main > limits.maxMainLagMs) {
        return `the main thread's event loop did not run for more than ${seconds(limits.maxMainLagMs)}`;
    }
    const worker = stamps.ageMs(HEARTBEAT_WORKER, nowMs);
    if (worker !== null && worker > limits.maxWorkerStallMs) {
        return `the heartbeat worker did not run for more than ${seconds(limits.maxWorkerStallMs)}`;
    }
    return null;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
//# sourceMappingURL=health.js.map