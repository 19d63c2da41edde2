import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { PROTO, TCP_STATE } from '../../hal/conntrack/index.js';
import { ESTABLISHED, echo, expectation, manySessions, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { E, HalError } from '../../hal/errors.js';
import { SYNCED_MARK } from '../sessions/applier.js';
import { KernelSessions } from './kernel-sessions.js';
import { SessionFilter } from './session-filter.js';
import { primarySyncStatus } from './sync-status.fixture.js';
function kernel(sessions = []) {
    const ct = new FakeConntrack();
    for (const s of sessions)
        ct.kernelCreate(s);
    let opened = 0;
    const control = new KernelSessions(() => {
        opened++;
        return ct.open();
    }, { status: () => null });
    return { ct, control, opens: () => opened };
}
const ftp = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21);
test('tally: sessions by protocol and TCP state, synced entries, expectations', async () => {
    const { ct, control } = kernel([
        session(ftp),
        session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40001, 443), { mark: SYNCED_MARK }),
        session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40002, 443), {
            tcp: { ...ESTABLISHED, state: TCP_STATE.SYN_SENT },
            mark: SYNCED_MARK | 7,
        }),
        session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40003, 443), { tcp: null }),
        session(tuple('198.18.1.11', '198.18.2.53', PROTO.UDP, 53001, 53)),
        session(echo('198.18.1.10', '198.18.2.10', 77)),
        session(tuple('198.18.1.10', '198.18.2.10', 47)),
    ]);
    ct.addExpectation(expectation(ftp, tuple('198.18.2.10', '198.18.1.10', PROTO.TCP, 0, 50000)));
    const t = await control.tally();
    assert.equal(t.walked, 7);
    assert.deepEqual([...t.byProto].sort(([a], [b]) => a - b), [
        [PROTO.ICMP, 1],
        [PROTO.TCP, 4],
        [PROTO.UDP, 1],
        [47, 1],
    ]);
    assert.deepEqual([...t.tcpStates].sort(([a], [b]) => a - b), [
        [TCP_STATE.NONE, 1],
        [TCP_STATE.SYN_SENT, 1],
        [TCP_STATE.ESTABLISHED, 2],
    ]);
    assert.equal(t.synced, 2);
    assert.equal(t.expectations, 1);
    assert.equal(control.count(), 7);
});
test('list: the first sessions the filter passes, and how many matched in all', async () => {
    const { ct, control } = kernel(manySessions(600));
    ct.dumpBatch = 64;
    const all = await control.list(new SessionFilter(), 1000);
    assert.equal(all.matched, 600);
    assert.equal(all.sessions.length, 600);
    const filter = new SessionFilter();
    assert.equal(filter.set('proto', ['6']), '');
    const tcp = await control.list(filter, 25);
    assert.equal(tcp.matched, 200);
    assert.equal(tcp.sessions.length, 25);
    assert.ok(tcp.sessions.every((s) => s.orig.proto === PROTO.TCP));
    const none = await control.list(filter, 0);
    assert.deepEqual(none, { sessions: [], matched: 200 });
});
test('walks asked for at once run one after another (a table dumps once at a time)', async () => {
    const { control, opens } = kernel(manySessions(300));
    const [a, b, c] = await Promise.all([
        control.list(new SessionFilter(), 10),
        control.tally(),
        control.list(new SessionFilter(), 5),
    ]);
    assert.equal(a.matched, 300);
    assert.equal(b.walked, 300);
    assert.equal(c.sessions.length, 5);
    assert.equal(opens(), 1, 'the table is opened once and kept');
});
test('a kernel without conntrack: each walk rejects with the HalError, and the next tries to open again', async () => {
    let attempts = 0;
    const control = new KernelSessions(() => {
        attempts++;
        throw new HalError('conntrack', 'open', E.EPERM);
    }, { status: () => null });
    await assert.rejects(control.tally(), (err) => err instanceof HalError && err.errno === E.EPERM);
    await assert.rejects(control.list(new SessionFilter(), 10), HalError);
    assert.throws(() => control.count(), HalError);
    assert.equal(attempts, 3);
});
test('a dump that fails midway rejects the walk with the driver error', async () => {
    const ct = new FakeConntrack();
    for (const s of manySessions(300))
        ct.kernelCreate(s);
    const table = ct.open();
    const control = new KernelSessions(() => table, { status: () => null });
    let seen = 0;
    // The table goes away while the first batch is being looked at.
    const closing = {
        matches: () => {
            if (seen++ === 0)
                table.close();
            return true;
        },
    };
    await assert.rejects(control.list(closing, 10), (err) => err instanceof HalError && err.errno === E.EBADF);
    assert.equal(seen, 128, 'the first batch was walked');
});
test('syncStatus is the runtime status, null while sync is off', () => {
    let status = null;
    const control = new KernelSessions(() => new FakeConntrack().open(), { status: () => status });
    assert.equal(control.syncStatus(), null);
    status = primarySyncStatus();
    assert.equal(control.syncStatus(), status);
});
//# sourceMappingURL=kernel-sessions.test.js.map