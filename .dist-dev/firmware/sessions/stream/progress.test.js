import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressMeter, RATE_WINDOW_MS } from './progress.js';
test('percent, rate and time left at a steady 5000 records/s', () => {
    const m = new ProgressMeter(10_000, 1000);
    assert.deepEqual(m.view(1000, false), {
        records: 0,
        estimatedTotal: 10_000,
        percent: 0,
        ratePerSec: 0,
        timeLeftMs: null,
        elapsedMs: 0,
    });
    for (let t = 1001; t <= 2000; t++)
        m.add(5, t);
    assert.deepEqual(m.view(2000, false), {
        records: 5000,
        estimatedTotal: 10_000,
        percent: 50,
        ratePerSec: 5000,
        timeLeftMs: 1000,
        elapsedMs: 1000,
    });
});
test(`the rate covers the last ${RATE_WINDOW_MS} ms, not the whole run`, () => {
    const m = new ProgressMeter(1_000_000, 0);
    for (let t = 0; t < 3000; t++)
        m.add(10, t);
    assert.equal(m.ratePerSec(3000), 10_000);
    for (let t = 3000; t < 4000; t++)
        m.add(1, t);
    // The window at 4000 starts at 2100 (19 whole 100 ms buckets and the current one): 0.9 s at 10/ms, 1 s at 1/ms.
    assert.equal(m.ratePerSec(4000), ((9000 + 1000) * 1000) / 1900);
    assert.equal(m.ratePerSec(6000), 0, 'nothing for 2 s');
    assert.equal(m.view(6000, false).timeLeftMs, null, 'no rate, no estimate of the time left');
});
test('the percent stays below 100 until complete, and the estimate may be passed', () => {
    const m = new ProgressMeter(1000, 0);
    m.add(999, 10);
    assert.equal(m.view(10, false).percent, 99.9);
    m.add(500, 20);
    const v = m.view(20, false);
    assert.equal(v.percent, 99.9);
    assert.equal(v.timeLeftMs, null, 'past the estimate: unknown');
    assert.deepEqual({ percent: m.view(30, true).percent, timeLeftMs: m.view(30, true).timeLeftMs }, { percent: 100, timeLeftMs: 0 });
});
test('without an estimate the percent is 0 until complete', () => {
    const m = new ProgressMeter(0, 0);
    m.add(10, 100);
    assert.equal(m.view(100, false).percent, 0);
    assert.equal(m.view(100, true).percent, 100);
});
//# sourceMappingURL=progress.test.js.map