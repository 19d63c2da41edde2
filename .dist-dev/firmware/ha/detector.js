/**
 * Failure detector: a peer is lost when it has been silent on every heartbeat link for more
 * than `lostAfterMs` (hb-interval × hb-lost-threshold, REFERENCE.md). Clock-driven: the caller
 * passes monotonic ms and calls check() from its ticker (at least every `intervalMs`) and at
 * nextDeadline().
 *
 * Own-stall compensation: when check() comes later than lastCheck + intervalMs + 1 ms, this
 * board stalled (SIGSTOP, CPU starvation) and could not listen; the excess is credited to every
 * peer, so a stall of ours is never blamed on a peer. Frames that arrived during the stall are
 * drained by the caller before check() and count as heard at the drain time.
 */
/** A check this much later than due (ms) counts as a stall of this board. */
const LATE_TOLERANCE_MS = 1;
export class FailureDetector {
    #intervalMs = 0;
    #lostAfterMs = 0;
    #peers = new Map();
    #lastCheck = null;
    #lateChecks = 0;
    #maxLateMs = 0;
    #lastLateMs = 0;
    constructor(opts) {
        this.setTiming(opts);
    }
    /** Checks that came late because this board stalled. */
    get lateChecks() {
        return this.#lateChecks;
    }
    /** The largest lateness seen (ms). */
    get maxLateMs() {
        return this.#maxLateMs;
    }
    /**
     * How long this board has not listened beyond the heartbeat interval, were it to check at
     * `now` (0 before the first check): a stall seen before the frames it queued are read.
     */
    overdueMs(now) {
        return this.#lastCheck === null ? 0 : Math.max(0, now - this.#lastCheck - this.#intervalMs);
    }
    /** Lateness of the most recent late check (ms); 0 before any. */
    get lastLateMs() {
        return this.#lastLateMs;
    }
    setTiming(opts) {
        if (!(Number.isFinite(opts.intervalMs) && opts.intervalMs > 0)) {
            throw new RangeError(`heartbeat interval ${opts.intervalMs} ms: expected a finite number > 0`);
        }
        if (!(Number.isFinite(opts.lostAfterMs) && opts.lostAfterMs > 0)) {
            throw new RangeError(`lost-after ${opts.lostAfterMs} ms: expected a finite number > 0`);
        }
        this.#intervalMs = opts.intervalMs;
        this.#lostAfterMs = opts.lostAfterMs;
    }
    heard(serial, link, now) {
        let links = this.#peers.get(serial);
        if (!links) {
            links = new Map();
            this.#peers.set(serial, links);
        }
        const rec = links.get(link);
        if (!rec)
            links.set(link, { heardAt: now, creditMs: 0 });
        else if (now >= rec.heardAt) {
            rec.heardAt = now;
            rec.creditMs = 0;
        }
    }
    forget(serial) {
        this.#peers.delete(serial);
    }
    /** Serials lost at `now`; each is reported once and forgotten. */
    check(now) {
        if (this.#lastCheck !== null) {
            const dueAt = this.#lastCheck + this.#intervalMs;
            if (now - dueAt > LATE_TOLERANCE_MS)
                this.#stalled(dueAt, now);
        }
        if (this.#lastCheck === null || now > this.#lastCheck)
            this.#lastCheck = now;
        const lost = [];
        for (const [serial, links] of this.#peers) {
            if (now > this.#expiry(links))
                lost.push(serial);
        }
        for (const serial of lost)
            this.#peers.delete(serial);
        return lost;
    }
    /**
     * The earliest instant after which a peer is lost (its silence reaches lostAfterMs there; a
     * check() at this instant still finds it alive, any later one does not). Infinity if none.
     */
    nextDeadline() {
        let next = Number.POSITIVE_INFINITY;
        for (const links of this.#peers.values())
            next = Math.min(next, this.#expiry(links));
        return next;
    }
    /** Links the peer was heard on within lostAfterMs (own stalls not counted), in first-heard order. */
    links(serial, now) {
        const links = this.#peers.get(serial);
        if (!links)
            return [];
        const alive = [];
        for (const [name, rec] of links) {
            if (now <= rec.heardAt + rec.creditMs + this.#lostAfterMs)
                alive.push(name);
        }
        return alive;
    }
    #expiry(links) {
        let last = Number.NEGATIVE_INFINITY;
        for (const rec of links.values())
            last = Math.max(last, rec.heardAt + rec.creditMs);
        return last + this.#lostAfterMs;
    }
    /**
     * This board could not listen between `dueAt` and `now`. A link heard during the drain that
     * preceded this check gets no credit: its silence starts after the stall.
     */
    #stalled(dueAt, now) {
        const lateMs = now - dueAt;
        this.#lateChecks++;
        this.#lastLateMs = lateMs;
        this.#maxLateMs = Math.max(this.#maxLateMs, lateMs);
        for (const links of this.#peers.values()) {
            for (const rec of links.values())
                rec.creditMs += Math.max(0, now - Math.max(rec.heardAt, dueAt));
        }
    }
}
//# sourceMappingURL=detector.js.map