/**
 * How far a full resync has come, as `diagnose sys ha status` shows it on both units: records
 * so far against the total estimated at the start, the rate over a sliding window, and the
 * time left at that rate.
 *
 * The rate is taken over the last two seconds, not since the start: the kernel dump runs in
 * bursts and the secondary's apply speed changes with its load, so a rate since the start
 * would say little about the next seconds. The percent stays below 100 until the resync
 * completes, as the estimate is the table's size when the resync began and the table moves on.
 */
/** The rate's sliding window (ms), and the width of its buckets. */
export const RATE_WINDOW_MS = 2000;
const BUCKET_MS = 100;
const BUCKETS = RATE_WINDOW_MS / BUCKET_MS;
export class ProgressMeter {
    #startedAt;
    #estimatedTotal;
    #records = 0;
    /** Records per bucket; bucket k covers [start + k·BUCKET_MS, +BUCKET_MS) and sits at k % BUCKETS. */
    #counts = new Float64Array(BUCKETS);
    #bucketOf = new Float64Array(BUCKETS).fill(-1);
    constructor(estimatedTotal, now) {
        this.#estimatedTotal = Number.isFinite(estimatedTotal) && estimatedTotal > 0 ? estimatedTotal : 0;
        this.#startedAt = now;
    }
    get records() {
        return this.#records;
    }
    add(records, now) {
        this.#records += records;
        const k = this.#bucket(now);
        const i = k % BUCKETS;
        if (this.#bucketOf[i] !== k) {
            this.#bucketOf[i] = k;
            this.#counts[i] = 0;
        }
        this.#counts[i] += records;
    }
    /** Records per second over the window that ends now. */
    ratePerSec(now) {
        const k = this.#bucket(now);
        const first = Math.max(0, k - BUCKETS + 1);
        const spanMs = now - (this.#startedAt + first * BUCKET_MS);
        if (spanMs <= 0)
            return 0;
        let sum = 0;
        for (let i = 0; i < BUCKETS; i++)
            if (this.#bucketOf[i] >= first)
                sum += this.#counts[i];
        return (sum * 1000) / spanMs;
    }
    view(now, complete) {
        const records = this.#records;
        const total = this.#estimatedTotal;
        const rate = this.ratePerSec(now);
        let percent = 100;
        let timeLeftMs = 0;
        if (!complete) {
            percent = total > 0 ? Math.min(99.9, Math.floor((records * 1000) / total) / 10) : 0;
            timeLeftMs = rate > 0 && records < total ? ((total - records) * 1000) / rate : null;
        }
        return { records, estimatedTotal: total, percent, ratePerSec: rate, timeLeftMs, elapsedMs: now - this.#startedAt };
    }
    #bucket(now) {
        return Math.max(0, Math.floor((now - this.#startedAt) / BUCKET_MS));
    }
}
//# sourceMappingURL=progress.js.map