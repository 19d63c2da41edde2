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
import { E, HalError } from '../../hal/errors.js';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { DUMP_RETRY_MS } from './primary-sync.js';
import { Churn, sessionOf } from './session-churn.testkit.js';
import { AGREE, entryLine, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';
const SERIAL = 'TDSIM00000000002';
const LOSSY = { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 1 };
test('a secondary joining with a table of its own ends with exactly the primary sessions, its unsynced entries left alone', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 3 });
    const churn = new Churn(net.ct, 3, ['tcp', 'udp', 'icmp', 'tcp6']);
    churn.fill(1500);
    churn.step(500);
    const primary = [...net.ct.sessions.values()];
    // The joining unit's kernel: stale copies of a third of the primary's sessions (synced or
    // its own), synced entries the primary no longer has, and sessions of its own.
    const ct = new FakeConntrack();
    primary.forEach((s, i) => {
        if (i % 3 !== 0)
            return;
        const stale = { ...s, tcp: s.tcp && { ...s.tcp, state: TCP_STATE.SYN_SENT }, timeout: 7 };
        ct.kernelCreate(i % 2 === 0 ? { ...stale, mark: SYNCED_MARK, timeout: HOLD_S } : stale);
    });
    const gone = Array.from({ length: 400 }, (_, n) => sessionOf('tcp', 100_000 + n));
    for (const s of gone)
        ct.kernelCreate({ ...s, mark: SYNCED_MARK | 1, timeout: HOLD_S });
    const own = Array.from({ length: 300 }, (_, n) => sessionOf(n % 2 ? 'udp' : 'tcp', 200_000 + n));
    for (const s of own)
        ct.kernelCreate(s);
    await net.runFor(5); // the primary has read its events: the bulk alone fills the secondary
    const b = net.join(SERIAL, ct);
    assert.equal(b.sync.ready, false);
    // Ready only once the bulk is in and the stale entries are gone.
    let readyAt = -1;
    let reconcilingTurns = 0;
    await net.run(() => {
        // The reconciliation reads the table between turns of the event loop: the loop must not sleep meanwhile.
        if (b.sync.view(net.now).reconcile.state === 'reconciling') {
            reconcilingTurns++;
            assert.equal(b.sync.nextWakeAt(net.now), net.now, 'a reconciling secondary wakes at once');
        }
        if (readyAt < 0 && b.sync.ready) {
            readyAt = net.now;
            assert.equal(b.sync.counters.reconciled, 1);
            assert.equal(b.sync.counters.staleDeleted, gone.length);
            assert.equal(b.sync.view(net.now).reconcile.percent, 100);
        }
        return net.settled();
    }, 30_000);
    assert.ok(readyAt > 0, net.describe());
    assert.ok(reconcilingTurns > 0, 'the reconciliation was seen under way');
    const expected = [...net.expected(), ...own.map(entryLine)].sort();
    assert.deepEqual(tableLines(b.ct), expected);
    assert.equal(b.sync.counters.staleDeleted, gone.length);
    assert.equal(b.sync.view(net.now).reconcile.records, primary.length);
});
test('an event overrun on the primary resyncs, and the tables agree again', async () => {
    // 64 events fit the primary's receive buffer.
    const net = new SyncNet({ faults: LOSSY, seed: 4, rcvbufBytes: 64 * 1024 });
    const churn = new Churn(net.ct, 4);
    const b = net.join(SERIAL);
    await net.runFor(40, () => churn.step(20));
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
test('an overrun in the middle of a resync restarts it: the new dump runs while the abandoned one closes', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 8, rcvbufBytes: 64 * 1024 });
    const churn = new Churn(net.ct, 8);
    await net.runFor(40, () => churn.fill(50)); // 50 events a turn fit the buffer
    const b = net.join(SERIAL);
    await net.runFor(2);
    assert.ok(net.primary.views(net.now)[0]?.resync, 'the bulk is under way');
    churn.step(100);
    await net.turn();
    assert.equal(net.primary.counters.overruns, 1);
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.ok(!net.log.some((line) => line.includes('ended short')), net.log.join('\n'));
    assert.deepEqual(net.dumpHandles, { opened: 2, closed: 2 }, 'each dump closed its handle');
});
test('a dump that fails midway ends no resync: the secondary keeps its sessions, is not ready, and the dump is tried again', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 9, rcvbufBytes: 64 * 1024 });
    const churn = new Churn(net.ct, 9);
    await net.runFor(40, () => churn.fill(50));
    const b = net.join(SERIAL);
    await net.converge();
    // The next dump gives one kernel batch, then the kernel stops answering.
    const open = net.openDumpTable;
    net.openDumpTable = () => {
        net.openDumpTable = open;
        const table = open();
        const dump = table.dump.bind(table);
        table.dump = () => failingAfterOne(dump());
        return table;
    };
    churn.step(100); // an overrun: resync
    await net.turn();
    const overrunAt = net.now;
    let fewest = b.ct.sessions.size;
    let unready = false;
    let readyAgainAt = -1;
    await net.run(() => {
        fewest = Math.min(fewest, b.ct.sessions.size);
        unready ||= !b.sync.ready;
        if (unready && readyAgainAt < 0 && b.sync.ready)
            readyAgainAt = net.now;
        return net.settled();
    }, 10_000);
    assert.ok(fewest > 1900, `the secondary kept its sessions (${fewest} at the fewest)`);
    assert.ok(readyAgainAt - overrunAt >= DUMP_RETRY_MS, `ready again ${readyAgainAt - overrunAt} ms after the overrun`);
    assert.ok(net.log.some((line) => line.includes('no dump data')), net.log.join('\n'));
    assert.equal(net.primary.counters.resyncs, 3, 'the join, the overrun, the retry');
    assert.equal(b.sync.counters.reconciled, 2, 'the join and the retry');
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.deepEqual(net.dumpHandles, { opened: 3, closed: 3 });
});
async function* failingAfterOne(dump) {
    let batches = 0;
    for await (const batch of dump) {
        if (batches++ > 0)
            throw new HalError('conntrack', 'dump', E.ETIMEDOUT, 'no dump data within 5000 ms');
        yield batch;
    }
}
test('live changes racing the bulk of a resync: the tables agree at the end', async () => {
    for (const seed of [5, 6]) {
        const net = new SyncNet({ faults: LOSSY, seed });
        const churn = new Churn(net.ct, seed);
        churn.fill(3000);
        await net.runFor(2); // the primary reads its events before the secondary joins
        const b = net.join(SERIAL);
        // 20 changes a millisecond while the bulk runs.
        const start = net.now;
        while (net.primary.views(net.now)[0]?.resync)
            await net.runFor(1, () => churn.step(20));
        assert.ok(net.now - start > 10, `seed ${seed}: the bulk ran for ${net.now - start} ms of churn`);
        await net.converge();
        assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, `seed ${seed}`);
        assert.equal(net.primary.counters.resyncs, 1);
    }
});
test('a stream that gives up while the link is cut resyncs once the link is back', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 7 });
    const churn = new Churn(net.ct, 7);
    churn.step(500);
    const b = net.join(SERIAL);
    await net.converge();
    b.cut = true;
    const busyBefore = net.busyTurns;
    let ms = 0;
    await net.runFor(7000, () => ms++ % 20 === 0 && churn.step(1)); // a change every 20 ms
    const feed = net.primary.views(net.now)[0];
    assert.ok(feed && feed.stream.giveUps >= 1, 'the sender gave up');
    assert.ok(net.primary.counters.resyncs >= 2);
    // A link that is down costs no busy loop: the primary waits for its timers, not for the next turn.
    const busy = net.busyTurns - busyBefore;
    assert.ok(busy < 100, `${busy} turns in 7 s of a cut link were wanted at once`);
    b.cut = false;
    await net.converge();
    assert.equal(b.sync.ready, true);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.ok(b.sync.view(net.now).stream.restarts >= 2, 'the secondary followed a new epoch');
});
//# sourceMappingURL=engine-resync.test.js.map