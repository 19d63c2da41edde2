/** The fake wall clock at monotonic 0: 2026-01-01T00:00:00.000Z. */
export const FAKE_WALL_AT_ZERO_MS = 1_767_225_600_000;
export class FakeClock {
    #now;
    constructor(startMs = 0) {
        if (!Number.isFinite(startMs))
            throw new RangeError(`FakeClock start ${startMs} ms: expected a finite number`);
        this.#now = startMs;
    }
    nowMs() {
        return this.#now;
    }
    wallMs() {
        return FAKE_WALL_AT_ZERO_MS + this.#now;
    }
    /** Moves time forward by `ms` (0 allowed) and returns the new time. */
    advance(ms) {
        if (!Number.isFinite(ms) || ms < 0)
            throw new RangeError(`FakeClock.advance(${ms}): expected a finite number >= 0`);
        this.#now += ms;
        return this.#now;
    }
    /** Moves time forward to `ms`; going back is refused, as a monotonic clock never does. */
    advanceTo(ms) {
        if (!(ms >= this.#now))
            throw new RangeError(`FakeClock.advanceTo(${ms}): earlier than now (${this.#now})`);
        this.#now = ms;
        return this.#now;
    }
}
//# sourceMappingURL=clock.fake.js.map