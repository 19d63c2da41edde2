/**
 * The conntrack table on the real kernel, in a throwaway namespace (netns.testkit.ts) that is
 * deleted whatever happens: batched writes with their per-record errors, dumps, counts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { E } from '../errors.js';
import { nftAvailable, nftUnavailable } from '../kernel-gate.testkit.js';
import { deleteNetns, withNetns } from '../netns.js';
import { IPS, PROTO, TCP_FLAG } from './index.js';
import { createLinuxConntrack, MESSAGES_PER_SEND } from './linux.js';
import { conntrackNetns } from './netns.testkit.js';
import { echo, expectation, manySessions, session, tuple } from './records.fixture.js';
const ns = `tct-${process.pid}`;
const key = (t) => `${t.proto} ${t.src} ${t.sport} ${t.dst} ${t.dport} ${t.icmpId} ${t.icmpType}`;
async function dumpAll(table) {
    const sessions = new Map();
    const batches = [];
    for await (const batch of table.dump()) {
        batches.push(batch.length);
        for (const s of batch)
            sessions.set(key(s.orig), s);
    }
    return { sessions, batches };
}
/** What the kernel keeps of a record it was given: timeout counting down, its own id, status with CONFIRMED. */
function asKept(s, kept) {
    assert.ok(kept.timeout <= s.timeout && kept.timeout >= s.timeout - 5, `timeout ${kept.timeout} of ${s.timeout}`);
    return { ...s, id: kept.id, timeout: kept.timeout, status: s.status | IPS.CONFIRMED | IPS.SEEN_REPLY | IPS.ASSURED };
}
describe('linux conntrack table', () => {
    let table;
    before(() => {
        if (nftUnavailable())
            return;
        conntrackNetns(ns);
        table = withNetns(ns, () => createLinuxConntrack().open());
    });
    after(() => {
        table?.close();
        if (!nftUnavailable())
            deleteNetns(ns);
    });
    beforeEach(() => table?.flush());
    it('creates 3000 sessions of six kinds in batches, counts them and dumps them back as they were given', async (t) => {
        if (!nftAvailable(t))
            return;
        const sessions = manySessions(3000);
        assert.deepEqual(table.create(sessions), { done: 3000, failures: [] });
        assert.equal(table.count(), 3000);
        const { sessions: dumped, batches } = await dumpAll(table);
        assert.equal(dumped.size, 3000);
        assert.ok(batches.length > 1 && Math.max(...batches) < 1000, `batches of ${batches.join(', ')}`);
        for (const s of sessions) {
            const kept = dumped.get(key(s.orig));
            assert.ok(kept, `missing ${key(s.orig)}`);
            assert.deepEqual(kept, asKept(s, kept));
        }
        assert.deepEqual(table.counters, { truncated: 0, unknownType: 0, badFamily: 0, badAttribute: 0, badTuple: 0 });
    });
    it('a duplicate in a batch fails alone with EEXIST, and a bad address alone with EINVAL', (t) => {
        if (!nftAvailable(t))
            return;
        const sessions = manySessions(600);
        assert.equal(table.create(sessions.slice(0, 300)).done, 300);
        const bad = session(tuple('198.18.0.1', 'not-an-address', PROTO.UDP, 1, 2));
        const result = table.create([...sessions.slice(299, 600), bad]);
        assert.deepEqual(result.failures, [
            { index: 0, errno: E.EEXIST },
            { index: 301, errno: E.EINVAL },
        ]);
        assert.equal(result.done, 300);
        assert.equal(table.count(), 600);
    });
    it('update changes timeout, mark and TCP state; an absent session fails with ENOENT', async (t) => {
        if (!nftAvailable(t))
            return;
        const sessions = manySessions(MESSAGES_PER_SEND * 2 + 10);
        table.create(sessions);
        const changed = sessions.map((s) => ({ ...s, timeout: 42, mark: 9, tcp: s.tcp && { ...s.tcp, state: 7 } }));
        const absent = session(tuple('198.18.0.1', '198.18.7.7', PROTO.UDP, 9, 9));
        const result = table.update([...changed, absent]);
        assert.deepEqual(result.failures, [{ index: changed.length, errno: E.ENOENT }]);
        const { sessions: dumped } = await dumpAll(table);
        for (const s of changed) {
            const kept = dumped.get(key(s.orig));
            assert.ok(kept);
            assert.deepEqual([kept.timeout <= 42 && kept.timeout >= 40, kept.mark, kept.tcp?.state], [true, 9, s.tcp ? 7 : undefined]);
        }
    });
    it('relaxing TCP windows sets BE_LIBERAL both ways and changes nothing else; ENOENT for an absent session', async (t) => {
        if (!nftAvailable(t))
            return;
        const tcp = session(tuple('198.18.0.1', '198.18.0.2', PROTO.TCP, 1000, 80), { mark: 5 });
        const udp = session(tuple('198.18.0.1', '198.18.0.2', PROTO.UDP, 1000, 53));
        table.create([tcp, udp]);
        const before = (await dumpAll(table)).sessions;
        const absent = session(tuple('198.18.0.1', '198.18.7.7', PROTO.TCP, 9, 9));
        assert.deepEqual(table.relaxTcpWindows([tcp, udp, absent]), { done: 2, failures: [{ index: 2, errno: E.ENOENT }] });
        const after = (await dumpAll(table)).sessions;
        const liberal = TCP_FLAG.BE_LIBERAL;
        const was = before.get(key(tcp.orig));
        const now = after.get(key(tcp.orig));
        assert.ok(was?.tcp && now?.tcp);
        assert.equal(was.tcp.flagsOrig & liberal, 0, 'created strict');
        assert.deepEqual(now, {
            ...was,
            timeout: now.timeout,
            tcp: { ...was.tcp, flagsOrig: was.tcp.flagsOrig | liberal, flagsReply: was.tcp.flagsReply | liberal },
        });
        assert.ok(now.timeout <= was.timeout && now.timeout >= was.timeout - 5, `timeout ${was.timeout} -> ${now.timeout}`);
        assert.deepEqual(after.get(key(udp.orig)), { ...before.get(key(udp.orig)), timeout: after.get(key(udp.orig))?.timeout });
    });
    it('the TCP liberal switch is the sysctl of the namespace', (t) => {
        if (!nftAvailable(t))
            return;
        const read = () => withNetns(ns, () => readFileSync('/proc/sys/net/netfilter/nf_conntrack_tcp_be_liberal', 'utf8').trim());
        const device = createLinuxConntrack();
        withNetns(ns, () => device.setTcpLiberal(true));
        assert.equal(read(), '1');
        withNetns(ns, () => device.setTcpLiberal(false));
        assert.equal(read(), '0');
    });
    it('delete removes what it names; an absent session fails with ENOENT', (t) => {
        if (!nftAvailable(t))
            return;
        const sessions = manySessions(1000);
        table.create(sessions);
        const result = table.delete([...sessions.slice(0, 700), sessions[0]]);
        assert.deepEqual(result, { done: 700, failures: [{ index: 700, errno: E.ENOENT }] });
        assert.equal(table.count(), 300);
    });
    it('NAT, ICMP id remapping, a helper and a related session survive the round trip', async (t) => {
        if (!nftAvailable(t))
            return;
        const control = session(tuple('198.18.0.1', '198.18.0.9', PROTO.TCP, 2000, 21), { helper: 'ftp' });
        const sessions = [
            session(tuple('198.18.0.1', '198.19.0.1', PROTO.TCP, 1000, 80), {
                reply: tuple('198.19.0.1', '198.18.255.1', PROTO.TCP, 80, 40000),
            }),
            session(tuple('198.18.0.1', '198.18.255.2', PROTO.UDP, 1000, 53), {
                reply: tuple('198.18.2.2', '198.18.0.1', PROTO.UDP, 5353, 1000),
            }),
            session(echo('198.18.0.3', '198.18.0.2', 77), { reply: { ...echo('198.18.0.2', '198.18.9.9', 1234), icmpType: 0 } }),
            session(tuple('2001:db8::1', '2001:db8:1::1', PROTO.UDP, 5000, 53), {
                reply: tuple('2001:db8:1::1', '2001:db8::ff', PROTO.UDP, 53, 6000),
            }),
            control,
            session(tuple('198.18.0.9', '198.18.0.1', PROTO.TCP, 20, 3000), { status: IPS.EXPECTED, master: control.orig }),
        ];
        assert.deepEqual(table.create(sessions), { done: sessions.length, failures: [] });
        const { sessions: dumped } = await dumpAll(table);
        const nat = IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE;
        const statusOf = [IPS.SRC_NAT | nat, IPS.DST_NAT | nat, IPS.SRC_NAT | nat, IPS.SRC_NAT | nat, IPS.HELPER, 0];
        for (const [i, s] of sessions.entries()) {
            const kept = dumped.get(key(s.orig));
            assert.ok(kept, `missing ${key(s.orig)}`);
            assert.deepEqual(kept, { ...asKept(s, kept), status: s.status | 0xe | (statusOf[i] ?? 0) });
        }
    });
    it('flush empties the table and the expectation dump runs to its end', async (t) => {
        if (!nftAvailable(t))
            return;
        table.create(manySessions(100));
        table.flush();
        assert.equal(table.count(), 0);
        const expectations = [];
        for await (const batch of table.dumpExpectations())
            expectations.push(...batch);
        assert.deepEqual(expectations, []);
    });
    it('a dump left early is drained, so the next one is whole; a second dump at once is refused', async (t) => {
        if (!nftAvailable(t))
            return;
        table.create(manySessions(2000));
        for await (const batch of table.dump(4)) {
            assert.ok(batch.every((s) => s.family === 4));
            await assert.rejects(async () => {
                for await (const _ of table.dump())
                    break;
            }, /EBUSY|errno 16/);
            break;
        }
        const { sessions } = await dumpAll(table);
        assert.equal(sessions.size, 2000);
    });
    it('writes in the table of the namespace it was opened in, not of the thread that calls', (t) => {
        if (!nftAvailable(t))
            return;
        table.create(manySessions(10));
        assert.equal(table.count(), 10);
        const hostTable = createLinuxConntrack().open();
        try {
            assert.equal(hostTable.delete(manySessions(10)).failures.length, 10);
        }
        finally {
            hostTable.close();
        }
    });
    async function expectationsDumped() {
        const out = [];
        for await (const batch of table.dumpExpectations())
            out.push(...batch);
        return out.sort((a, b) => a.tuple.dport - b.tuple.dport);
    }
    it('expectations of masters created with their helper go in batched, each refusal with its errno', async (t) => {
        if (!nftAvailable(t))
            return;
        const count = MESSAGES_PER_SEND + 44;
        // ftp allows one expectation per master at a time: one master each.
        const masters = Array.from({ length: count }, (_, i) => session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 20000 + i, 21), { helper: 'ftp' }));
        const plain = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 19999, 21));
        assert.deepEqual(table.create([...masters, plain]).failures, []);
        const data = (i) => tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30000 + i);
        const wanted = masters.map((m, i) => expectation(m.orig, data(i)));
        const orphan = expectation(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 1, 21), data(count));
        const helperless = expectation(plain.orig, data(count + 1));
        const result = table.createExpectations([...wanted.slice(0, 10), orphan, ...wanted.slice(10), helperless]);
        assert.deepEqual(result.failures, [
            { index: 10, errno: E.ENOENT },
            { index: count + 1, errno: E.EOPNOTSUPP },
        ]);
        assert.equal(result.done, count);
        const dumped = await expectationsDumped();
        assert.equal(dumped.length, count);
        for (const [i, e] of dumped.entries()) {
            const w = wanted[i];
            assert.ok(e.timeout <= 300 && e.timeout >= 295, `timeout ${e.timeout}`);
            assert.deepEqual(e, { ...w, id: e.id, timeout: e.timeout });
        }
        // Again, with a timeout: the ones there stay and take it.
        assert.deepEqual(table.createExpectations(wanted.map((w) => ({ ...w, timeout: 40 }))).failures, []);
        assert.ok((await expectationsDumped()).every((e) => e.timeout <= 40), 'the timeout of an expectation already there');
        const keys = wanted.map((w) => ({ family: w.family, tuple: { ...w.tuple, sport: 55555 } }));
        assert.deepEqual(table.deleteExpectations([...keys, keys[0]]), {
            done: count,
            failures: [{ index: count, errno: E.ENOENT }],
        });
        assert.deepEqual(await expectationsDumped(), []);
    });
    it("an expectation of a NAT'd master keeps its NAT, expect function and flags", async (t) => {
        if (!nftAvailable(t))
            return;
        const master = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21), {
            helper: 'ftp',
            reply: tuple('198.18.2.10', '198.18.2.50', PROTO.TCP, 21, 40000),
        });
        const e = expectation(master.orig, tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001), {
            fn: 'nat-follow-master',
            natDir: 0,
            nat: tuple('0.0.0.0', '0.0.0.0', PROTO.TCP, 30001, 0),
            flags: 0,
        });
        assert.deepEqual(table.create([master]).failures, []);
        assert.deepEqual(table.createExpectations([e]).failures, []);
        const [kept] = await expectationsDumped();
        assert.ok(kept);
        assert.deepEqual(kept, { ...e, id: kept.id, timeout: kept.timeout });
    });
});
//# sourceMappingURL=linux.test.js.map