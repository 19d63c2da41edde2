/**
 * A fixed-bin histogram of durations (probe send intervals, round-trip times): constant
 * memory however long traffic runs, quantiles to the bin width (10 µs by default).
 */
const round3 = (ms) => Math.round(ms * 1000) / 1000;
export class Histogram {
    binMs;
    bins;
    count = 0;
    sum = 0;
    max = Number.NEGATIVE_INFINITY;
    /** Values above `topMs` fall in the last bin (the maximum stays exact). */
    constructor(binMs = 0.01, topMs = 100) {
        this.binMs = binMs;
        this.bins = new Uint32Array(Math.ceil(topMs / binMs) + 1);
    }
    add(ms) {
        const value = Math.max(ms, 0);
        this.bins[Math.min(this.bins.length - 1, Math.floor(value / this.binMs))]++;
        this.count++;
        this.sum += value;
        if (value > this.max)
            this.max = value;
    }
    /**
     * The middle of the first bin holding the `q` quantile, capped at the maximum; the overflow
     * bin reports the maximum.
     */
    quantile(q) {
        if (this.count === 0)
            return null;
        const want = Math.max(1, Math.ceil(q * this.count));
        let seen = 0;
        for (let i = 0; i < this.bins.length; i++) {
            seen += this.bins[i];
            if (seen >= want)
                return round3(i === this.bins.length - 1 ? this.max : Math.min(this.max, (i + 0.5) * this.binMs));
        }
        return round3(this.max);
    }
    summary() {
        if (this.count === 0)
            return { count: 0, medianMs: null, p99Ms: null, maxMs: null, meanMs: null };
        return {
            count: this.count,
            medianMs: this.quantile(0.5),
            p99Ms: this.quantile(0.99),
            maxMs: round3(this.max),
            meanMs: round3(this.sum / this.count),
        };
    }
}
//# sourceMappingURL=histogram.js.map