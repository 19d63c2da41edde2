import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Histogram } from './histogram.js';
test('quantiles to the bin width, exact maximum and mean', () => {
    const h = new Histogram(0.01, 10);
    assert.deepEqual(h.summary(), { count: 0, medianMs: null, p99Ms: null, maxMs: null, meanMs: null });
    for (let i = 0; i < 98; i++)
        h.add(1.003);
    h.add(2.5);
    h.add(37);
    const s = h.summary();
    assert.equal(s.count, 100);
    assert.equal(s.medianMs, 1.005);
    assert.equal(s.p99Ms, 2.505);
    assert.equal(s.maxMs, 37);
    assert.equal(s.meanMs, Math.round(((98 * 1.003 + 2.5 + 37) / 100) * 1000) / 1000);
    assert.equal(h.quantile(1), 37, 'a value above the top bin is reported as the maximum');
});
test('negative durations count as zero; no quantile exceeds the maximum', () => {
    const h = new Histogram();
    h.add(-1);
    assert.deepEqual([h.summary().medianMs, h.summary().maxMs], [0, 0]);
});
//# sourceMappingURL=histogram.test.js.map