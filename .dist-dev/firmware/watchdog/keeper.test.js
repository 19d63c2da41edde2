import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { E } from '../../hal/errors.js';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import { FakeNotify } from '../../hal/notify/notify.fake.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { HEALTH_BYTES, HEARTBEAT_WORKER, HealthStamps, MAIN_THREAD } from './health.js';
import { WatchdogKeeper } from './keeper.js';
/** Fails the way the Linux driver does: a kick on a closed device does nothing, a failed one returns its errno. */
class FakeWatchdog {
    timeoutS = 10;
    kicks = 0;
    failWith = 0;
    closed = false;
    kick() {
        if (this.closed)
            return 0;
        if (this.failWith !== 0)
            return this.failWith;
        this.kicks++;
        return 0;
    }
    close() {
        this.closed = true;
    }
}
/** `pingMs`: the service manager's ping interval (null: its watchdog is off). */
function setup(withDevice = true, pingMs = null) {
    const clock = new FakeClock(1000);
    const notify = new FakeNotify();
    const stamps = new HealthStamps(new FakeIpc().createSharedMemory(HEALTH_BYTES));
    const watchdog = new FakeWatchdog();
    const records = [];
    const events = [];
    setLogSink((r) => events.push(r));
    const keeper = new WatchdogKeeper({
        watchdog: withDevice ? watchdog : null,
        service: pingMs === null ? null : { notifier: notify.open('/run/systemd/notify'), intervalMs: pingMs },
        stamps,
        limits: { maxMainLagMs: 3000, maxWorkerStallMs: 2000 },
        timeoutS: 10,
        clock,
        record: (state, reason) => records.push([state, reason]),
        log: createLogger('watchdog'),
    });
    const live = () => {
        stamps.stamp(MAIN_THREAD, clock.nowMs());
        stamps.stamp(HEARTBEAT_WORKER, clock.nowMs());
    };
    return { clock, stamps, watchdog, notify, records, events, keeper, live };
}
test('kicks while both threads stamp; a stalled worker stops the kicks and is recorded once', () => {
    const s = setup();
    for (let i = 0; i < 3; i++) {
        s.live();
        s.keeper.check();
        s.clock.advance(1000);
    }
    assert.equal(s.watchdog.kicks, 3);
    s.stamps.stamp(MAIN_THREAD, s.clock.nowMs());
    s.clock.advance(1100); // the worker's last stamp is now 2100 ms old
    s.stamps.stamp(MAIN_THREAD, s.clock.nowMs());
    s.keeper.check();
    s.keeper.check();
    assert.equal(s.watchdog.kicks, 3, 'no kick while the worker is stalled');
    assert.ok(s.keeper.starving);
    assert.deepEqual(s.records, [['starving', 'the heartbeat worker did not run for more than 2.0 s']]);
    const events = s.events.filter((e) => e.event);
    assert.equal(events.length, 1);
    assert.match(events[0]?.message ?? '', /no longer kicked, the heartbeat worker .*resets 10 s after the last kick/);
});
test('a runtime that recovers before the timeout is kicked again and recorded as running', () => {
    const s = setup();
    s.live();
    s.keeper.check();
    s.clock.advance(3500);
    s.keeper.check();
    assert.deepEqual(s.records, [['starving', "the main thread's event loop did not run for more than 3.0 s"]]);
    s.live();
    s.keeper.check();
    assert.equal(s.watchdog.kicks, 2);
    assert.deepEqual(s.records.at(-1), ['running', undefined]);
    assert.match(s.events.at(-1)?.message ?? '', /healthy again after 0\.0 s/);
});
test('without a device, health is still judged and recorded; a failing kick is logged once per errno', () => {
    const s = setup(false);
    s.clock.advance(5000);
    s.keeper.check();
    assert.equal(s.records.length, 1);
    assert.doesNotMatch(s.events.at(-1)?.message ?? '', /resets/);
    const t = setup();
    t.live();
    t.watchdog.failWith = 5;
    t.keeper.check();
    t.keeper.check();
    assert.equal(t.events.filter((e) => /kick failed \(errno 5\)/.test(e.message)).length, 1);
    t.watchdog.failWith = 0;
    t.keeper.check();
    assert.equal(t.keeper.kicks, 1);
});
test('the service manager is pinged every interval, on the checks that kick', () => {
    const s = setup(true, 5000);
    s.live();
    s.keeper.check();
    assert.deepEqual(s.notify.sent, [{ socket: '/run/systemd/notify', state: 'WATCHDOG=1' }], 'the first healthy check pings');
    for (let i = 0; i < 4; i++) {
        s.clock.advance(1000);
        s.live();
        s.keeper.check();
    }
    s.clock.advance(999);
    s.live();
    s.keeper.check();
    assert.equal(s.keeper.pings, 1, '4999 ms after the last ping: not yet');
    s.clock.advance(1);
    s.keeper.check();
    assert.equal(s.keeper.pings, 2, '5000 ms after it: pinged');
    assert.equal(s.watchdog.kicks, 7);
});
test('a blocked main thread or a stalled worker stops the pings with the kicks; they resume together', () => {
    const s = setup(true, 5000);
    /** One second on, then a check; the threads named stamp. */
    const second = (main, worker) => {
        s.clock.advance(1000);
        if (main)
            s.stamps.stamp(MAIN_THREAD, s.clock.nowMs());
        if (worker)
            s.stamps.stamp(HEARTBEAT_WORKER, s.clock.nowMs());
        s.keeper.check();
    };
    s.live();
    s.keeper.check();
    for (let t = 1; t <= 6; t++)
        second(true, true);
    assert.deepEqual([s.keeper.pings, s.watchdog.kicks], [2, 7], 'pinged at 0 and 5 s, kicked every second');
    for (let t = 7; t <= 12; t++)
        second(false, true);
    assert.deepEqual([s.keeper.pings, s.watchdog.kicks], [2, 10], 'the main thread stamps last at 6 s, is judged blocked at 10 s: no kick from then, no ping though one is due');
    assert.match(s.events.at(-1)?.message ?? '', /no longer kicked, the main thread's .*resets 10 s after the last kick .*; the service manager restarts the firmware 10\.0 s after the last ping/);
    second(true, true);
    assert.deepEqual([s.keeper.pings, s.watchdog.kicks], [3, 11], 'healthy again with a ping overdue: pinged at once');
    for (let t = 14; t <= 19; t++)
        second(true, false);
    assert.equal(s.keeper.pings, 3, 'the worker turns last at 13 s, is judged stalled at 16 s: no ping though one is due at 18 s');
    assert.equal(s.watchdog.kicks, 13);
});
test('pings go on without a board watchdog; a failed ping is logged once per errno and tried again next period', () => {
    const s = setup(false, 5000);
    s.live();
    s.keeper.check();
    s.notify.failWith = E.EAGAIN;
    s.clock.advance(5000);
    s.live();
    s.keeper.check();
    s.clock.advance(1000);
    s.live();
    s.keeper.check();
    assert.equal(s.keeper.pings, 1);
    assert.equal(s.events.filter((e) => /service manager watchdog ping failed \(errno 11\)/.test(e.message)).length, 1);
    s.notify.failWith = 0;
    s.clock.advance(1000);
    s.live();
    s.keeper.check();
    assert.equal(s.keeper.pings, 2, 'the next period after the failure pings, not an interval later');
    assert.equal(s.notify.states().length, 2);
});
//# sourceMappingURL=keeper.test.js.map