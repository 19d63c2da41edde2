/**
 * A fixed-bin histogram of durations (probe send intervals, round-trip times): constant
 * memory however long traffic runs, quantiles to the bin width (10 µs by default).
 */

export interface DurationSummary {
  count: number;
  /** Quantiles to the bin width; null before any value. */
  medianMs: number | null;
  p99Ms: number | null;
  /** Exact. */
  maxMs: number | null;
  meanMs: number | null;
}

const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

export class Histogram {
  private readonly bins: Uint32Array;
  private count = 0;
  private sum = 0;
  private max = Number.NEGATIVE_INFINITY;

  /** Values above `topMs` fall in the last bin (the maximum stays exact). */
  constructor(
    private readonly binMs = 0.01,
    topMs = 100,
  ) {
    this.bins = new Uint32Array(Math.ceil(topMs / binMs) + 1);
  }

  add(ms: number): void {
    const value = Math.max(ms, 0);
    this.bins[Math.min(this.bins.length - 1, Math.floor(value / this.binMs))]++;
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
  }

  /**
   * The middle of the first bin holding the `q` quantile, capped at the maximum; the overflow
   * bin reports the maximum.
   */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const want = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      seen += this.bins[i];
      if (seen >= want) return round3(i === this.bins.length - 1 ? this.max : Math.min(this.max, (i + 0.5) * this.binMs));
    }
    return round3(this.max);
  }

  summary(): DurationSummary {
    if (this.count === 0) return { count: 0, medianMs: null, p99Ms: null, maxMs: null, meanMs: null };
    return {
      count: this.count,
      medianMs: this.quantile(0.5),
      p99Ms: this.quantile(0.99),
      maxMs: round3(this.max),
      meanMs: round3(this.sum / this.count),
    };
  }
}
