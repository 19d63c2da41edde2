import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E, HalError } from '../errors.js';
import { FakeClockDevice } from './clock-device.fake.js';
test('wait() moves time to the earliest of its timeout and the next tick, and reports readability', () => {
    const dev = new FakeClockDevice();
    const ticker = dev.openTicker(100);
    const poller = dev.openPoller();
    poller.watch([ticker, { fd: -1 }]);
    assert.equal(poller.wait(30), 0, 'the timeout comes first');
    assert.equal(dev.nowMs(), 30);
    assert.equal(poller.readable(0), false);
    assert.equal(poller.wait(500), 1, 'the tick comes first');
    assert.equal(dev.nowMs(), 100);
    assert.equal(poller.readable(0), true);
    assert.equal(poller.readable(1), false, 'fd -1 is ignored');
    assert.equal(ticker.take(), 1);
    assert.equal(ticker.take(), 0, 'taken');
    dev.clock.advance(350);
    assert.equal(ticker.take(), 3, 'expirations accumulate while nobody reads them');
    assert.equal(poller.wait(0), 0, 'a zero timeout does not move time');
    assert.equal(dev.nowMs(), 450);
});
test('a ticker re-armed starts a period from now; a bad period is HalError EINVAL', () => {
    const dev = new FakeClockDevice();
    const ticker = dev.openTicker(100);
    dev.clock.advance(90);
    ticker.setPeriod(50);
    dev.clock.advance(49);
    assert.equal(ticker.take(), 0);
    dev.clock.advance(1);
    assert.equal(ticker.take(), 1);
    assert.throws(() => ticker.setPeriod(0), (e) => e instanceof HalError && e.errno === E.EINVAL);
    assert.throws(() => dev.openTicker(Number.NaN), HalError);
    ticker.close();
    dev.clock.advance(1000);
    assert.equal(ticker.take(), 0, 'a closed ticker takes nothing');
});
test('a closed fd ends the wait at once and is never readable (POLLNVAL)', () => {
    const dev = new FakeClockDevice();
    const ticker = dev.openTicker(100);
    const poller = dev.openPoller();
    poller.watch([ticker]);
    ticker.close();
    assert.equal(poller.wait(1000), 1);
    assert.equal(dev.nowMs(), 0);
    assert.equal(poller.readable(0), false);
});
test('SCHED_FIFO is refused by default, like an unprivileged process; a bad priority is refused with why', () => {
    const dev = new FakeClockDevice();
    assert.deepEqual(dev.raiseThreadPriority(50).ok, false);
    assert.match(dev.raiseThreadPriority(0).reason, /1\.\.99/);
    dev.priority = { ok: true };
    assert.deepEqual(dev.raiseThreadPriority(50), { ok: true });
    assert.deepEqual(dev.priorityAsked, [50, 0, 50]);
});
test('going back to the normal policy always succeeds, as it does for any thread, and is counted', () => {
    const dev = new FakeClockDevice();
    assert.deepEqual(dev.lowerThreadPriority(), { ok: true });
    assert.equal(dev.lowered, 1);
    assert.deepEqual(dev.priorityAsked, []);
});
//# sourceMappingURL=clock-device.fake.test.js.map