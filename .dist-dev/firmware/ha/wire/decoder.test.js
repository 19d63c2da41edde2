import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeEthernetHeader } from '../../../lib/ethernet.js';
import { HA_ETHERTYPE, HA_MULTICAST_MAC } from './addresses.js';
import { HeartbeatDecoder } from './decoder.js';
import { HeartbeatEncoder } from './encoder.js';
import { FIXTURE_ADVERT, FIXTURE_BOOT_ID, FIXTURE_CLEAR_HEX, FIXTURE_ENCRYPTED_HEX, FIXTURE_GROUP_ID, FIXTURE_PASSWORD, FIXTURE_SERIAL, FIXTURE_V10_CLEAR_HEX, hex, } from './frames.fixture.js';
import { FrameType } from './header.js';
import { deriveKeys } from './keys.js';
import { bodyMap, cbor, retag, sealRaw } from './raw-frames.testkit.js';
const keys = deriveKeys(FIXTURE_PASSWORD);
const PEER = 'TDSIM00000000002';
const REASONS = [
    'badMagic',
    'badVersion',
    'badLength',
    'wrongGroup',
    'badAuth',
    'replayed',
    'malformedBody',
    'looped',
    'refused',
];
function decoder(opts = {}) {
    return new HeartbeatDecoder({
        ownSerial: opts.ownSerial ?? PEER,
        slots: [
            {
                groupId: opts.groupId ?? FIXTURE_GROUP_ID,
                keys: opts.password === undefined ? keys : deriveKeys(opts.password),
                encryption: opts.encryption ?? false,
            },
        ],
        replayWindow: opts.replayWindow,
    });
}
const clear = () => hex(FIXTURE_CLEAR_HEX);
const encrypted = () => hex(FIXTURE_ENCRYPTED_HEX);
const decodeAll = (d, f) => d.decode(f, 0, f.length);
/** A frame from the fixture unit with the fixture advert, sealed outside the encoder. */
const raw = (f) => sealRaw({ body: cbor(bodyMap(FIXTURE_ADVERT)), serial: FIXTURE_SERIAL, bootId: FIXTURE_BOOT_ID, ...f }, FIXTURE_PASSWORD);
function accepted(r) {
    assert.ok(r.ok, `expected acceptance, got ${r.ok ? '' : r.reason}`);
    return r;
}
/** Decodes and checks the rejection and that it moved its own counter by one, no other. */
function rejects(d, f, reason, at = 0, end = f.length) {
    const before = { ...d.counters };
    const r = d.decode(f, at, end);
    assert.equal(r.ok, false, `expected ${reason}, got acceptance`);
    assert.equal(!r.ok && r.reason, reason);
    for (const k of REASONS)
        assert.equal(d.counters[k], before[k] + (k === reason ? 1 : 0), `counter ${k}`);
    return r;
}
test('the clear fixture decodes back to its advert', () => {
    const r = accepted(decodeAll(decoder(), clear()));
    assert.deepEqual(r, {
        ok: true,
        type: FrameType.Heartbeat,
        serial: FIXTURE_SERIAL,
        bootId: FIXTURE_BOOT_ID,
        seq: 1,
        slot: 0,
        advert: FIXTURE_ADVERT,
    });
});
test('a 1.0 frame (no sr key) decodes, its sender taken as sessions-ready', () => {
    const r = accepted(decodeAll(decoder(), hex(FIXTURE_V10_CLEAR_HEX)));
    assert.deepEqual(r.advert, { ...FIXTURE_ADVERT, sessionsReady: true });
});
test('the encrypted fixture decodes back to its advert', () => {
    const r = accepted(decodeAll(decoder({ encryption: true }), encrypted()));
    assert.deepEqual(r, {
        ok: true,
        type: FrameType.Heartbeat,
        serial: FIXTURE_SERIAL,
        bootId: FIXTURE_BOOT_ID,
        seq: 1,
        slot: 0,
        advert: FIXTURE_ADVERT,
    });
});
test('counters: every reason present from 0; count() adds rejections decided elsewhere', () => {
    const d = decoder();
    assert.deepEqual(Object.keys(d.counters).sort(), [...REASONS].sort());
    assert.ok(Object.values(d.counters).every((n) => n === 0));
    d.count('refused');
    d.count('refused');
    assert.equal(d.counters.refused, 2);
});
test('decodes a frame inside an Ethernet frame (offset 14)', () => {
    const f = clear();
    const eth = new Uint8Array(14 + f.length + 4);
    writeEthernetHeader(eth, HA_MULTICAST_MAC, Uint8Array.of(2, 0, 0, 0, 0, 1), HA_ETHERTYPE);
    eth.set(f, 14);
    accepted(decoder().decode(eth, 14, 14 + f.length));
});
test('badLength: shorter than header + tag, or not matching the body length', () => {
    const d = decoder();
    const f = clear();
    assert.deepEqual(rejects(d, f.subarray(0, 51), 'badLength'), { ok: false, reason: 'badLength' });
    assert.deepEqual(rejects(d, f, 'badLength', 0, f.length - 1), {
        ok: false,
        reason: 'badLength',
        serial: FIXTURE_SERIAL,
        groupId: FIXTURE_GROUP_ID,
    });
    const longer = new Uint8Array(f.length + 1);
    longer.set(f);
    rejects(d, longer, 'badLength');
    rejects(d, raw({ bodyLen: 1000 }), 'badLength');
    rejects(d, new Uint8Array(0), 'badLength');
});
test('badLength, never a throw, for offsets outside the buffer', () => {
    const d = decoder();
    const f = clear();
    rejects(d, f, 'badLength', -1, f.length);
    rejects(d, f, 'badLength', 0, f.length + 1);
    rejects(d, f, 'badLength', 10, 5);
    rejects(d, f, 'badLength', 0.5, f.length);
    rejects(d, f, 'badLength', 0, Number.NaN);
});
test('badMagic', () => {
    const f = clear();
    f[1] = 0x45;
    assert.deepEqual(rejects(decoder(), f, 'badMagic'), { ok: false, reason: 'badMagic' });
});
test('badVersion for another major, even correctly tagged', () => {
    const d = decoder();
    for (const major of [0, 2, 255]) {
        const f = clear();
        f[2] = major;
        rejects(d, retag(f, FIXTURE_PASSWORD), 'badVersion');
    }
});
test('any minor is accepted (rolling upgrade): minor 7 with an extra body key', () => {
    const d = decoder();
    const f = clear();
    f[3] = 7;
    accepted(decodeAll(d, retag(f, FIXTURE_PASSWORD)));
    const later = sealRaw({
        body: cbor({ ...bodyMap(FIXTURE_ADVERT), nk: { added: 'in 1.7' } }),
        minor: 7,
        serial: FIXTURE_SERIAL,
        seq: 2,
        bootId: FIXTURE_BOOT_ID,
    }, FIXTURE_PASSWORD);
    assert.deepEqual(accepted(decodeAll(d, later)).advert, FIXTURE_ADVERT);
});
test('reserved field and unknown flag bits are ignored (they are authenticated)', () => {
    const d = decoder();
    accepted(decodeAll(d, raw({ reserved: 0xbeef, flags: 0xfe, seq: 1 })));
});
test('wrongGroup reports the sender and its group for the log', () => {
    const r = rejects(decoder({ groupId: 8 }), clear(), 'wrongGroup');
    assert.deepEqual(r, { ok: false, reason: 'wrongGroup', serial: FIXTURE_SERIAL, groupId: FIXTURE_GROUP_ID });
});
test('looped: our own serial comes back', () => {
    rejects(decoder({ ownSerial: FIXTURE_SERIAL }), clear(), 'looped');
    rejects(decoder({ ownSerial: FIXTURE_SERIAL, encryption: true }), encrypted(), 'looped');
});
test('badAuth: one flipped bit in header, body or tag', () => {
    for (const [name, make, encryption] of [
        ['clear', clear, false],
        ['encrypted', encrypted, true],
    ]) {
        const d = decoder({ encryption });
        const len = make().length;
        for (const [where, bit] of [
            ['header seq', 31 * 8],
            ['header reserved', 35 * 8 + 7],
            ['body', 60 * 8 + 3],
            ['body last byte', (len - 17) * 8],
            ['tag', (len - 16) * 8 + 5],
            ['tag last bit', len * 8 - 1],
        ]) {
            const f = make();
            f[bit >> 3] ^= 1 << (bit & 7);
            const r = rejects(d, f, 'badAuth');
            assert.equal(!r.ok && r.serial, FIXTURE_SERIAL, `${name} ${where}`);
        }
        accepted(decodeAll(d, make()));
    }
});
test('badAuth: a different password (mismatched units refuse each other)', () => {
    rejects(decoder({ password: 'other-secret' }), clear(), 'badAuth');
    rejects(decoder({ password: '' }), clear(), 'badAuth');
    rejects(decoder({ password: 'other-secret', encryption: true }), encrypted(), 'badAuth');
});
test('the empty password is a password like any other', () => {
    const e = new HeartbeatEncoder({
        serial: FIXTURE_SERIAL,
        groupId: 7,
        keys: deriveKeys(''),
        encryption: false,
        bootId: 9,
        nextBootId: () => 1,
    });
    e.setAdvert(FIXTURE_ADVERT);
    const buf = new Uint8Array(1500);
    const end = e.encode(FrameType.Heartbeat, buf, 0);
    accepted(decoder({ password: '' }).decode(buf, 0, end));
    rejects(decoder(), buf, 'badAuth', 0, end);
});
test('badAuth: encryption setting differs between the units', () => {
    rejects(decoder({ encryption: true }), clear(), 'badAuth');
    rejects(decoder({ encryption: false }), encrypted(), 'badAuth');
});
test('replayed: the same frame twice', () => {
    for (const [make, encryption] of [
        [clear, false],
        [encrypted, true],
    ]) {
        const d = decoder({ encryption });
        accepted(decodeAll(d, make()));
        const r = rejects(d, make(), 'replayed');
        assert.equal(!r.ok && r.serial, FIXTURE_SERIAL);
    }
});
test('replay window: a frame late from another link is accepted once; too old is replayed', () => {
    const d = decoder();
    accepted(decodeAll(d, raw({ seq: 10 })));
    accepted(decodeAll(d, raw({ seq: 9 })));
    rejects(d, raw({ seq: 9 }), 'replayed');
    rejects(d, raw({ seq: 10 }), 'replayed');
    accepted(decodeAll(d, raw({ seq: 43 })));
    accepted(decodeAll(d, raw({ seq: 12 }))); // lag 31, unseen: inside the window of 32
    rejects(d, raw({ seq: 12 }), 'replayed');
    rejects(d, raw({ seq: 11 }), 'replayed'); // lag 32, unseen: outside the window
    rejects(d, raw({ seq: 10 }), 'replayed');
});
test('replay window 1: the plain "sequence must exceed the last accepted" rule', () => {
    const d = decoder({ replayWindow: 1 });
    accepted(decodeAll(d, raw({ seq: 10 })));
    rejects(d, raw({ seq: 9 }), 'replayed');
    rejects(d, raw({ seq: 10 }), 'replayed');
    accepted(decodeAll(d, raw({ seq: 11 })));
});
test('a new boot id is a restart: accepted from any sequence, then tracked', () => {
    const d = decoder();
    accepted(decodeAll(d, raw({ seq: 500 })));
    const next = FIXTURE_BOOT_ID + 1;
    const r = accepted(decodeAll(d, raw({ bootId: next, seq: 1 })));
    assert.deepEqual([r.bootId, r.seq], [next, 1]);
    rejects(d, raw({ bootId: next, seq: 1 }), 'replayed');
    accepted(decodeAll(d, raw({ bootId: next, seq: 2 })));
});
test('a frame of an earlier boot is a replay, whatever its sequence', () => {
    const d = decoder();
    accepted(decodeAll(d, raw({ bootId: FIXTURE_BOOT_ID - 1, seq: 7 })));
    accepted(decodeAll(d, raw({ bootId: FIXTURE_BOOT_ID, seq: 1 })));
    rejects(d, raw({ bootId: FIXTURE_BOOT_ID - 1, seq: 8 }), 'replayed');
    rejects(d, raw({ bootId: FIXTURE_BOOT_ID - 1, seq: 1_000_000 }), 'replayed');
    accepted(decodeAll(d, raw({ bootId: FIXTURE_BOOT_ID, seq: 2 })));
});
test('senders are tracked separately', () => {
    const d = decoder({ ownSerial: 'TDSIM00000000009' });
    accepted(decodeAll(d, raw({ seq: 5 })));
    accepted(decodeAll(d, raw({ seq: 5, serial: PEER })));
    rejects(d, raw({ seq: 5, serial: PEER }), 'replayed');
});
test('only accepted frames move the replay state', () => {
    const d = decoder();
    const forged = raw({ seq: 1000 });
    forged[forged.length - 1] ^= 1;
    rejects(d, forged, 'badAuth');
    rejects(d, sealRaw({ body: Uint8Array.of(0xff), serial: FIXTURE_SERIAL, bootId: FIXTURE_BOOT_ID, seq: 900 }, FIXTURE_PASSWORD), 'malformedBody');
    accepted(decodeAll(d, raw({ seq: 2 })));
    accepted(decodeAll(d, raw({ seq: 900 })));
});
test('malformedBody: correctly tagged garbage CBOR', () => {
    const d = decoder();
    for (const body of ['ff', '', 'a0', '5fff', 'bf6166', '7bffffffffffffffff', 'a161']) {
        const r = rejects(d, sealRaw({ body: hex(body), serial: FIXTURE_SERIAL }, FIXTURE_PASSWORD), 'malformedBody');
        assert.equal(!r.ok && r.serial, FIXTURE_SERIAL);
    }
    rejects(decoder({ encryption: true }), sealRaw({ body: hex('deadbeef'), serial: FIXTURE_SERIAL, flags: 1 }, FIXTURE_PASSWORD), 'malformedBody');
});
test('malformedBody: a required field missing or mistyped', () => {
    const d = decoder();
    const { pr: _dropped, ...missing } = bodyMap(FIXTURE_ADVERT);
    rejects(d, raw({ body: cbor(missing), seq: 1 }), 'malformedBody');
    rejects(d, raw({ body: cbor({ ...bodyMap(FIXTURE_ADVERT), st: 'active' }), seq: 2 }), 'malformedBody');
    rejects(d, raw({ body: cbor({ ...bodyMap(FIXTURE_ADVERT), pr: 256 }), seq: 3 }), 'malformedBody');
    rejects(d, raw({ body: cbor({ ...bodyMap(FIXTURE_ADVERT), hn: 'h'.repeat(65) }), seq: 4 }), 'malformedBody');
});
test('malformedBody: a frame type this version does not know, or a sender serial that is not one', () => {
    const d = decoder();
    rejects(d, raw({ type: 4 }), 'malformedBody');
    rejects(d, raw({ type: 0 }), 'malformedBody');
    rejects(d, raw({ serial: 'BAD\nSERIAL' }), 'malformedBody');
    rejects(d, raw({ serial: '' }), 'malformedBody');
});
test('a leave frame decodes with its type', () => {
    const r = accepted(decodeAll(decoder(), raw({ type: FrameType.Leave })));
    assert.equal(r.type, FrameType.Leave);
    assert.deepEqual(r.advert, FIXTURE_ADVERT);
});
test('encoder to decoder, both modes, many frames and adverts', () => {
    for (const encryption of [false, true]) {
        const e = new HeartbeatEncoder({
            serial: 'A-UNIT',
            groupId: 1023,
            keys,
            encryption,
            bootId: 0xffffffff,
            nextBootId: () => 1,
        });
        const d = decoder({ encryption, groupId: 1023 });
        const buf = new Uint8Array(1514);
        for (let i = 0; i < 300; i++) {
            const advert = { ...FIXTURE_ADVERT, ageS: i, state: i % 2 ? 'work' : 'standby' };
            e.setAdvert(advert);
            const end = e.encode(i % 50 === 49 ? FrameType.Leave : FrameType.Heartbeat, buf, 14);
            const r = accepted(d.decode(buf, 14, end));
            assert.deepEqual([r.serial, r.seq, r.bootId], ['A-UNIT', i + 1, 0xffffffff]);
            assert.deepEqual(r.advert, advert);
        }
        assert.ok(Object.values(d.counters).every((n) => n === 0));
    }
});
//# sourceMappingURL=decoder.test.js.map