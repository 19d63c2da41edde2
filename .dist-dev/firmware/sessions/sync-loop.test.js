/**
 * The sync worker's loop on fake devices (clock, NIC, conntrack), turn by turn: what it does
 * around the engines when the role changes and when the event socket overruns.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { ETH_HEADER_LEN } from '../../lib/ethernet.js';
import { haSettings } from '../ha/net.fake.js';
import { keySpecOf, oneKeyRing } from '../ha/wire/key-ring.js';
import { deriveSyncKeys } from '../ha/wire/keys.js';
import { FrameOpener } from '../ha/wire/opener.js';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { sessionOf } from './session-churn.testkit.js';
import { encodeSession } from './session-codec.testkit.js';
import { stateTimeout } from './state-timeouts.js';
import { BatchBuilder, BatchMark, encodeAck, encodeBatch, encodeRecord, SYNC_FRAME_TYPE, } from './sync-frames.js';
import { SyncLoop } from './sync-loop.js';
import { ALL_PICKUP, memoryLog } from './sync-net.testkit.js';
import { SYNC_GROUP, SYNC_PASSWORD, syncSealer } from './sync-wire.testkit.js';
const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
function rig(serial, conntrack) {
    const clock = new FakeClockDevice();
    const nic = new FakeNic(clock);
    nic.addLink('p3');
    const ct = new FakeConntrack(clock.fds, clock);
    const log = [];
    const posted = [];
    const setup = {
        settings: haSettings({ groupId: SYNC_GROUP, password: SYNC_PASSWORD, sessionPickup: ALL_PICKUP }),
        dedicated: [{ name: 'port3', ifname: 'p3' }],
        fallback: [],
        localAddresses: [],
    };
    const loop = new SyncLoop({ clock, nic, conntrack: conntrack?.(ct) ?? ct, nextBootId: () => 2 }, { ...setup, serial, bootId: 1, bootIdPath: '/nowhere', keys: oneKeyRing(keySpecOf(setup.settings)) }, (m) => posted.push(m), memoryLog(log, serial));
    const inner = loop;
    return { clock, nic, ct, loop, log, posted, setup, turn: () => inner.turn(), primary: () => inner.primary };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));
function pending(mark, total, records = []) {
    const b = new BatchBuilder();
    for (const r of records)
        b.add(encodeRecord(r));
    return b.cut(mark, total);
}
test('a takeover in the middle of a reconciliation still gives the synced entries their state timeouts', async () => {
    const b = rig(B);
    b.loop.setRole({ role: 'secondary', primary: A });
    // A's resync of B: the bulk's first batch, 20 sessions, the last batch.
    const sessions = Array.from({ length: 20 }, (_, n) => sessionOf(n % 2 ? 'udp' : 'tcp', n));
    const seal = syncSealer({ serial: A });
    const epoch = 5;
    const batches = [
        pending(BatchMark.Bulk | BatchMark.BulkBegin, sessions.length),
        pending(BatchMark.Bulk, 0, sessions.map(encodeSession)),
        pending(BatchMark.Bulk | BatchMark.BulkEnd, 0),
    ];
    for (const [seq, batch] of batches.entries())
        b.nic.deliver('p3', seal(encodeBatch(B, epoch, seq, batch)));
    b.turn(); // the bulk goes in, and the reconciliation's dump starts
    assert.equal(b.ct.sessions.size, sessions.length);
    assert.ok([...b.ct.sessions.values()].every((s) => s.mark & SYNCED_MARK && s.timeout === HOLD_S));
    // A is lost before the reconciliation has walked the table.
    b.loop.setRole({ role: 'primary', secondaries: [] });
    for (let i = 0; i < 5; i++)
        await settle();
    assert.ok(!b.log.some((line) => line.includes('failed')), b.log.join('\n'));
    for (const s of b.ct.sessions.values()) {
        assert.equal(s.mark & SYNCED_MARK, 0);
        assert.equal(s.timeout, stateTimeout(s));
    }
    await b.loop.stop();
});
test('the takeover sweep walks the table without the loop sleeping between its dump chunks', async () => {
    const b = rig(B);
    b.ct.dumpBatch = 4;
    b.loop.setRole({ role: 'secondary', primary: A });
    for (const [n, s] of Array.from({ length: 40 }, (_, i) => sessionOf('tcp', i)).entries())
        b.ct.kernelCreate({ ...s, mark: SYNCED_MARK | n, timeout: HOLD_S });
    b.loop.setRole({ role: 'primary', secondaries: [] });
    const from = b.clock.clock.nowMs();
    let turns = 0;
    while (!b.log.some((line) => line.includes('synced sessions are this unit'))) {
        assert.ok(++turns < 100, b.log.join('\n'));
        b.turn();
        await settle();
    }
    assert.ok(turns >= 10, `the sweep took ${turns} turns: one a dump chunk`);
    assert.equal(b.clock.clock.nowMs(), from, 'no turn slept while the sweep ran');
    await b.loop.stop();
});
test('after an event overrun, the events still queued are read out and dropped: the resync dump has them', async () => {
    // A receive buffer of 5000 events (the loop asks for 64 MB; the fake's events are 1 KB).
    const a = rig(A, (ct) => ({
        open: () => ct.open(),
        subscribe: (o) => ct.subscribe({ ...o, rcvbufBytes: 5000 * 1024 }),
        enableTimestamps: () => ct.enableTimestamps(),
        setTcpLiberal: (on) => ct.setTcpLiberal(on),
    }));
    a.loop.setRole({ role: 'primary', secondaries: [] });
    for (let n = 0; n < 5100; n++)
        a.ct.kernelCreate(sessionOf('tcp', n)); // 100 more than fit
    a.turn();
    a.turn();
    const counters = a.primary()?.counters;
    assert.equal(counters?.overruns, 1);
    assert.equal(counters?.events, 0, 'no event from before the overrun went out as a live change');
    a.ct.kernelCreate(sessionOf('udp', 1));
    a.turn();
    assert.equal(counters?.events, 1);
    await a.loop.stop();
});
test('new keys (a password change) seal what the engines send from then on, in sequence; new settings alone do not', async () => {
    const a = rig(A);
    a.loop.setRole({ role: 'primary', secondaries: [B] });
    a.turn(); // the resync's first batch goes out, and is retransmitted while B says nothing
    const changed = { ...a.setup.settings, password: 'changed' };
    a.loop.configure({ ...a.setup, settings: changed });
    a.loop.setKeys(oneKeyRing(keySpecOf(changed)));
    const sentBefore = a.nic.rawPorts.reduce((n, p) => n + p.sent.length, 0);
    for (let i = 0; i < 20; i++) {
        a.turn();
        await settle(); // as the loop yields to its thread's event loop between turns
    }
    const sent = a.nic.rawPorts.flatMap((p) => p.sent).slice(sentBefore);
    assert.ok(sent.length > 0, 'retransmissions went out');
    const opener = new FrameOpener({
        ownSerial: B,
        slots: [{ groupId: SYNC_GROUP, keys: deriveSyncKeys('changed'), encryption: false }],
        accepts: (t) => t === SYNC_FRAME_TYPE,
    });
    const seqs = [];
    for (const frame of sent) {
        const f = opener.open(frame, ETH_HEADER_LEN, frame.length);
        assert.ok(f.ok, `refused: ${f.ok ? '' : f.reason}`);
        seqs.push(f.seq);
        opener.accept(f);
    }
    assert.ok(seqs[0] > 1, `the sequence carried on across the change (first ${seqs[0]})`);
    await a.loop.stop();
});
test('a setup that names the same ports keeps them open; new ports are opened anew', async () => {
    const a = rig(A);
    const opened = () => a.nic.rawPorts.length + a.nic.udpPorts.length;
    const before = opened();
    for (let i = 0; i < 10; i++)
        a.loop.configure({ ...a.setup, settings: { ...a.setup.settings, priority: 100 + i } });
    assert.equal(opened(), before, 'ten commits, no port opened again');
    const unicast = { ...a.setup.settings, unicastHb: true, unicastHbPeerip: '198.18.9.2' };
    a.loop.configure({ ...a.setup, settings: unicast });
    assert.ok(opened() > before, 'a new port (UDP with unicast-hb) opens the ports anew');
    await a.loop.stop();
});
test('keys: both slots of a ring open sync frames; the old key is refused once dropped; a bad ring changes nothing', async () => {
    const b = rig(B);
    b.loop.setRole({ role: 'secondary', primary: A });
    const cur = keySpecOf(b.setup.settings);
    const next = { ...cur, password: 'new secret', encryption: true };
    const opener = () => b.loop.opener;
    const ack = encodeAck({ epoch: 1, cumulative: 0, sack: [], dup: -1, resync: false });
    const old = syncSealer({ serial: A });
    const fresh = syncSealer({ serial: 'TDSIM00000000003', keys: deriveSyncKeys(next.password), encryption: true });
    b.loop.setKeys({ slots: [cur, next], send: 1 });
    b.nic.deliver('p3', old(ack));
    b.nic.deliver('p3', fresh(ack));
    b.turn();
    assert.deepEqual([opener().counters.badAuth, opener().counters.malformedBody], [0, 0]);
    b.loop.setKeys({ slots: [], send: 0 });
    assert.ok(b.log.some((l) => l.includes('session sync keys unchanged: the main thread sent key ring: expected 1 or 2 slots')), b.log.join('\n'));
    b.loop.setKeys({ slots: [next], send: 0 });
    b.nic.deliver('p3', old(ack));
    b.nic.deliver('p3', fresh(ack));
    b.turn();
    assert.equal(opener().counters.badAuth, 1, "A's frame under the dropped key");
    await b.loop.stop();
});
test("the worker turns the kernel's session start times on; where it cannot, it says so and syncs on", async () => {
    const a = rig(A);
    a.ct.kernelCreate(sessionOf('tcp', 1));
    const stamped = [...a.ct.sessions.values()][0];
    assert.equal(stamped?.startWallMs, a.clock.wallMs());
    await a.loop.stop();
    const b = rig(A, (ct) => ({
        open: () => ct.open(),
        subscribe: (o) => ct.subscribe(o),
        enableTimestamps: () => new FakeConntrack().enableTimestamps(), // a kernel without the sysctl
        setTcpLiberal: (on) => ct.setTcpLiberal(on),
    }));
    assert.ok(b.log.some((line) => line.includes('conntrack start times unavailable') && line.includes('warn')), b.log.join('\n'));
    b.loop.setRole({ role: 'primary', secondaries: [] });
    b.ct.kernelCreate(sessionOf('tcp', 2));
    b.turn();
    assert.equal(b.primary()?.counters.events, 1);
    await b.loop.stop();
});
//# sourceMappingURL=sync-loop.test.js.map