/**
 * The key ring on the wire: a sender's frames sealed with either slot open while the receiver
 * holds both, only the new slot's once the old is dropped, whatever changed (password,
 * group-id, encryption), and the replay state carries across every ring change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { haSettings } from '../net.fake.js';
import { HeartbeatDecoder } from './decoder.js';
import { HeartbeatEncoder } from './encoder.js';
import { FIXTURE_ADVERT } from './frames.fixture.js';
import { FrameType } from './header.js';
import { graceWindowMs, keyRingProblem, keySpecOf, keySpecProblem, RingKeys, sameKeySpec, } from './key-ring.js';
import { deriveKeys } from './keys.js';
const SENDER = 'TDSIM00000000001';
const RECEIVER = 'TDSIM00000000002';
const CUR = { groupId: 7, groupName: 'prod', password: 'secret', encryption: false };
/** One unit's heartbeat encoder and decoder, on the ring it is given, as hb-codec.ts keeps them. */
class Unit {
    encoder;
    decoder;
    #keys = new RingKeys(deriveKeys);
    constructor(serial, ring) {
        const slots = this.#keys.slots(ring);
        this.encoder = new HeartbeatEncoder({ serial, ...slots[ring.send], bootId: 1, nextBootId: () => 2 });
        this.encoder.setAdvert(FIXTURE_ADVERT);
        this.decoder = new HeartbeatDecoder({ ownSerial: serial, slots, first: ring.send });
    }
    ring(ring) {
        const slots = this.#keys.slots(ring);
        this.encoder.setKeys(slots[ring.send]);
        this.decoder.setSlots(slots, ring.send);
    }
    frame() {
        const buf = new Uint8Array(1500);
        return buf.slice(0, this.encoder.encode(FrameType.Heartbeat, buf, 0));
    }
    open(frame) {
        return this.decoder.decode(frame, 0, frame.length);
    }
}
function openedWith(r) {
    assert.ok(r.ok, `refused: ${r.ok ? '' : r.reason}`);
    return r.slot;
}
function refused(r) {
    assert.ok(!r.ok, 'accepted');
    return r.reason;
}
/** The sender switches from CUR to `next` while the receiver accepts both, then both drop CUR. */
function keyChange(next, oldAfterGrace) {
    const s = new Unit(SENDER, { slots: [CUR], send: 0 });
    const r = new Unit(RECEIVER, { slots: [CUR], send: 0 });
    assert.equal(openedWith(r.open(s.frame())), 0);
    // Prepared: both hold [CUR, next], still sealing with CUR.
    s.ring({ slots: [CUR, next], send: 0 });
    r.ring({ slots: [CUR, next], send: 0 });
    const old = s.frame();
    assert.equal(openedWith(r.open(old)), 0);
    // The sender switched, the receiver not yet: both keys open.
    s.ring({ slots: [CUR, next], send: 1 });
    assert.equal(openedWith(r.open(s.frame())), 1, 'the next key opens in the grace window');
    const late = new Unit('TDSIM00000000003', { slots: [CUR], send: 0 });
    assert.equal(openedWith(r.open(late.frame())), 0, 'a unit still on the old key is heard in the grace window');
    // After the grace window: only the next key.
    r.ring({ slots: [next], send: 0 });
    assert.equal(openedWith(r.open(s.frame())), 0, 'slot 0 of the new ring');
    assert.equal(refused(r.open(late.frame())), oldAfterGrace);
    assert.equal(r.decoder.counters[oldAfterGrace], 1, 'counted under its reason');
}
test('a password change: both keys open in the grace window, only the new one after (badAuth)', () => {
    keyChange({ ...CUR, password: 'new secret' }, 'badAuth');
});
test('a group-id change: both groups open in the grace window, the old one is wrongGroup after', () => {
    keyChange({ ...CUR, groupId: 8 }, 'wrongGroup');
});
test('an encryption flip: clear and encrypted frames open in the grace window, clear ones are badAuth after', () => {
    keyChange({ ...CUR, encryption: true }, 'badAuth');
    keyChange({ ...CUR, encryption: true, password: 'both at once' }, 'badAuth');
});
test('with no slot of the frame group the frame is wrongGroup; with the group but not its flag, badAuth', () => {
    const r = new Unit(RECEIVER, { slots: [CUR, { ...CUR, groupId: 8 }], send: 0 });
    const stranger = new Unit(SENDER, { slots: [{ ...CUR, groupId: 9 }], send: 0 });
    assert.equal(refused(r.open(stranger.frame())), 'wrongGroup');
    const encrypted = new Unit(SENDER, { slots: [{ ...CUR, groupId: 8, encryption: true }], send: 0 });
    assert.equal(refused(r.open(encrypted.frame())), 'badAuth');
});
test('replays are refused across the switch: in the grace window as replayed, after it as badAuth', () => {
    const next = { ...CUR, password: 'new secret' };
    const s = new Unit(SENDER, { slots: [CUR], send: 0 });
    const r = new Unit(RECEIVER, { slots: [CUR], send: 0 });
    const recorded = [s.frame(), s.frame()];
    for (const f of recorded)
        openedWith(r.open(f));
    s.ring({ slots: [CUR, next], send: 1 });
    r.ring({ slots: [CUR, next], send: 0 });
    const switched = s.frame();
    assert.equal(openedWith(r.open(switched)), 1);
    for (const f of recorded)
        assert.equal(refused(r.open(f)), 'replayed', 'the old key opens it, the sequence does not');
    assert.equal(refused(r.open(switched)), 'replayed');
    r.ring({ slots: [next], send: 0 });
    for (const f of recorded)
        assert.equal(refused(r.open(f)), 'badAuth');
    assert.equal(refused(r.open(switched)), 'replayed', 'the replay state outlived both ring changes');
    assert.equal(openedWith(r.open(s.frame())), 0);
    assert.deepEqual({ replayed: r.decoder.counters.replayed, badAuth: r.decoder.counters.badAuth }, { replayed: 4, badAuth: 2 }, 'the counters carried on too');
});
test('the sealer keeps its boot id and sequence across a key change', () => {
    const s = new Unit(SENDER, { slots: [CUR], send: 0 });
    s.frame();
    s.frame();
    s.ring({ slots: [{ ...CUR, password: 'x' }], send: 0 });
    const r = new Unit(RECEIVER, { slots: [{ ...CUR, password: 'x' }], send: 0 });
    const d = r.open(s.frame());
    assert.ok(d.ok);
    assert.deepEqual([d.bootId, d.seq], [1, 3]);
});
test('RingKeys derives each password once while rings name it', () => {
    const derived = [];
    const keys = new RingKeys((p) => {
        derived.push(p);
        return deriveKeys(p);
    });
    const next = { ...CUR, password: 'new', encryption: true };
    const a = keys.slots({ slots: [CUR], send: 0 });
    const b = keys.slots({ slots: [CUR, next], send: 0 });
    keys.slots({ slots: [CUR, next], send: 1 });
    const c = keys.slots({ slots: [next], send: 0 });
    assert.deepEqual(derived, ['secret', 'new']);
    assert.equal(b[0].keys, a[0].keys);
    assert.equal(c[0].keys, b[1].keys);
    assert.deepEqual([b[1].groupId, b[1].encryption], [7, true]);
    keys.slots({ slots: [CUR], send: 0 });
    assert.deepEqual(derived, ['secret', 'new', 'secret'], 'a password no ring names any more is forgotten');
});
test('keySpecOf, sameKeySpec and the grace window from the settings', () => {
    const s = haSettings({ groupId: 9, groupName: 'g', password: 'p', encryption: true });
    assert.deepEqual(keySpecOf(s), { groupId: 9, groupName: 'g', password: 'p', encryption: true });
    assert.ok(sameKeySpec(keySpecOf(s), { groupId: 9, groupName: 'g', password: 'p', encryption: true }));
    for (const over of [{ groupId: 8 }, { groupName: 'h' }, { password: 'q' }, { encryption: false }]) {
        assert.ok(!sameKeySpec(keySpecOf(s), { ...keySpecOf(s), ...over }), JSON.stringify(over));
    }
    assert.equal(graceWindowMs(haSettings()), 10_000, '3 × 200 ms × 6 is less than the 10 s floor');
    assert.equal(graceWindowMs(haSettings({ hbInterval: 10, hbLostThreshold: 20 })), 60_000, '3 × 1 s × 20');
});
test('rings and specs from elsewhere are checked, each problem named', () => {
    assert.equal(keyRingProblem({ slots: [CUR], send: 0 }), null);
    assert.equal(keyRingProblem({ slots: [CUR, CUR], send: 1 }), null);
    assert.equal(keyRingProblem({ slots: [], send: 0 }), 'key ring: expected 1 or 2 slots');
    assert.equal(keyRingProblem({ slots: [CUR, CUR, CUR], send: 0 }), 'key ring: expected 1 or 2 slots');
    assert.equal(keyRingProblem({ slots: [CUR], send: 1 }), 'key ring send slot 1: expected 0');
    assert.equal(keyRingProblem({ slots: [CUR, CUR], send: 2 }), 'key ring send slot 2: expected 0 or 1');
    assert.equal(keyRingProblem(null), 'key ring null: expected {slots, send}');
    assert.equal(keyRingProblem({ slots: [{ ...CUR, groupId: 70000 }], send: 0 }), 'group-id 70000: expected an integer 0-65535');
    assert.equal(keySpecProblem({ ...CUR, groupName: 'x'.repeat(33) }), `group-name "${'x'.repeat(33)}": expected text of at most 32 characters`);
    assert.equal(keySpecProblem({ ...CUR, password: 5 }), 'password: expected text');
    assert.equal(keySpecProblem({ ...CUR, encryption: 'yes' }), 'encryption "yes": expected true or false');
    assert.equal(keySpecProblem('x'), 'key "x": expected {groupId, groupName, password, encryption}');
});
//# sourceMappingURL=key-ring.test.js.map