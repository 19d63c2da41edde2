/**
 * The control runtime on fake NICs: two units whose ha1 ports the test joins (what A sends on
 * ha1 arrives on B's ha1), the HA snapshots handed in by hand, and the relay of a fake HA
 * runtime.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { simBoard } from '../../board/sim/index.js';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { pairSnapshot } from '../console/views.fixture.js';
import { haSettings } from '../ha/net.fake.js';
import { keySpecOf, oneKeyRing } from '../ha/wire/key-ring.js';
import { FakeTimers } from '../time/timers.fake.js';
import { ControlRuntime } from './runtime.js';
const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
function unit(serial, clock, timers) {
    const nic = new FakeNic(clock);
    for (const ifname of ['ha1', 'ha2'])
        nic.addLink(ifname);
    const relayed = [];
    let boot = 0;
    const runtime = new ControlRuntime({
        board: simBoard({ dir: `/run/${serial}`, serial, tty: '/dev/null' }),
        serial,
        nic,
        clock: clock.clock,
        timers,
        nextBootId: () => ++boot,
        relay: { sendControl: (frames) => relayed.push(frames) > 0 },
    });
    // The key coordinator installs the first ring before the link starts (main.ts).
    runtime.link.setKeys(oneKeyRing(keySpecOf(haSettings())));
    return { nic, runtime, relayed };
}
/** A's pair snapshot from `self`'s side: the other unit its only peer. */
function snapshotOf(self, other, over = {}) {
    const s = pairSnapshot();
    const [me, peer] = s.members;
    return {
        ...s,
        serial: self,
        members: [
            { ...me, serial: self },
            { ...peer, serial: other },
        ],
        ...over,
    };
}
test('the runtime runs the link on the hbdev ports while HA is on, and stops it standalone', async () => {
    const clock = new FakeClockDevice();
    const timers = new FakeTimers(clock.clock);
    const a = unit(A, clock, timers);
    const b = unit(B, clock, timers);
    const settings = haSettings();
    await a.runtime.apply(settings);
    await b.runtime.apply(settings);
    a.runtime.onHaSnapshot(snapshotOf(A, B));
    b.runtime.onHaSnapshot(snapshotOf(B, A));
    assert.deepEqual(a.runtime.link.peers(), [B]);
    const got = [];
    b.runtime.link.on('sync-req', (from, m) => got.push(`${from} ${m.reason}`));
    /** Carries what each unit sent on an hbdev port to the other's same port, until nothing moves. */
    const carried = new Map();
    const carry = async () => {
        for (let round = 0; round < 20; round++) {
            let moved = 0;
            for (const [from, to] of [
                [a, b],
                [b, a],
            ]) {
                for (const ifname of ['ha1', 'ha2']) {
                    const key = `${from === a ? 'A' : 'B'}${ifname}`;
                    const sent = from.nic.sentOn(ifname);
                    for (const f of sent.slice(carried.get(key) ?? 0))
                        to.nic.deliver(ifname, f);
                    moved += sent.length - (carried.get(key) ?? 0);
                    carried.set(key, sent.length);
                }
            }
            await tick();
            timers.advance(10);
            if (moved === 0)
                return;
        }
    };
    assert.equal(a.runtime.link.send(B, { k: 'sync-req', reason: 'hello over L2' }), true);
    assert.equal(a.runtime.link.send(B, { k: 'sync-req', reason: 'again' }), true);
    await carry();
    assert.deepEqual(got, [`${A} hello over L2`, `${A} again`]);
    const frame = a.nic.sentOn('ha1')[0] ?? a.nic.sentOn('ha2')[0];
    assert.deepEqual([frame?.[12], frame?.[13], frame?.[14 + 4]], [0x88, 0x93, 5], 'Ethertype 0x8893, frame type 5');
    assert.ok(a.nic.sentOn('ha1').length > 0 && a.nic.sentOn('ha2').length > 0, 'both ports of the top priority in turn');
    assert.equal(a.runtime.status()?.peers[0]?.pending, 0);
    const resets = [];
    a.runtime.link.onPeerReset((s, why) => resets.push(`${s}: ${why}`));
    await a.runtime.apply(haSettings({ mode: 'standalone' }));
    assert.equal(a.runtime.status(), null);
    assert.deepEqual(resets, [`${B}: the control link stopped`]);
    assert.equal(a.runtime.link.send(B, { k: 'sync-req', reason: 'x' }), false);
    const before = a.runtime.link.status().frames.received;
    b.runtime.link.send(A, { k: 'sync-req', reason: 'to a stopped unit' });
    await carry();
    assert.equal(a.runtime.link.status().frames.received, before, 'a stopped unit receives nothing');
});
test('with unicast-hb and no hbdev up, frames go to the relay in one batch per task, and relayed frames come in', async () => {
    const clock = new FakeClockDevice();
    const timers = new FakeTimers(clock.clock);
    const a = unit(A, clock, timers);
    const b = unit(B, clock, timers);
    const settings = haSettings({ unicastHb: true, unicastHbPeerip: '198.18.9.2' });
    const down = { links: pairSnapshot().links.map((l) => ({ ...l, carrier: false })) };
    for (const [u, self, other] of [
        [a, A, B],
        [b, B, A],
    ]) {
        await u.runtime.apply(settings);
        u.runtime.onHaSnapshot(snapshotOf(self, other, down));
    }
    assert.deepEqual(a.runtime.status()?.ports, ['udp']);
    const got = [];
    b.runtime.link.on('sums-req', (_, m) => got.push(m.id));
    for (let id = 1; id <= 3; id++)
        a.runtime.link.send(B, { k: 'sums-req', id });
    await tick();
    assert.equal(a.relayed.length, 1, 'one relay message for the frames of one task');
    assert.equal(a.relayed[0]?.length, 3);
    assert.equal(a.nic.sentOn('ha1').length + a.nic.sentOn('ha2').length, 0);
    b.runtime.onRelayFrames(a.relayed.flat());
    assert.deepEqual(got, [1, 2, 3]);
});
//# sourceMappingURL=runtime.test.js.map