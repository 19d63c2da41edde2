/**
 * Expectations engine to engine (sync-net.testkit.ts): an FTP control session's expectation
 * reaches the secondary's kernel after its master, live and through a resync, and goes when the
 * primary's goes; a related session in the same batch as its master goes in after it; an
 * expectation whose master the secondary lacks is counted, not fatal; without
 * `session-pickup-expectation` the primary does not even read expectation events.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IPS, PROTO } from '../../hal/conntrack/index.js';
import { expectation, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { ALL_PICKUP, SyncNet } from './sync-net.testkit.js';
const SERIAL = 'TDSIM00000000002';
const control = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21), { helper: 'ftp' });
const dataTuple = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001);
const ftpExpectation = expectation(control.orig, dataTuple);
/** The data connection the expectation let in: related, with its master. */
const data = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 45000, 30001), {
    status: 0xe | IPS.EXPECTED,
    master: control.orig,
});
const dports = (b) => b.ct.expectations.map((e) => e.tuple.dport);
const synced = (b, s) => [...b.ct.sessions.values()].find((x) => x.orig.sport === s.orig.sport);
test('live: the expectation follows its master, the data session its master; the expectation goes when used', async () => {
    const net = new SyncNet();
    const b = net.join(SERIAL);
    await net.converge();
    net.ct.kernelCreate(control);
    await net.converge();
    net.ct.addExpectation(ftpExpectation);
    await net.converge();
    assert.deepEqual(b.ct.expectations, [{ ...ftpExpectation, id: b.ct.expectations[0]?.id ?? -1 }]);
    assert.equal(synced(b, control)?.helper, 'ftp', 'the control session carries its helper, so a PASV after a takeover works');
    // The kernel uses the expectation up when the data connection arrives, in the same turn.
    net.table.deleteExpectations([ftpExpectation]);
    net.ct.kernelCreate(data);
    await net.converge();
    assert.deepEqual(dports(b), [], 'gone with the primary');
    assert.deepEqual(synced(b, data)?.master, control.orig, 'the data session went in with its master');
    assert.equal((synced(b, data)?.status ?? 0) & IPS.EXPECTED, IPS.EXPECTED);
    assert.deepEqual([net.primary.counters.expectations, net.primary.counters.expectationsDeleted], [1, 1]);
    const applied = b.sync.appliedCounters;
    assert.deepEqual([applied.expectations, applied.expectationsDeleted, applied.orphans, applied.refused], [1, 1, 0, {}]);
});
test('a related session batched ahead of its master (which changed after it) goes in after the master', async () => {
    const net = new SyncNet();
    const b = net.join(SERIAL);
    await net.converge();
    // One turn, one batch: the master opens, its data session opens, the master changes.
    net.ct.kernelCreate(control);
    net.ct.kernelCreate(data);
    net.table.update([{ ...control, timeout: 77 }]);
    await net.converge();
    assert.ok(synced(b, data), `the related session is in: refused ${JSON.stringify(b.sync.appliedCounters.refused)}`);
    assert.deepEqual(b.sync.appliedCounters.refused, {});
});
test('a secondary that joins gets the expectations in its resync, after every session', async () => {
    const net = new SyncNet();
    net.ct.kernelCreate(control);
    net.ct.addExpectation(ftpExpectation);
    // Many sessions, so the dump takes many batches and the expectation comes in a later one.
    for (let i = 0; i < 300; i++)
        net.ct.kernelCreate(session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 1000 + i, 443)));
    const b = net.join(SERIAL);
    await net.converge();
    assert.deepEqual(dports(b), [30001]);
    assert.equal(b.sync.appliedCounters.orphans, 0, 'every master was in before its expectation');
    assert.ok(b.sync.ready);
});
test('an expectation whose master the secondary lacks is counted and logged, and sync goes on', async () => {
    const net = new SyncNet();
    const b = net.join(SERIAL);
    await net.converge();
    // The secondary lost the master (as when the kernel refused it); the primary still has it.
    net.ct.kernelCreate(control);
    await net.converge();
    b.table.delete([control]);
    net.ct.addExpectation(ftpExpectation);
    net.ct.kernelCreate(session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 999, 443)));
    await net.converge();
    assert.equal(b.sync.appliedCounters.orphans, 1);
    assert.ok(net.log.some((l) => l.includes('1 expectations refused: their master is not in this kernel')), net.log.join('\n'));
    assert.equal(b.ct.sessions.size, 1, 'the session after it went in');
});
test('without -expectation no expectation event is read; turning it on resyncs them over', async () => {
    const net = new SyncNet({ pickup: { ...ALL_PICKUP, expectation: false } });
    const b = net.join(SERIAL);
    await net.converge();
    net.ct.kernelCreate(control);
    net.ct.addExpectation(ftpExpectation);
    net.ct.kernelCreate(data);
    await net.converge();
    assert.ok(synced(b, control), 'the control session goes: it is plain TCP');
    assert.equal(synced(b, data), undefined, 'the data session is an expected one');
    assert.deepEqual(dports(b), []);
    assert.equal(net.primary.counters.skipped.expectation, 1, 'the data session only: expectation events were not read');
    assert.equal(net.primary.syncsExpectations, false);
    net.ct.kernelDestroy(data);
    net.setPickup(ALL_PICKUP);
    await net.converge();
    assert.deepEqual(dports(b), [30001], 'the resync the change started brought it');
});
//# sourceMappingURL=engine-expectations.test.js.map