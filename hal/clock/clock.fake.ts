/**
 * A clock for tests of clock-driven logic: time moves only when the test says so, in exact
 * milliseconds, so a test can stand one millisecond either side of a deadline. Its wall clock
 * moves with it from a fixed date, so dated output is the same on every run.
 */
import type { Clock } from './index.js';

/** The fake wall clock at monotonic 0: 2026-01-01T00:00:00.000Z. */
export const FAKE_WALL_AT_ZERO_MS = 1_767_225_600_000;

export class FakeClock implements Clock {
  #now: number;

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new RangeError(`FakeClock start ${startMs} ms: expected a finite number`);
    this.#now = startMs;
  }

  nowMs(): number {
    return this.#now;
  }

  wallMs(): number {
    return FAKE_WALL_AT_ZERO_MS + this.#now;
  }

  /** Moves time forward by `ms` (0 allowed) and returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`FakeClock.advance(${ms}): expected a finite number >= 0`);
    this.#now += ms;
    return this.#now;
  }

  /** Moves time forward to `ms`; going back is refused, as a monotonic clock never does. */
  advanceTo(ms: number): number {
    if (!(ms >= this.#now)) throw new RangeError(`FakeClock.advanceTo(${ms}): earlier than now (${this.#now})`);
    this.#now = ms;
    return this.#now;
  }
}
