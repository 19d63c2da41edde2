/**
 * Pacing for the session loader, as pure arithmetic on times the caller reads: at `ratePerS`
 * the n-th item is due `n / ratePerS` s after the start. Each wake takes what is due, in batches
 * of at most `maxBatch`, and wakes at most once per `tickMs`, so a low rate goes in small
 * batches a millisecond apart rather than one item per system call. Rate 0 is unpaced: every
 * item is due at once. A loader that falls behind catches up in full batches, so the achieved
 * rate is the lower of the target and what the machine gives.
 */
export class Pacer {
    o;
    startMs;
    done = 0;
    constructor(o, startMs) {
        this.o = o;
        this.startMs = startMs;
        if (!(Number.isInteger(o.total) && o.total >= 0))
            throw new RangeError(`total ${o.total}: expected an integer >= 0`);
        if (!(o.ratePerS >= 0 && Number.isFinite(o.ratePerS)))
            throw new RangeError(`rate ${o.ratePerS}: expected >= 0`);
        if (!(Number.isInteger(o.maxBatch) && o.maxBatch >= 1))
            throw new RangeError(`batch ${o.maxBatch}: expected an integer >= 1`);
        if (!(o.tickMs >= 0))
            throw new RangeError(`tick ${o.tickMs} ms: expected >= 0`);
    }
    get sent() {
        return this.done;
    }
    get finished() {
        return this.done >= this.o.total;
    }
    /** How many items to send now (at most one batch); the caller reports them with `took`. */
    due(nowMs) {
        const left = this.o.total - this.done;
        if (left <= 0)
            return 0;
        if (this.o.ratePerS === 0)
            return Math.min(left, this.o.maxBatch);
        const owed = Math.floor(((nowMs - this.startMs) * this.o.ratePerS) / 1000) - this.done;
        return Math.max(0, Math.min(left, this.o.maxBatch, owed));
    }
    took(n) {
        this.done += n;
    }
    /**
     * When to wake next, after a wake at `nowMs`: at once while items are overdue (a batch was
     * full), else the next item's due time, but no sooner than a tick on.
     */
    nextWakeMs(nowMs) {
        if (this.finished)
            return Number.POSITIVE_INFINITY;
        if (this.o.ratePerS === 0)
            return nowMs;
        const nextDue = this.startMs + ((this.done + 1) * 1000) / this.o.ratePerS;
        return nextDue <= nowMs ? nowMs : Math.max(nextDue, nowMs + this.o.tickMs);
    }
}
//# sourceMappingURL=pacer.js.map