/**
 * A fixed-bucket latency histogram (10 µs buckets up to 100 ms, one overflow bucket) that
 * records without allocating, so it can sit on the heartbeat path.
 */
const BUCKET_MS = 0.01;
const BUCKETS = 10_000;
export class Histogram {
    counts = new Uint32Array(BUCKETS + 1);
    total = 0;
    max = 0;
    record(ms) {
        const v = ms < 0 ? -ms : ms;
        const i = Math.floor(v / BUCKET_MS);
        this.counts[Math.min(i, BUCKETS)]++;
        this.total++;
        if (v > this.max)
            this.max = v;
    }
    reset() {
        this.counts.fill(0);
        this.total = 0;
        this.max = 0;
    }
    percentiles() {
        return { count: this.total, p50Ms: this.quantile(0.5), p99Ms: this.quantile(0.99), maxMs: this.max };
    }
    quantile(q) {
        if (this.total === 0)
            return 0;
        const rank = Math.ceil(q * this.total);
        let seen = 0;
        for (let i = 0; i <= BUCKETS; i++) {
            seen += this.counts[i] ?? 0;
            if (seen >= rank)
                return i === BUCKETS ? this.max : (i + 1) * BUCKET_MS;
        }
        return this.max;
    }
}
//# sourceMappingURL=histogram.js.map