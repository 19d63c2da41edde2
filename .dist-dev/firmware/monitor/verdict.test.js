import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RemoteLinkVerdict } from './verdict.js';
const MIN = 60_000;
function verdict(overrides = {}) {
    const v = new RemoteLinkVerdict();
    v.configure({ monitorInterfaces: ['port1', 'port2', 'port3'], threshold: 0, flipTimeoutMs: 6 * MIN, ...overrides });
    return v;
}
function monitor(name, srcintf, haPriority, failed) {
    return { name, srcintf, haPriority, failed };
}
test('threshold 0: any failed monitor that counts fails the verdict', () => {
    const v = verdict();
    assert.equal(v.evaluate([monitor('a', 'port1', 1, false)], 0), undefined);
    assert.deepEqual(v.evaluate([monitor('a', 'port1', 1, true)], 10), {
        failed: true,
        reason: 'link-monitor a (port1) lost every server: failed weight 1 >= pingserver-failover-threshold 0',
        restart: false,
    });
    assert.equal(v.failed, true);
});
test('only monitors on pingserver-monitor-interface ports count', () => {
    const v = verdict({ monitorInterfaces: ['port2'] });
    const other = monitor('lan', 'port1', 50, true);
    assert.equal(v.counts(other), false);
    assert.equal(v.failedWeight([other]), 0);
    assert.equal(v.evaluate([other], 0), undefined);
    assert.equal(v.failed, false);
    assert.equal(v.evaluate([other, monitor('wan', 'port2', 1, true)], 1)?.failed, true);
});
test('threshold sums: the failed weights must reach the threshold', () => {
    const cases = [
        // [weights of failed monitors, threshold, verdict failed]
        [[5], 10, false],
        [[5, 5], 10, true],
        [[4, 5], 10, false],
        [[9], 10, false],
        [[10], 10, true],
        [[3, 3, 3], 10, false],
        [[3, 3, 3, 1], 10, true],
        [[50], 50, true],
        [[], 0, false],
    ];
    for (const [weights, threshold, expected] of cases) {
        const v = verdict({ threshold });
        const ms = weights.map((w, i) => monitor(`m${i}`, 'port1', w, true));
        ms.push(monitor('healthy', 'port2', 50, false));
        v.evaluate(ms, 0);
        assert.equal(v.failed, expected, `weights ${weights.join('+')} against threshold ${threshold}`);
        assert.equal(v.failedWeight(ms), weights.reduce((a, b) => a + b, 0));
    }
});
test('the reason names every failed monitor that counts and the sum', () => {
    const v = verdict({ threshold: 10 });
    const change = v.evaluate([monitor('isp-a', 'port1', 5, true), monitor('isp-b', 'port2', 5, true), monitor('lab', 'port9', 5, true)], 0);
    assert.equal(change?.reason, 'link-monitor isp-a (port1), isp-b (port2) lost every server: failed weight 10 >= pingserver-failover-threshold 10');
    assert.equal(v.reason, change?.reason);
});
test('flip timeout: held failed one ms short of it whatever the monitors say, released at it', () => {
    const v = verdict({ flipTimeoutMs: 6 * MIN });
    const failedAt = 1000;
    v.evaluate([monitor('a', 'port1', 1, true)], failedAt);
    assert.equal(v.holdUntilMs, failedAt + 6 * MIN);
    const healthy = [monitor('a', 'port1', 1, false)];
    assert.equal(v.evaluate(healthy, failedAt + 1), undefined);
    assert.equal(v.evaluate(healthy, failedAt + 6 * MIN - 1), undefined);
    assert.equal(v.failed, true);
    assert.deepEqual(v.evaluate(healthy, failedAt + 6 * MIN), {
        failed: false,
        reason: 'pingserver-flip-timeout (6 min) has run out: eligible again',
        restart: true,
    });
    assert.equal(v.failed, false);
    assert.equal(v.holdUntilMs, null);
    assert.equal(v.reason, '');
});
test('flip timeout: a link still failed at release is released all the same (the monitors start afresh)', () => {
    const v = verdict();
    const failed = [monitor('a', 'port1', 1, true)];
    v.evaluate(failed, 0);
    assert.equal(v.evaluate(failed, 6 * MIN)?.failed, false);
    assert.equal(v.failed, false);
    assert.equal(v.evaluate(failed, 6 * MIN + 500)?.failed, true, 'failing again once the monitors say so');
    assert.equal(v.holdUntilMs, 12 * MIN + 500);
});
test('a new flip timeout applies to a running hold, counted from when it started', () => {
    const v = verdict({ flipTimeoutMs: 60 * MIN });
    v.evaluate([monitor('a', 'port1', 1, true)], 0);
    assert.equal(v.configure({ monitorInterfaces: ['port1'], threshold: 0, flipTimeoutMs: 6 * MIN }), undefined);
    assert.equal(v.holdUntilMs, 6 * MIN);
    assert.equal(v.evaluate([], 6 * MIN)?.failed, false);
});
test('emptying pingserver-monitor-interface releases a hold', () => {
    const v = verdict();
    v.evaluate([monitor('a', 'port1', 1, true)], 0);
    assert.deepEqual(v.configure({ monitorInterfaces: [], threshold: 0, flipTimeoutMs: 6 * MIN }), {
        failed: false,
        reason: 'pingserver-monitor-interface is empty: remote link failover is off',
        restart: true,
    });
    assert.equal(v.failed, false);
    assert.equal(v.evaluate([monitor('a', 'port1', 1, true)], 1), undefined, 'nothing counts any more');
});
//# sourceMappingURL=verdict.test.js.map