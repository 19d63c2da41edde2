/**
 * Session sync engine to engine: the primary's kernel changes (FakeConntrack events) reach the
 * secondary's kernel through PrimarySync, a lossy channel and SecondarySync, and once the
 * stream is quiet the secondary holds exactly the sessions the pickup policy syncs, each with
 * the synced mark and the hold timeout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { Churn, sessionOf, UNIT_ADDRESS } from './session-churn.testkit.js';
import { encodeKey, encodeSession } from './session-codec.testkit.js';
import { decodeSyncBody, encodeBatch, encodeRecord } from './sync-frames.js';
import { AGREE, ALL_PICKUP, entryLine, PRIMARY, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';
const SERIAL = 'TDSIM00000000002';
/** A primary and a secondary in sync, over a perfect channel, with empty tables. */
async function synced() {
    const net = new SyncNet();
    const b = net.join(SERIAL);
    await net.converge();
    return { net, b };
}
function lossy(loss) {
    return { loss, duplicate: 0.05, delayMs: 0.3, jitterMs: 1 };
}
async function churnThrough(loss, seed) {
    const net = new SyncNet({ faults: lossy(loss), seed, local: [UNIT_ADDRESS] });
    const churn = new Churn(net.ct, seed);
    churn.step(150); // a table before the secondary joins
    const b = net.join(SERIAL);
    // 600 ms of traffic, two changes a millisecond, racing the join's resync.
    await net.runFor(600, () => churn.step(2));
    await net.converge();
    const at = `loss ${loss * 100}%, seed ${seed}`;
    assert.ok(churn.opened > 400 && churn.changed > 200 && churn.closed > 200, `${at}: ${churn.opened} opened, ${churn.changed} changed, ${churn.closed} closed`);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, `${at}: the secondary's table is the primary's`);
    for (const s of b.ct.sessions.values()) {
        assert.equal(s.timeout, HOLD_S);
        assert.ok((s.mark & SYNCED_MARK) !== 0);
    }
    assert.deepEqual(net.wakeBreaches, [], at);
    const stream = b.sync.view(net.now).stream;
    if (loss > 0)
        assert.ok(stream.gapsSeen > 0 && stream.duplicates > 0, `${at}: the channel lost and duplicated`);
    assert.equal(net.primary.counters.resyncs, 1, `${at}: the join's resync only: ${net.log.join('\n')}`);
    assert.equal(b.sync.counters.badRecords, 0);
}
for (const loss of [0, 0.1, 0.3]) {
    test(`creates, updates and destroys reach the secondary at ${loss * 100}% loss (3 seeds)`, async () => {
        for (const seed of [11, 12, 13])
            await churnThrough(loss, seed);
    });
}
test('pickup policy: UDP and ICMP only with -connectionless, NAT only with -nat, the unit own sessions never', async () => {
    const net = new SyncNet({ pickup: { ...ALL_PICKUP, connectionless: false, nat: false }, local: [UNIT_ADDRESS] });
    const b = net.join(SERIAL);
    await net.converge();
    const churn = new Churn(net.ct, 5);
    const kinds = ['tcp', 'tcp6', 'udp', 'icmp', 'nat', 'local'];
    for (const kind of kinds)
        for (let i = 0; i < 5; i++)
            churn.openOne(kind);
    await net.converge();
    const synced = tableLines(b.ct);
    assert.equal(synced.length, 10, 'TCP over IPv4 and IPv6 only');
    assert.deepEqual(synced, net.expected());
    assert.deepEqual(net.primary.counters.skipped, { connectionless: 10, nat: 5, local: 5 });
    // With every option on, sessions of each kind go too (those open already with the resync the
    // change starts), except the unit's own.
    net.setPickup(ALL_PICKUP);
    for (const kind of kinds)
        churn.openOne(kind);
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.equal(tableLines(b.ct).length, 30);
    assert.ok(tableLines(b.ct).every((line) => !line.includes(` ${UNIT_ADDRESS}:`)));
    assert.equal(net.primary.counters.skipped.local, 6);
});
test('a change of the pickup policy resyncs: sessions it now leaves out go from the secondary, those it now takes come', async () => {
    const net = new SyncNet({ faults: lossy(0.1), seed: 14 });
    const b = net.join(SERIAL);
    const churn = new Churn(net.ct, 14, ['tcp', 'udp', 'icmp']);
    await net.runFor(50, () => churn.step(4));
    await net.converge();
    assert.ok(tableLines(b.ct).some((line) => line.startsWith('4 0 17 ')), 'UDP synced');
    // -connectionless off: the UDP and ICMP sessions on the secondary would never hear of their close.
    net.setPickup({ ...ALL_PICKUP, connectionless: false });
    await net.runFor(50, () => churn.step(4));
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.ok(!tableLines(b.ct).some((line) => line.startsWith('4 0 17 ')), 'no UDP left');
    // And on again: the UDP sessions opened meanwhile come too.
    net.setPickup(ALL_PICKUP);
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.equal(net.primary.counters.resyncs, 3, 'the join and two policy changes');
    // The same policy again changes nothing.
    net.setPickup({ ...ALL_PICKUP });
    await net.converge();
    assert.equal(net.primary.counters.resyncs, 3);
});
test('a session opened, closed and opened again within one batch is open on the secondary; opened and closed, absent', async () => {
    const { net, b } = await synced();
    const again = sessionOf('tcp', 1);
    const gone = sessionOf('udp', 2);
    // All within one turn: one live batch.
    net.ct.kernelCreate(again);
    net.ct.kernelDestroy(again);
    net.ct.kernelCreate({ ...again, mark: 9 });
    net.ct.kernelCreate(gone);
    net.ct.kernelDestroy(gone);
    const sentBefore = b.sync.view(net.now).stream.delivered;
    await net.converge();
    assert.equal(b.sync.view(net.now).stream.delivered, sentBefore + 1, 'one batch');
    assert.deepEqual(tableLines(b.ct), [entryLine({ ...again, mark: 9 | SYNCED_MARK, timeout: HOLD_S })]);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    // The kernel saw one create (the last state of each session) and no delete of what it never had.
    assert.equal(b.sync.appliedCounters.created, 1);
    assert.equal(b.sync.appliedCounters.deleted, 0);
});
test('a record that does not decode is counted and skipped; the rest of its batch applies', async () => {
    const { net, b } = await synced();
    const good = sessionOf('tcp', 3);
    const negativeTimeout = encodeSession(good);
    negativeTimeout[8] = -1;
    const records = [
        [4, 6, 'not an address'],
        encodeSession(good),
        [4, 6],
        'noise',
        negativeTimeout,
        encodeKey(sessionOf('udp', 4)),
    ];
    // The batch the primary's stream would send next (the test stops the stream here), through the wire.
    const { epoch, nextSeq: seq } = b.sync.view(net.now).stream;
    const encoded = records.map(encodeRecord);
    const bytes = encodeBatch(SERIAL, epoch, seq, {
        mark: 0,
        total: 0,
        records: encoded,
        bytes: encoded.reduce((n, r) => n + r.length, 0),
    });
    const body = decodeSyncBody(bytes, bytes.length);
    assert.ok(body?.kind === 1);
    b.sync.onBody(PRIMARY, body, net.now);
    assert.equal(b.sync.counters.badRecords, 4);
    assert.deepEqual(tableLines(b.ct), [entryLine({ ...good, mark: good.mark | SYNCED_MARK, timeout: HOLD_S })]);
    assert.equal(b.sync.appliedCounters.absent, 1, 'the delete of a session it never had');
    // A batch from a unit that is not the primary is counted and goes nowhere.
    b.sync.onBody('TDSIM00000000009', { ...body, seq: seq + 1 }, net.now);
    assert.equal(b.sync.counters.notFromPrimary, 1);
    // Nor does one of the primary's to another secondary.
    b.sync.onBody(PRIMARY, { ...body, to: 'TDSIM00000000003', seq: seq + 1 }, net.now);
    assert.equal(b.sync.counters.forOthers, 1);
    assert.equal(b.sync.view(net.now).stream.delivered, seq + 1);
});
//# sourceMappingURL=engine-sync.test.js.map