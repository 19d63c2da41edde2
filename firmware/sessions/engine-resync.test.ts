/**
 * Full resyncs engine to engine (PrimarySync's kernel dump, SecondarySync's reconciliation):
 * a secondary joining with a table of its own, an event overrun on the primary, live changes
 * racing the dump, and a stream that gives up while the link is cut. After each, the tables
 * agree and the secondary is ready.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { TCP_STATE } from '../../hal/conntrack/index.js';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { Churn, sessionOf } from './session-churn.testkit.js';
import { AGREE, entryLine, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';

const SERIAL = 'TDSIM00000000002';
const LOSSY = { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 2 };

test('a secondary joining with a table of its own ends with exactly the primary sessions, its unsynced entries left alone', async () => {
  const net = new SyncNet({ faults: LOSSY, seed: 3 });
  const churn = new Churn(net.ct, 3, ['tcp', 'udp', 'icmp', 'tcp6']);
  churn.step(3000);
  const primary = [...net.ct.sessions.values()];
  // The joining unit's kernel: stale copies of a third of the primary's sessions (synced or
  // its own), synced entries the primary no longer has, and sessions of its own.
  const ct = new FakeConntrack();
  primary.forEach((s, i) => {
    if (i % 3 !== 0) return;
    const stale = { ...s, tcp: s.tcp && { ...s.tcp, state: TCP_STATE.SYN_SENT }, timeout: 7 };
    ct.kernelCreate(i % 2 === 0 ? { ...stale, mark: SYNCED_MARK, timeout: HOLD_S } : stale);
  });
  const gone = Array.from({ length: 400 }, (_, n) => sessionOf('tcp', 100_000 + n));
  for (const s of gone) ct.kernelCreate({ ...s, mark: SYNCED_MARK | 1, timeout: HOLD_S });
  const own = Array.from({ length: 300 }, (_, n) => sessionOf(n % 2 ? 'udp' : 'tcp', 200_000 + n));
  for (const s of own) ct.kernelCreate(s);
  await net.runFor(5); // the primary has read its events: the bulk alone fills the secondary

  const b = net.addSecondary(SERIAL, ct);
  net.feed();
  assert.equal(b.sync.ready, false);
  // Ready only once the bulk is in and the stale entries are gone.
  let readyAt = -1;
  await net.run(() => {
    if (readyAt < 0 && b.sync.ready) {
      readyAt = net.now;
      assert.equal(b.sync.counters.reconciled, 1);
      assert.equal(b.sync.counters.staleDeleted, gone.length);
      assert.equal(b.sync.view(net.now).reconcile.percent, 100);
    }
    return net.settled();
  }, 30_000);
  assert.ok(readyAt > 0, net.describe());
  const expected = [...net.expected(), ...own.map(entryLine)].sort();
  assert.deepEqual(tableLines(b.ct), expected);
  assert.equal(b.sync.counters.staleDeleted, gone.length);
  assert.equal(b.sync.view(net.now).reconcile.records, primary.length);
});

test('an event overrun on the primary resyncs, and the tables agree again', async () => {
  // 64 events fit the primary's receive buffer.
  const net = new SyncNet({ faults: LOSSY, seed: 4, rcvbufBytes: 64 * 1024 });
  const churn = new Churn(net.ct, 4);
  const b = net.addSecondary(SERIAL);
  net.feed();
  for (let i = 0; i < 40; i++) {
    churn.step(20);
    await net.turn();
  }
  await net.converge();
  // A burst between two reads: the first events fit, the rest are lost. Among the lost: the
  // close of a session opened at the start of the burst, and the reopening of one closed there.
  const reopened = churn.open.shift();
  assert.ok(reopened);
  net.ct.kernelDestroy(reopened);
  const closed = churn.openOne('tcp');
  churn.step(200);
  net.ct.kernelDestroy(closed);
  net.ct.kernelCreate({ ...reopened, mark: 77 });
  await net.turn();
  assert.equal(net.primary.counters.overruns, 1);
  await net.converge();
  assert.equal(net.primary.counters.resyncs, 2, 'the join and the overrun');
  assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
  assert.deepEqual(net.wakeBreaches, []);
});

test('live changes racing the bulk of a resync: the tables agree at the end', async () => {
  for (const seed of [5, 6]) {
    const net = new SyncNet({ faults: LOSSY, seed });
    const churn = new Churn(net.ct, seed);
    churn.step(12_000);
    const b = net.addSecondary(SERIAL);
    net.feed();
    let turns = 0;
    while (net.primary.views(net.now)[0]?.resync) {
      churn.step(5);
      await net.turn();
      turns++;
    }
    assert.ok(turns > 50, `seed ${seed}: the bulk ran for ${turns} turns of churn`);
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, `seed ${seed}`);
    assert.equal(net.primary.counters.resyncs, 1);
  }
});
