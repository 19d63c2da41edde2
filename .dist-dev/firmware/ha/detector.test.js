import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FailureDetector } from './detector.js';
const INTERVAL = 200;
const LOST_AFTER = 1200;
/** Steps the clock to `until` calling check() every interval, as the runtime's ticker does. */
function stepTo(d, clock, until) {
    const lost = [];
    while (clock.nowMs() + INTERVAL <= until)
        lost.push(...d.check(clock.advance(INTERVAL)));
    if (clock.nowMs() < until)
        lost.push(...d.check(clock.advanceTo(until)));
    return lost;
}
function setup() {
    const clock = new FakeClock(1000);
    const d = new FailureDetector({ intervalMs: INTERVAL, lostAfterMs: LOST_AFTER });
    d.check(clock.nowMs());
    return { d, clock };
}
test('lost only when silent for more than lostAfterMs: -1 ms alive, +1 ms lost', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    assert.deepEqual(stepTo(d, clock, 1000 + LOST_AFTER - 1), []);
    assert.deepEqual(d.check(clock.advanceTo(1000 + LOST_AFTER)), [], 'exactly lostAfterMs is not more than it');
    assert.deepEqual(d.check(clock.advance(1)), ['B']);
    assert.deepEqual(d.check(clock.advance(INTERVAL)), [], 'a lost peer is reported once');
    assert.equal(d.nextDeadline(), Number.POSITIVE_INFINITY);
    assert.equal(d.lateChecks, 0);
});
test('a heartbeat before the deadline keeps the peer', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    stepTo(d, clock, 2199);
    d.heard('B', 'ha1', 2199);
    assert.deepEqual(stepTo(d, clock, 2199 + LOST_AFTER), []);
    assert.deepEqual(d.check(clock.advance(1)), ['B']);
});
test('silence on one of two links is not loss', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    d.heard('B', 'ha2', 1000);
    assert.deepEqual(d.links('B', 1000), ['ha1', 'ha2']);
    const lost = [];
    while (clock.nowMs() < 10_000) {
        lost.push(...d.check(clock.advance(INTERVAL)));
        d.heard('B', 'ha2', clock.nowMs());
    }
    assert.deepEqual(lost, []);
    assert.deepEqual(d.links('B', clock.nowMs()), ['ha2']);
    assert.deepEqual(d.links('B', 1000 + LOST_AFTER), ['ha1', 'ha2'], 'ha1 counts until its own lostAfter passes');
    assert.deepEqual(d.links('nobody', 1000), []);
});
test('an own stall of 5 s is not blamed on the peer', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    // The board freezes right after this check: the next one comes 5 s later, frames lost.
    assert.deepEqual(d.check(clock.advance(5000)), [], 'alive right after the stall');
    assert.equal(d.lateChecks, 1);
    assert.equal(d.maxLateMs, 5000 - INTERVAL);
    assert.equal(d.lastLateMs, 5000 - INTERVAL);
    // Silence counted: the 200 ms before the check was due, then what follows the stall.
    const lostAt = 6000 + LOST_AFTER - INTERVAL;
    assert.equal(d.nextDeadline(), lostAt);
    assert.deepEqual(stepTo(d, clock, lostAt), []);
    assert.deepEqual(d.check(clock.advance(1)), ['B']);
    assert.equal(d.lateChecks, 1, 'checks on time after the stall are not late');
});
test('frames drained after a stall count from the drain time, without extra credit', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    clock.advance(5000);
    d.heard('B', 'ha1', clock.nowMs());
    assert.deepEqual(d.check(clock.nowMs()), []);
    assert.equal(d.nextDeadline(), 6000 + LOST_AFTER);
    assert.deepEqual(stepTo(d, clock, 6000 + LOST_AFTER), []);
    assert.deepEqual(d.check(clock.advance(1)), ['B']);
});
test('a check 1 ms late is jitter, 2 ms late is a stall', () => {
    const { d, clock } = setup();
    d.check(clock.advance(INTERVAL + 1));
    assert.equal(d.lateChecks, 0);
    d.check(clock.advance(INTERVAL + 2));
    assert.equal(d.lateChecks, 1);
    assert.equal(d.maxLateMs, 2);
    d.check(clock.advance(INTERVAL + 30));
    d.check(clock.advance(INTERVAL + 10));
    assert.equal(d.lateChecks, 3);
    assert.equal(d.maxLateMs, 30);
    assert.equal(d.lastLateMs, 10);
});
test('nextDeadline is exact: the earliest expiry over peers and links', () => {
    const { d } = setup();
    assert.equal(d.nextDeadline(), Number.POSITIVE_INFINITY);
    d.heard('B', 'ha1', 1000);
    d.heard('B', 'ha2', 1300);
    d.heard('C', 'ha1', 1100);
    assert.equal(d.nextDeadline(), 1100 + LOST_AFTER);
    d.heard('C', 'ha1', 1500);
    assert.equal(d.nextDeadline(), 1300 + LOST_AFTER);
    d.heard('B', 'ha1', 1200);
    assert.equal(d.nextDeadline(), 1300 + LOST_AFTER, 'an older link does not pull the deadline back');
    d.heard('B', 'ha1', 900);
    assert.equal(d.nextDeadline(), 1300 + LOST_AFTER, 'an out-of-order time is ignored');
    d.forget('B');
    assert.equal(d.nextDeadline(), 1500 + LOST_AFTER);
    d.forget('C');
    assert.equal(d.nextDeadline(), Number.POSITIVE_INFINITY);
});
test('setTiming moves every deadline and the stall threshold', () => {
    const { d, clock } = setup();
    d.heard('B', 'ha1', 1000);
    d.setTiming({ intervalMs: 100, lostAfterMs: 300 });
    assert.equal(d.nextDeadline(), 1300);
    assert.deepEqual(d.check(clock.advance(100)), []);
    assert.deepEqual(d.check(clock.advance(100)), []);
    assert.deepEqual(d.check(clock.advance(100)), []);
    assert.deepEqual(d.check(clock.advance(1)), ['B']);
    d.check(clock.advance(150));
    assert.equal(d.lateChecks, 1, '150 ms is late for a 100 ms interval');
    assert.throws(() => d.setTiming({ intervalMs: 0, lostAfterMs: 300 }), /interval 0 ms/);
    assert.throws(() => d.setTiming({ intervalMs: 100, lostAfterMs: Number.NaN }), /lost-after NaN ms/);
});
//# sourceMappingURL=detector.test.js.map