/**
 * Three and four units: the primary feeds every secondary a stream of its own, over sync
 * ports that carry every frame to every unit (multicast), and each secondary follows its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Churn } from './session-churn.testkit.js';
import { AGREE, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';
const LOSSY = { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 1 };
test('three secondaries, one joining later, each end with the primary sessions', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 21 });
    const churn = new Churn(net.ct, 21);
    await net.runFor(20, () => churn.fill(50));
    const [b, c] = [net.addSecondary('TDSIM00000000002'), net.addSecondary('TDSIM00000000003')];
    net.feed();
    await net.runFor(150, () => churn.step(2));
    const d = net.join('TDSIM00000000004');
    await net.runFor(150, () => churn.step(2));
    await net.converge();
    for (const s of [b, c, d]) {
        assert.deepEqual(tableDiff(tableLines(s.ct), net.expected()), AGREE, s.serial);
        assert.equal(s.sync.ready, true, s.serial);
    }
    assert.equal(net.primary.counters.resyncs, 3, net.log.join('\n'));
    assert.deepEqual(net.wakeBreaches, []);
});
test('a takeover among four units: the other secondaries follow the new primary, whose epochs start lower', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 22, epochBase: 5 * 2 ** 20 });
    const churn = new Churn(net.ct, 22);
    await net.runFor(20, () => churn.fill(50));
    const [b, c, d] = ['TDSIM00000000002', 'TDSIM00000000003', 'TDSIM00000000004'].map((serial) => net.join(serial));
    await net.runFor(100, () => churn.step(3));
    await net.converge();
    assert.ok(b && c && d);
    // A is lost; B takes over. Its boot id is lower than A's was: boot ids count each unit's own starts.
    net.takeOver(b, 3 * 2 ** 20);
    assert.equal(c.sync.ready, false, 'ready for A, not yet for B');
    net.feed();
    const after = new Churn(net.ct, 23, undefined, 100_000);
    await net.runFor(200, () => after.step(3));
    await net.converge();
    for (const s of [c, d]) {
        assert.deepEqual(tableDiff(tableLines(s.ct), net.expected()), AGREE, s.serial);
        assert.equal(s.sync.ready, true, s.serial);
    }
});
//# sourceMappingURL=engine-units.test.js.map