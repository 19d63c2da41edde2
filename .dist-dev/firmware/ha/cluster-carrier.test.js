/**
 * hb-carrier-failover's verdict: every heartbeat cable went dark, so every peer is unreachable
 * now. The cluster reaches at once what the failure detector would after the lost threshold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { Bench, FakeNet } from './net.fake.js';
const HOLD = 5000;
const LOST_AFTER = 1200;
const DARK = 'every heartbeat port lost carrier at once (hb-carrier-failover): the peer lost power';
/** A (priority 128) standing by for B (priority 250), past hello, B's last heartbeat just in. */
function standbyBench() {
    const b = new Bench();
    b.peer('B', { state: 'work', primary: 'B', priority: 250 }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.state, 'standby');
    assert.equal(b.c.primary(), 'B');
    b.take();
    return b;
}
test('a standby whose primary is unreachable works at once, at the same instant, and reports the loss with the reason', () => {
    const b = standbyBench();
    b.peers.clear();
    const now = b.clock.nowMs();
    b.c.tick(now);
    assert.equal(b.c.state, 'standby', 'the failure detector alone would wait for the lost threshold');
    assert.ok(b.c.nextWakeAt(now) > now, 'its deadline is still ahead');
    b.c.peersUnreachable(DARK, now);
    assert.equal(b.c.state, 'work');
    assert.equal(b.c.primary(), 'A');
    assert.equal(b.c.stateSinceMs, now);
    assert.deepEqual(b.take(), [
        { kind: 'lost', serial: 'B', reason: DARK },
        { kind: 'elected', primary: 'A', reason: 'A is selected as the primary because it is the only member of the cluster' },
        {
            kind: 'state',
            from: 'standby',
            to: 'work',
            reason: 'B lost: A is selected as the primary because it is the only member of the cluster',
        },
    ]);
    const view = b.c.view(now);
    assert.equal(view.alone, true);
    assert.deepEqual(view.members.map((m) => m.serial), ['A']);
    assert.equal(b.c.nextWakeAt(now), Number.POSITIVE_INFINITY, 'no detector deadline left for the dropped peer');
});
test('the dropped peer is not lost a second time when its lost threshold passes', () => {
    const b = standbyBench();
    b.peers.clear();
    b.c.peersUnreachable(DARK, b.clock.nowMs());
    b.take();
    b.runTo(b.clock.nowMs() + LOST_AFTER * 3);
    assert.deepEqual(b.take(), []);
    assert.equal(b.c.state, 'work');
});
test('every peer is dropped, each with the reason', () => {
    const b = new Bench();
    b.peer('B', { state: 'work', primary: 'B', priority: 250 }, 0, ['ha1', 'ha2']);
    b.peer('C', { state: 'standby', primary: 'B', priority: 10 }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.state, 'standby');
    b.take();
    b.peers.clear();
    b.c.peersUnreachable(DARK, b.clock.nowMs());
    const events = b.take();
    assert.deepEqual(events.flatMap((e) => (e.kind === 'lost' ? [[e.serial, e.reason]] : [])), [
        ['B', DARK],
        ['C', DARK],
    ]);
    assert.equal(b.c.state, 'work');
    assert.deepEqual(events.flatMap((e) => (e.kind === 'state' ? [e.reason] : [])), ['B lost; C lost: A is selected as the primary because it is the only member of the cluster'], 'one election for both losses');
});
test('a primary whose standby is unreachable keeps working: only the loss is reported', () => {
    const b = new Bench({ priority: 250 });
    b.peer('B', { state: 'standby', primary: 'A' }, 0);
    b.runTo(HOLD + 1000);
    assert.equal(b.c.state, 'work');
    const since = b.c.stateSinceMs;
    b.take();
    b.peers.clear();
    b.c.peersUnreachable(DARK, b.clock.nowMs());
    assert.equal(b.c.state, 'work');
    assert.equal(b.c.stateSinceMs, since);
    assert.deepEqual(b.take().filter((e) => e.kind !== 'elected'), [{ kind: 'lost', serial: 'B', reason: DARK }]);
});
test('with no members it changes nothing, however often it is called', () => {
    const b = new Bench();
    b.runTo(HOLD);
    assert.equal(b.c.state, 'work');
    b.take();
    const before = b.c.view(b.clock.nowMs());
    for (let i = 0; i < 3; i++)
        b.c.peersUnreachable(DARK, b.clock.nowMs() + i);
    assert.deepEqual(b.take(), []);
    assert.equal(b.c.state, 'work');
    assert.equal(b.c.stateSinceMs, HOLD);
    const after = b.c.view(b.clock.nowMs());
    assert.equal(after.alone, before.alone, 'a unit that never had a peer is not "alone"');
    assert.deepEqual(after.election, before.election, 'no new election');
});
test('in hello it does not cut hello-holddown short', () => {
    const b = new Bench();
    b.peer('B', { state: 'work', primary: 'B', priority: 250 }, 0);
    b.runTo(1000);
    b.peers.clear();
    b.take();
    b.c.peersUnreachable(DARK, 1000);
    assert.deepEqual(b.take(), [{ kind: 'lost', serial: 'B', reason: DARK }]);
    assert.equal(b.c.state, 'hello');
    b.runTo(HOLD - 1);
    assert.equal(b.c.state, 'hello');
    b.step(1);
    assert.equal(b.c.state, 'work');
});
test('two real units: the standby takes over the instant its cables go dark, lost threshold or not', () => {
    const clock = new FakeClock(0);
    const n = new FakeNet(clock);
    n.add('A', { settings: { priority: 200 } });
    n.add('B');
    n.run(HOLD + 2000);
    assert.deepEqual(n.working(), ['A']);
    n.events('B');
    n.crash('A');
    n.run(LOST_AFTER / 2);
    assert.equal(n.cluster('B').state, 'standby');
    const now = clock.nowMs();
    n.cluster('B').peersUnreachable(DARK, now);
    assert.deepEqual(n.working(), ['B']);
    assert.equal(n.cluster('B').stateSinceMs, now);
    n.run(LOST_AFTER * 3);
    const lost = n.events('B').filter((e) => e.kind === 'lost');
    assert.deepEqual(lost, [{ kind: 'lost', serial: 'A', reason: DARK }], 'lost once, with the carrier reason');
    assert.deepEqual(n.working(), ['B']);
});
//# sourceMappingURL=cluster-carrier.test.js.map