import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pacer } from './pacer.js';
test('at 10k/s each 1 ms tick owes 10 items, and the next wake is a tick later', () => {
    const p = new Pacer({ total: 100, ratePerS: 10_000, maxBatch: 256, tickMs: 1 }, 1000);
    assert.equal(p.due(1000), 0);
    assert.equal(p.nextWakeMs(1000), 1001);
    assert.equal(p.due(1001), 10);
    p.took(10);
    assert.equal(p.due(1001), 0);
    assert.equal(p.nextWakeMs(1001), 1002);
    assert.equal(p.due(1002.5), 15);
});
test('at a low rate the next wake is the next item due, not the tick', () => {
    const p = new Pacer({ total: 10, ratePerS: 100, maxBatch: 256, tickMs: 1 }, 0);
    assert.equal(p.due(10), 1);
    p.took(1);
    assert.equal(p.nextWakeMs(10), 20);
});
test('behind the rate: full batches, and the next wake at once', () => {
    const p = new Pacer({ total: 1000, ratePerS: 100_000, maxBatch: 256, tickMs: 1 }, 0);
    assert.equal(p.due(5), 256);
    p.took(256);
    assert.equal(p.nextWakeMs(5), 5);
    assert.equal(p.due(5), 244);
});
test('never more than the total; finished once all are taken', () => {
    const p = new Pacer({ total: 30, ratePerS: 10_000, maxBatch: 256, tickMs: 1 }, 0);
    assert.equal(p.due(100), 30);
    p.took(30);
    assert.ok(p.finished);
    assert.equal(p.due(200), 0);
    assert.equal(p.nextWakeMs(200), Number.POSITIVE_INFINITY);
});
test('rate 0 is unpaced: batches due at once', () => {
    const p = new Pacer({ total: 600, ratePerS: 0, maxBatch: 256, tickMs: 1 }, 0);
    assert.equal(p.due(0), 256);
    p.took(256);
    assert.equal(p.nextWakeMs(0), 0);
    assert.equal(p.due(0), 256);
    p.took(256);
    assert.equal(p.due(0), 88);
});
test('bad settings are refused', () => {
    assert.throws(() => new Pacer({ total: -1, ratePerS: 1, maxBatch: 1, tickMs: 1 }, 0), RangeError);
    assert.throws(() => new Pacer({ total: 1, ratePerS: -1, maxBatch: 1, tickMs: 1 }, 0), RangeError);
    assert.throws(() => new Pacer({ total: 1, ratePerS: 1, maxBatch: 0, tickMs: 1 }, 0), RangeError);
});
//# sourceMappingURL=pacer.test.js.map