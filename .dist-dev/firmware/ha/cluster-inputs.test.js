/** Election inputs of our own and of peers: each change re-elects, by the rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bench } from './net.fake.js';
const INTERVAL = 200;
const HOLD = 5000;
test('fewer connected monitored ports resets our age and re-elects', () => {
    const b = new Bench({ monitor: ['port1', 'port2'] });
    b.c.setMonitor(2, 2, 0);
    // B booted 100 s after us and has one of its two monitored ports up.
    b.peer('B', { monitorUp: 1, monitorTotal: 2 }, 100_000);
    b.clock.advance(100_000 - INTERVAL);
    b.c.tick(b.clock.nowMs());
    b.runTo(100_000 + HOLD + 1000);
    assert.equal(b.c.primary(), 'A');
    assert.match(b.c.view(b.clock.nowMs()).election?.reason ?? '', /most connected monitored ports/);
    b.take();
    const t = b.clock.advance(1);
    b.c.setMonitor(1, 2, t);
    assert.equal(b.c.advert(t).ageS, 0);
    assert.equal(b.c.view(t).members[0]?.ageMs, 0);
    // Now equal on ports, and B (6 s old) is no older than us by 300 s: priority, then serial.
    assert.equal(b.c.primary(), 'B');
    assert.deepEqual(b.take(), [
        { kind: 'elected', primary: 'B', reason: 'B is selected as the primary because it has the largest serial number' },
        {
            kind: 'state',
            from: 'work',
            to: 'standby',
            reason: 'connected monitored ports 2 -> 1, age reset: B is selected as the primary because it has the largest serial number',
        },
    ]);
    b.c.setMonitor(2, 2, b.clock.advance(1));
    assert.equal(b.c.primary(), 'A', 'a port coming back re-elects too');
    assert.equal(b.c.advert(b.clock.nowMs()).ageS, 0, 'but does not give the age back');
    assert.throws(() => b.c.setMonitor(3, 2, b.clock.nowMs()), /3 up of 2/);
});
test('reset-uptime makes us younger than a peer by more than the margin: the peer takes the role', () => {
    const b = new Bench({ priority: 200 });
    b.peer('B', {}, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.primary(), 'A', 'ages within the margin: our priority wins');
    b.runTo(400_000);
    b.take();
    b.c.resetUptime(b.clock.nowMs());
    assert.equal(b.c.primary(), 'B');
    assert.deepEqual(b.take('state'), [
        {
            kind: 'state',
            from: 'work',
            to: 'standby',
            reason: 'reset-uptime: B is selected as the primary because it has the largest value of uptime',
        },
    ]);
});
test("a peer's age going down (its reset-uptime or restart) re-elects", () => {
    const b = new Bench({ priority: 200 });
    b.peer('B', {}, 0);
    b.clock.advance(400_000 - INTERVAL);
    b.c.resetUptime(b.clock.nowMs());
    b.runTo(400_000 + 1000);
    assert.equal(b.c.primary(), 'B', 'B is 400 s older than us');
    b.take();
    b.peer('B', {}, b.clock.nowMs());
    b.step();
    assert.equal(b.c.primary(), 'A');
    assert.deepEqual(b.take('state'), [
        {
            kind: 'state',
            from: 'standby',
            to: 'work',
            reason: 'B: age reset (401 s -> 0 s): A is selected as the primary because it has the highest priority',
        },
    ]);
});
test('failover set gives the role away; unset takes it back when the rules say so', () => {
    const b = new Bench();
    b.peer('B', {}, 0);
    b.clock.advance(400_000);
    b.c.tick(b.clock.nowMs());
    b.peer('B', {}, b.clock.nowMs());
    b.runTo(b.clock.nowMs() + 1000);
    assert.equal(b.c.primary(), 'A', 'we are 400 s older');
    b.take();
    b.c.setFailover(true, b.clock.advance(1));
    assert.equal(b.c.primary(), 'B');
    assert.equal(b.c.advert(b.clock.nowMs()).failover, true);
    assert.deepEqual(b.take('state'), [
        {
            kind: 'state',
            from: 'work',
            to: 'standby',
            reason: 'failover set: B is selected as the primary because the other units have failover set',
        },
    ]);
    b.step();
    assert.equal(b.c.primary(), 'B', 'stays given away');
    b.c.setFailover(false, b.clock.advance(1));
    assert.equal(b.c.primary(), 'A', 'override disabled, but we are older by more than the margin');
    b.c.setFailover(false, b.clock.advance(1));
    assert.deepEqual(b.take('state').length, 1, 'unset twice is one change');
});
test("a peer's failover set gives us the role", () => {
    const b = new Bench();
    b.peer('B', { priority: 250 }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.primary(), 'B');
    b.peer('B', { priority: 250, failover: true }, 0);
    b.step();
    assert.equal(b.c.primary(), 'A');
    assert.deepEqual(b.take('state').at(-1), {
        kind: 'state',
        from: 'standby',
        to: 'work',
        reason: 'B: failover set: A is selected as the primary because the other units have failover set',
    });
});
test('override counts for the cluster when any standing member enables it', () => {
    const b = new Bench({ priority: 200 });
    // B is 400 s older than us: without override age decides, with override (on B only) priority.
    b.peer('B', { override: false }, -400_000);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.primary(), 'B');
    b.peer('B', { override: true }, -400_000);
    b.step();
    assert.equal(b.c.primary(), 'A');
    assert.match(b.c.view(b.clock.nowMs()).election?.reason ?? '', /highest priority/);
});
test('a peer that keeps claiming the primary role against ours is settled by the rules without age', () => {
    const b = new Bench();
    b.runTo(400_000);
    b.take();
    // B, 400 s younger, is in work naming itself: it saw our ages as equal, we see ours older.
    const joinedAt = b.clock.nowMs() + INTERVAL;
    b.peer('B', { state: 'work', primary: 'B', priority: 200 }, joinedAt);
    b.runTo(joinedAt + 2 * INTERVAL);
    assert.equal(b.c.state, 'work', 'an advert in flight during a handover is not a dispute');
    assert.match(b.c.view(b.clock.nowMs()).election?.reason ?? '', /A is selected as the primary because it has the largest value of uptime/);
    b.take();
    b.step();
    assert.equal(b.c.state, 'standby');
    assert.equal(b.c.primary(), 'B');
    assert.deepEqual(b.take(), [
        { kind: 'elected', primary: 'B', reason: 'B is selected as the primary because it has the highest priority' },
        {
            kind: 'state',
            from: 'work',
            to: 'standby',
            reason: 'dual primary with B, ages too close to the margin to agree on: B is selected as the primary because it has the highest priority',
        },
    ]);
    b.runTo(b.clock.nowMs() + 5000);
    assert.deepEqual(b.take(), [], 'settled: no flapping while nothing changes');
});
test('a rival claim is kept when we win without age, and forgotten when it stops', () => {
    const b = new Bench();
    b.runTo(400_000);
    b.peer('B', { state: 'work', primary: 'B', priority: 100 }, b.clock.nowMs());
    b.runTo(b.clock.nowMs() + 5000);
    assert.equal(b.c.state, 'work', 'B yields on its side: lower priority');
    b.take();
    const c = new Bench();
    c.runTo(400_000);
    c.take();
    const bootAt = c.clock.nowMs();
    c.peer('B', { state: 'work', primary: 'B', priority: 200 }, bootAt);
    c.runTo(bootAt + 2 * INTERVAL);
    c.peer('B', { state: 'standby', primary: 'A', priority: 200 }, bootAt);
    c.runTo(c.clock.nowMs() + 5000);
    assert.equal(c.c.state, 'work');
    assert.deepEqual(c.take('state'), []);
});
test('override take-back waits until our session table is in sync, then takes the role', () => {
    const b = new Bench({ override: true, priority: 200 });
    b.c.setSessionsReady(false, 0);
    b.peer('B', { state: 'work', primary: 'B' }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.primary(), 'B', 'a higher priority that is not in sync does not take the role back');
    assert.match(b.c.view(b.clock.nowMs()).election?.reason ?? '', /B is selected as the primary because its session table is in sync/);
    assert.equal(b.c.advert(b.clock.nowMs()).sessionsReady, false);
    b.take();
    b.c.setSessionsReady(true, b.clock.advance(1));
    assert.equal(b.c.primary(), 'A');
    assert.deepEqual(b.take('state'), [
        {
            kind: 'state',
            from: 'standby',
            to: 'work',
            reason: 'sessions in sync: A is selected as the primary because it has the highest priority',
        },
    ]);
    b.c.setSessionsReady(false, b.clock.advance(1));
    assert.equal(b.c.primary(), 'A', 'the primary is the source of the sessions: ready by definition');
    assert.equal(b.c.advert(b.clock.nowMs()).sessionsReady, true);
});
test('when the primary is lost, a secondary in sync is preferred; one not in sync still takes over alone', () => {
    const b = new Bench({ priority: 100 });
    b.peer('B', { state: 'work', primary: 'B', priority: 250 }, 0);
    b.peer('C', { priority: 200, sessionsReady: false }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.primary(), 'B');
    b.peers.delete('B');
    b.runTo(b.clock.nowMs() + 2000);
    assert.equal(b.c.primary(), 'A', 'C has the higher priority but is not in sync');
    assert.match(b.c.view(b.clock.nowMs()).election?.reason ?? '', /its session table is in sync/);
    b.peers.delete('C');
    b.c.setSessionsReady(false, b.clock.advance(1));
    b.runTo(b.clock.nowMs() + 2000);
    assert.equal(b.c.primary(), 'A', 'alone, a unit not in sync works all the same');
});
//# sourceMappingURL=cluster-inputs.test.js.map