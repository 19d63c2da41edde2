import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, ms, percentile, summarize } from './stats.js';
const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, ... 1: unsorted input
test('with 20 samples p99 is the maximum and p50 the 10th smallest', () => {
    assert.deepEqual(summarize(twenty), { n: 20, minMs: 1, p50Ms: 10, p99Ms: 20, maxMs: 20 });
});
test('nearest rank without interpolation: ceil(q·n)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(hundred, 0.99), 99);
    assert.equal(percentile(hundred, 0.5), 50);
    assert.equal(percentile([...hundred, 101], 0.99), 100);
    assert.equal(percentile([7, 3], 0), 3);
    assert.equal(percentile([7, 3], 1), 7);
});
test('median of three is the middle one; of an even count the lower middle one', () => {
    assert.equal(median([0.9, 0.2, 0.4]), 0.4);
    assert.equal(median([4, 1, 3, 2]), 2);
    assert.equal(median([5]), 5);
});
test('the input is left as given', () => {
    const xs = [3, 1, 2];
    summarize(xs);
    assert.deepEqual(xs, [3, 1, 2]);
});
test('no samples, a non-finite sample or a bad quantile is refused', () => {
    assert.throws(() => summarize([]), /no samples/);
    assert.throws(() => median([1, Number.NaN]), /finite/);
    assert.throws(() => percentile([1], 1.5), /quantile 1.5 is not allowed/);
});
test('ms rounds to 10 µs', () => {
    assert.equal(ms(31.23456), 31.23);
    assert.equal(ms(0.005), 0.01);
});
//# sourceMappingURL=stats.test.js.map