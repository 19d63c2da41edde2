const MAX_TIMER_MS = 0x7fffffff;
export class FakeTimers {
    clock;
    pending = [];
    order = 0;
    constructor(clock) {
        this.clock = clock;
    }
    after(ms, fn) {
        // setTimeout turns a longer delay into 1 ms: a caller that asks for one has a bug.
        if (!(ms >= 0 && ms <= MAX_TIMER_MS))
            throw new RangeError(`timer of ${ms} ms: allowed 0-${MAX_TIMER_MS}`);
        const p = { atMs: this.clock.nowMs() + ms, order: this.order++, fn, cancelled: false };
        this.pending.push(p);
        return () => {
            p.cancelled = true;
        };
    }
    /** Moves time forward by `ms`, running each timer due on the way at its own time, in order. */
    advance(ms) {
        const end = this.clock.nowMs() + ms;
        for (;;) {
            this.pending = this.pending.filter((p) => !p.cancelled);
            const due = this.pending.filter((p) => p.atMs <= end).sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0];
            if (!due)
                break;
            this.pending.splice(this.pending.indexOf(due), 1);
            this.clock.advanceTo(due.atMs);
            due.fn();
        }
        this.clock.advanceTo(end);
    }
    /** Timers armed and not cancelled. */
    get armed() {
        return this.pending.filter((p) => !p.cancelled).length;
    }
}
//# sourceMappingURL=timers.fake.js.map