/**
 * When to announce (REFERENCE.md takeover step 4, options `gratuitous-arps`, `arps`,
 * `arps-interval`): a round of `arps` announcements, the first at once and then one every
 * `arps-interval` seconds. Each announcement is a burst: the caller sends gratuitous ARPs and
 * unsolicited NAs for every address on every data port. Pure and clock-driven: the caller
 * passes monotonic milliseconds and owns the timer.
 *
 * A new `start` (a takeover, or healing a split brain where hosts may have learned the other
 * unit's MAC) abandons the round under way and begins a full one.
 */
function checkRange(name, value, min, max) {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`${name} ${value}: expected an integer ${min}-${max}`);
    }
}
export class GarpSchedule {
    #enabled;
    #arps;
    #intervalMs;
    #remaining = 0;
    #nextAt = Number.POSITIVE_INFINITY;
    /** RangeError when `arps` is not 1-60 or `intervalS` not 1-20. */
    constructor(opts) {
        checkRange('arps', opts.arps, 1, 60);
        checkRange('arps-interval', opts.intervalS, 1, 20);
        this.#enabled = opts.enabled;
        this.#arps = opts.arps;
        this.#intervalMs = opts.intervalS * 1000;
    }
    /** Begins a new round whose first burst is due at `now`; does nothing while disabled. */
    start(now) {
        if (!this.#enabled)
            return;
        this.#remaining = this.#arps;
        this.#nextAt = now;
    }
    /** True when a burst should be sent at `now`. */
    due(now) {
        return this.#remaining > 0 && now >= this.#nextAt;
    }
    /**
     * Records the burst sent at `now`. The next is due `arps-interval` after it, not after the
     * planned time: a late burst must not squeeze the following one closer than the interval.
     * Ignored when nothing was due, so stray calls cannot shorten a round.
     */
    sent(now) {
        if (!this.due(now))
            return;
        this.#remaining--;
        this.#nextAt = this.#remaining > 0 ? now + this.#intervalMs : Number.POSITIVE_INFINITY;
    }
    /** When the next burst is due; Infinity when no round is under way. */
    nextAt() {
        return this.#nextAt;
    }
    /** Abandons the round (the unit left `work`). */
    stop() {
        this.#remaining = 0;
        this.#nextAt = Number.POSITIVE_INFINITY;
    }
}
//# sourceMappingURL=garp-schedule.js.map