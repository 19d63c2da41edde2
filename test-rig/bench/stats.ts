/**
 * Summaries of benchmark samples. Percentiles are nearest-rank, without interpolation: the
 * q-quantile of n samples is the sample of rank ceil(q·n) in ascending order, so every figure
 * reported was measured. With fewer than 100 samples p99 is therefore the maximum (20 failover
 * runs: p99 = max, p50 = the 10th smallest). This is the rule the firmware's tick histogram uses.
 */

export interface Summary {
  n: number;
  minMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function sorted(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new RangeError('no samples to summarize');
  if (xs.some((x) => !Number.isFinite(x))) throw new RangeError(`samples must be finite numbers, got ${xs.join(', ')}`);
  return [...xs].sort((a, b) => a - b);
}

function rankOf(q: number, n: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is not allowed: use 0 to 1`);
  return Math.max(1, Math.ceil(q * n));
}

/** Nearest-rank quantile of `xs` (0 ≤ q ≤ 1). */
export function percentile(xs: readonly number[], q: number): number {
  const s = sorted(xs);
  return s[rankOf(q, s.length) - 1] as number;
}

/** The nearest-rank median: the middle sample, the lower middle one for an even count. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 0.5);
}

export function summarize(xs: readonly number[]): Summary {
  const s = sorted(xs);
  const at = (q: number) => s[rankOf(q, s.length) - 1] as number;
  return { n: s.length, minMs: s[0] as number, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: s[s.length - 1] as number };
}

/** Milliseconds rounded to 10 µs, for JSON output. */
export function ms(x: number): number {
  return Math.round(x * 100) / 100;
}
