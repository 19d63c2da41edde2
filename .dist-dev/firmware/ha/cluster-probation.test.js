/**
 * A unit running a firmware image on trial (Cluster.setProbation) never takes the primary role
 * from a unit it refuses: an image that cannot join its cluster must not forward beside it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeNet } from './net.fake.js';
const HOLD = 5000;
const LOST_AFTER = 1200;
/** Runs `ms` in small steps, failing if two units ever work at once. */
function runOnePrimary(n, ms) {
    for (let t = 0; t < ms; t += 100) {
        n.run(100);
        assert.ok(n.working().length <= 1, `two primaries: ${n.working().join(', ')}`);
    }
}
function upgradedPeer(probation) {
    const clock = new FakeClock(0);
    const n = new FakeNet(clock);
    n.add('A', { identity: { firmware: '1.2.0' } });
    n.run(HOLD + 1000);
    const b = n.add('B', { identity: { firmware: '2.0.0' } });
    b.setProbation(probation, clock.nowMs());
    return { n, b, clock };
}
test('on probation, a unit refusing the cluster stands by beside it instead of working', () => {
    const { n } = upgradedPeer(true);
    runOnePrimary(n, HOLD * 3);
    assert.deepEqual(n.working(), ['A']);
    const held = n.events('B').filter((e) => e.kind === 'held');
    assert.equal(held.length, 1, 'one held event, not one per heartbeat');
    assert.match(held[0]?.kind === 'held' ? held[0].reason : '', /^firmware on probation: not taking the primary role while refusing A \(firmware "1\.2\.0" \(major 1\) differs/);
    assert.equal(n.cluster('B').state, 'standby');
});
test('without probation the same unit works beside the cluster it refuses (what probation prevents)', () => {
    const { n } = upgradedPeer(false);
    n.run(HOLD * 3);
    assert.deepEqual(n.working(), ['A', 'B']);
});
test('on probation, the unit takes over once the refused unit has been silent for the lost threshold', () => {
    const { n } = upgradedPeer(true);
    runOnePrimary(n, HOLD * 2);
    n.crash('A');
    n.events('B');
    n.run(LOST_AFTER + 1000);
    assert.deepEqual(n.working(), ['B']);
});
test('confirmed, the hold ends at once and the unit elects as any other', () => {
    const { n, b, clock } = upgradedPeer(true);
    runOnePrimary(n, HOLD * 2);
    b.setProbation(false, clock.nowMs());
    n.run(100);
    assert.deepEqual(n.working(), ['A', 'B'], 'refusing each other, each is alone: both work, as without probation');
});
test('a unit on probation working alone stands down when a unit it refuses appears', () => {
    const clock = new FakeClock(0);
    const n = new FakeNet(clock);
    const b = n.add('B', { identity: { firmware: '2.0.0' } });
    b.setProbation(true, 0);
    n.run(HOLD + 1000);
    assert.deepEqual(n.working(), ['B'], 'alone, nothing refused: it works');
    n.add('A', { identity: { firmware: '1.2.0' } });
    n.run(500);
    assert.equal(n.cluster('B').state, 'standby');
    runOnePrimary(n, HOLD * 2);
    assert.deepEqual(n.working(), ['A']);
});
//# sourceMappingURL=cluster-probation.test.js.map