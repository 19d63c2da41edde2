/**
 * Summaries of benchmark samples. Percentiles are nearest-rank, without interpolation: the
 * q-quantile of n samples is the sample of rank ceil(q·n) in ascending order, so every figure
 * reported was measured. With fewer than 100 samples p99 is therefore the maximum (20 failover
 * runs: p99 = max, p50 = the 10th smallest). This is the rule the firmware's tick histogram uses.
 */
function sorted(xs) {
    if (xs.length === 0)
        throw new RangeError('no samples to summarize');
    if (xs.some((x) => !Number.isFinite(x)))
        throw new RangeError(`samples must be finite numbers, got ${xs.join(', ')}`);
    return [...xs].sort((a, b) => a - b);
}
function rankOf(q, n) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`quantile ${q} is not allowed: use 0 to 1`);
    return Math.max(1, Math.ceil(q * n));
}
/** Nearest-rank quantile of `xs` (0 ≤ q ≤ 1). */
export function percentile(xs, q) {
    const s = sorted(xs);
    return s[rankOf(q, s.length) - 1];
}
/** The nearest-rank median: the middle sample, the lower middle one for an even count. */
export function median(xs) {
    return percentile(xs, 0.5);
}
export function summarize(xs) {
    const s = sorted(xs);
    const at = (q) => s[rankOf(q, s.length) - 1];
    return { n: s.length, minMs: s[0], p50Ms: at(0.5), p99Ms: at(0.99), maxMs: s[s.length - 1] };
}
/** Milliseconds rounded to 10 µs, for JSON output. */
export function ms(x) {
    return Math.round(x * 100) / 100;
}
//# sourceMappingURL=stats.js.map