/**
 * Liveness stamps the watchdog keeper reads: the main thread and the heartbeat worker process
 * each store their latest CLOCK_MONOTONIC ms in shared memory (a memfd both processes map,
 * hal/ipc). An atomic store of a 32-bit integer takes no lock and allocates nothing, so the
 * heartbeat worker can stamp on every turn, and a preempted main thread can never make it wait.
 *
 * Stamps are milliseconds modulo 2^31 − 1, plus one: 0 means "not watched" (a heartbeat worker
 * that is not running). Ages are taken modulo the same, which is exact for ages under 24 days.
 */
import type { SharedMemory } from '../../hal/ipc/index.js';

export const MAIN_THREAD = 0;
export const HEARTBEAT_WORKER = 1;
const SLOTS = 2;
/** The shared memory the stamps need. */
export const HEALTH_BYTES = SLOTS * 4;
const MODULUS = 2 ** 31 - 1;

export type HealthSlot = typeof MAIN_THREAD | typeof HEARTBEAT_WORKER;

export class HealthStamps {
  private readonly cells: Int32Array;

  constructor(readonly memory: SharedMemory) {
    this.cells = new Int32Array(memory.buffer, 0, SLOTS);
  }

  stamp(slot: HealthSlot, nowMs: number): void {
    Atomics.store(this.cells, slot, (Math.floor(nowMs) % MODULUS) + 1);
  }

  /** The thread is no longer expected to stamp. */
  clear(slot: HealthSlot): void {
    Atomics.store(this.cells, slot, 0);
  }

  /** Milliseconds since the slot's last stamp, or null when it is not watched. */
  ageMs(slot: HealthSlot, nowMs: number): number | null {
    const v = Atomics.load(this.cells, slot);
    if (v === 0) return null;
    return ((((Math.floor(nowMs) % MODULUS) + 1 - v) % MODULUS) + MODULUS) % MODULUS;
  }
}

export interface HealthLimits {
  /** The main thread's event loop has not run for longer than this: unhealthy. */
  maxMainLagMs: number;
  /** The heartbeat worker has not finished a turn for longer than this: unhealthy. */
  maxWorkerStallMs: number;
}

/** Why the runtime is unhealthy now, or null when it is healthy. */
export function unhealthy(stamps: HealthStamps, nowMs: number, limits: HealthLimits): string | null {
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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
