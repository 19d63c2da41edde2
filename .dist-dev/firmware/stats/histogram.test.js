import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Histogram } from './histogram.js';
test('percentiles come from bucket upper bounds; the max is exact', () => {
    const h = new Histogram();
    for (let i = 0; i < 99; i++)
        h.record(0.005);
    h.record(3.2);
    const p = h.percentiles();
    assert.equal(p.count, 100);
    assert.equal(p.p50Ms, 0.01);
    assert.equal(p.p99Ms, 0.01);
    assert.equal(p.maxMs, 3.2);
    h.record(250);
    assert.equal(h.percentiles().maxMs, 250);
});
test('negative deviations count by magnitude, reset empties', () => {
    const h = new Histogram();
    h.record(-0.5);
    assert.ok(Math.abs(h.percentiles().p50Ms - 0.51) < 1e-9);
    h.reset();
    assert.deepEqual(h.percentiles(), { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
});
//# sourceMappingURL=histogram.test.js.map