/**
 * A primary resuming from a stall longer than the lost threshold while a peer took over
 * (Cluster.resumeFromStall): with session pickup its table is stale, so the election's
 * `sessions` rule keeps the successor, whatever the priorities; the resumed unit takes the role
 * back only once session sync says it is in sync again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeNet } from './net.fake.js';
const HOLD = 5000;
const LOST_AFTER = 1200;
const PICKUP = { tcp: true, connectionless: false, expectation: false, nat: false, delay: false };
function pair(pickup, uptimeDiffMarginS = 300) {
    const clock = new FakeClock(0);
    const n = new FakeNet(clock);
    const sessionPickup = { ...PICKUP, tcp: pickup };
    n.add('A', { settings: { priority: 200, sessionPickup, uptimeDiffMarginS } });
    n.add('B', { settings: { priority: 100, sessionPickup, uptimeDiffMarginS } });
    n.run(HOLD + 2000);
    assert.deepEqual(n.working(), ['A']);
    n.events('A');
    n.events('B');
    return { n, clock };
}
function states(events) {
    return events.flatMap((e) => (e.kind === 'state' ? [`${e.from}->${e.to}`] : []));
}
/** Runs `ms` in heartbeat-sized steps, failing if two units ever work at once. */
function runOnePrimary(n, ms) {
    for (let t = 0; t < ms; t += 100) {
        n.run(100);
        assert.ok(n.working().length <= 1, `two primaries: ${n.working().join(', ')}`);
    }
}
for (const dropFrames of [false, true]) {
    test(`a primary thawed after 3x the lost threshold, its table stale, leaves the role to its successor (frames ${dropFrames ? 'dropped' : 'queued'})`, () => {
        const { n, clock } = pair(true);
        n.freeze('A', 3 * LOST_AFTER, dropFrames);
        n.run(3 * LOST_AFTER - 100);
        assert.deepEqual(n.working(), ['A', 'B'], 'B took over while A was frozen (A, frozen, still believes it works)');
        n.run(600);
        assert.deepEqual(n.working(), ['B'], 'B keeps the role: A resumed with a stale session table');
        assert.deepEqual(states(n.events('A')), ['work->standby']);
        assert.match(n.cluster('B').view(clock.nowMs()).election?.reason ?? '', /session table is in sync/);
        assert.equal(n.cluster('A').advert(clock.nowMs()).sessionsReady, false);
        runOnePrimary(n, 5000);
        assert.deepEqual(n.working(), ['B'], 'not in sync: no take-back');
        n.cluster('A').setSessionsReady(true, clock.nowMs());
        n.run(1000);
        assert.deepEqual(n.working(), ['A'], 'in sync again: the election (priority here) decides');
    });
}
test('a thawed primary whose peer took over rejoins with its age reset: with ages that count, the successor keeps the role', () => {
    const { n, clock } = pair(false, 1);
    n.freeze('A', 3 * LOST_AFTER);
    n.run(3 * LOST_AFTER + 500);
    assert.deepEqual(n.working(), ['B']);
    assert.match(n.cluster('A').view(clock.nowMs()).election?.reason ?? '', /B is selected as the primary because it has the largest value of uptime/);
    runOnePrimary(n, 3000);
    assert.deepEqual(n.working(), ['B'], 'no take-back');
});
test('without session pickup, ages within the margin, a thawed primary with the higher priority takes the role back at once', () => {
    const { n, clock } = pair(false);
    n.freeze('A', 3 * LOST_AFTER);
    n.run(3 * LOST_AFTER + 500);
    assert.deepEqual(n.working(), ['A']);
    assert.equal(n.cluster('A').advert(clock.nowMs()).sessionsReady, true);
});
test('the whole machine paused (both units frozen together): nobody claimed the role, nothing changes', () => {
    const { n, clock } = pair(true);
    n.freeze('A', 3 * LOST_AFTER);
    n.freeze('B', 3 * LOST_AFTER);
    runOnePrimary(n, 3 * LOST_AFTER + 3000);
    assert.deepEqual(n.working(), ['A']);
    assert.deepEqual(states(n.events('A')), []);
    assert.deepEqual(states(n.events('B')), []);
    assert.equal(n.cluster('A').advert(clock.nowMs()).sessionsReady, true);
});
test('a stall shorter than the lost threshold changes nothing', () => {
    const { n } = pair(true);
    n.freeze('A', LOST_AFTER / 2);
    runOnePrimary(n, 3000);
    assert.deepEqual(n.working(), ['A']);
    assert.deepEqual(states(n.events('A')), []);
});
//# sourceMappingURL=cluster-stall.test.js.map