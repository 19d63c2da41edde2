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
  await net.runFor(300, () => churn.step(2));
  const d = net.join('TDSIM00000000004');
  await net.runFor(300, () => churn.step(2));
  await net.converge();
  for (const s of [b, c, d]) {
    assert.deepEqual(tableDiff(tableLines(s.ct), net.expected()), AGREE, s.serial);
    assert.equal(s.sync.ready, true, s.serial);
  }
  assert.equal(net.primary.counters.resyncs, 3, net.log.join('\n'));
  assert.deepEqual(net.wakeBreaches, []);
});
