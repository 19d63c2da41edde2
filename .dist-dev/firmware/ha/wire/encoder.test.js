import assert from 'node:assert/strict';
import { createDecipheriv, createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import { decode } from 'cbor-x';
import { BODY_FIELDS } from './body.js';
import { HeartbeatEncoder } from './encoder.js';
import { WireError } from './errors.js';
import { FIXTURE_ADVERT, FIXTURE_BODY_HEX, FIXTURE_BOOT_ID, FIXTURE_CLEAR_HEX, FIXTURE_ENCRYPTED_HEX, FIXTURE_GROUP_ID, FIXTURE_HEADER_HEX, FIXTURE_PASSWORD, FIXTURE_SERIAL, hex, toHex, } from './frames.fixture.js';
import { FrameType, readU32 } from './header.js';
import { deriveKeys } from './keys.js';
import { hkdfSha256 } from './raw-frames.testkit.js';
const keys = deriveKeys(FIXTURE_PASSWORD);
function fixtureEncoder(encryption, lastSeq, nextBootId = () => FIXTURE_BOOT_ID + 1) {
    const e = new HeartbeatEncoder({
        serial: FIXTURE_SERIAL,
        groupId: FIXTURE_GROUP_ID,
        keys,
        encryption,
        bootId: FIXTURE_BOOT_ID,
        lastSeq,
        nextBootId,
    });
    e.setAdvert(FIXTURE_ADVERT);
    return e;
}
function frameOf(e, type = FrameType.Heartbeat) {
    const buf = new Uint8Array(1500);
    return buf.slice(0, e.encode(type, buf, 0));
}
test('clear frame: the first frame of the fixture encoder is the fixture, byte for byte', () => {
    const frame = frameOf(fixtureEncoder(false));
    assert.equal(toHex(frame), FIXTURE_CLEAR_HEX);
});
test('clear fixture: header and body in clear, tag = HMAC-SHA-256(HKDF hb-auth) truncated to 16', () => {
    const f = hex(FIXTURE_CLEAR_HEX);
    assert.equal(toHex(f.subarray(0, 36)), FIXTURE_HEADER_HEX);
    assert.equal(toHex(f.subarray(36, f.length - 16)), FIXTURE_BODY_HEX);
    const mac = createHmac('sha256', hkdfSha256(FIXTURE_PASSWORD, 'tandem-ha/1', 'hb-auth'))
        .update(f.subarray(0, f.length - 16))
        .digest();
    assert.equal(toHex(f.subarray(f.length - 16)), toHex(mac.subarray(0, 16)));
});
test('encrypted frame: the first frame of the fixture encoder is the fixture, byte for byte', () => {
    const frame = frameOf(fixtureEncoder(true));
    assert.equal(toHex(frame), FIXTURE_ENCRYPTED_HEX);
});
test('encrypted fixture: AES-256-GCM(HKDF hb-enc), nonce sha256(serial)[0..4] | boot id | seq, AAD header', () => {
    const f = hex(FIXTURE_ENCRYPTED_HEX);
    const header = f.subarray(0, 36);
    assert.equal(header[5], 0x01, 'encrypted flag');
    const clearHeader = hex(FIXTURE_HEADER_HEX);
    clearHeader[5] = 0x01;
    assert.equal(toHex(header), toHex(clearHeader), 'same header but the flag');
    const nonce = Buffer.concat([
        createHash('sha256').update(FIXTURE_SERIAL).digest().subarray(0, 4),
        Buffer.from('0102030400000001', 'hex'),
    ]);
    const d = createDecipheriv('aes-256-gcm', hkdfSha256(FIXTURE_PASSWORD, 'tandem-ha/1', 'hb-enc'), nonce);
    d.setAAD(header);
    d.setAuthTag(f.subarray(f.length - 16));
    const plain = Buffer.concat([d.update(f.subarray(36, f.length - 16)), d.final()]);
    assert.equal(plain.toString('hex'), FIXTURE_BODY_HEX);
    assert.equal(decode(plain).st, 'work');
});
test('each frame bumps the sequence; only header and tag change', () => {
    for (const encryption of [false, true]) {
        const e = fixtureEncoder(encryption);
        const a = frameOf(e);
        const b = frameOf(e);
        const c = frameOf(e);
        assert.deepEqual([readU32(a, 28), readU32(b, 28), readU32(c, 28)], [1, 2, 3]);
        assert.equal(e.lastSeq, 3);
        assert.equal(a.length, b.length);
        assert.notEqual(toHex(a.subarray(a.length - 16)), toHex(b.subarray(b.length - 16)));
        if (!encryption)
            assert.equal(toHex(a.subarray(36, -16)), toHex(b.subarray(36, -16)));
        else
            assert.notEqual(toHex(a.subarray(36, -16)), toHex(b.subarray(36, -16)), 'fresh nonce, fresh ciphertext');
    }
});
test('encode writes at the offset, touches nothing else and returns the end', () => {
    const e = fixtureEncoder(false);
    const buf = new Uint8Array(200).fill(0xee);
    const end = e.encode(FrameType.Heartbeat, buf, 14);
    assert.equal(end, 14 + 170);
    assert.equal(e.frameLength, 170);
    assert.equal(toHex(buf.subarray(14, end)), FIXTURE_CLEAR_HEX);
    assert.ok(buf.subarray(0, 14).every((x) => x === 0xee));
    assert.ok(buf.subarray(end).every((x) => x === 0xee));
});
test('a leave frame carries type 2 and the same advert', () => {
    const e = fixtureEncoder(false);
    const f = frameOf(e, FrameType.Leave);
    assert.equal(f[4], 2);
    assert.equal(toHex(f.subarray(36, -16)), FIXTURE_BODY_HEX);
});
test('setAdvert re-encodes only when the advert changed', () => {
    const e = fixtureEncoder(false);
    e.setAdvert({ ...FIXTURE_ADVERT });
    assert.equal(toHex(frameOf(e).subarray(36, -16)), FIXTURE_BODY_HEX);
    e.setAdvert({ ...FIXTURE_ADVERT, ageS: 3601, hostname: 'renamed-host' });
    const f = frameOf(e);
    assert.equal(f.length, 170 + 4);
    assert.deepEqual([decode(f.subarray(36, -16)).ag, decode(f.subarray(36, -16)).hn], [3601, 'renamed-host']);
});
test('a change in any single field is noticed and re-encoded', () => {
    const changed = {
        firmware: '1.0.1',
        model: 'OTHER',
        groupName: 'other',
        mode: 'a-a',
        hostname: 'other-host',
        state: 'standby',
        priority: 201,
        override: true,
        ageS: 3601,
        monitorUp: 1,
        monitorTotal: 3,
        failover: true,
        hbIntervalMs: 100,
        lostThreshold: 7,
        primary: '',
        sessionsReady: false,
    };
    for (const f of BODY_FIELDS) {
        const e = fixtureEncoder(false);
        e.setAdvert({ ...FIXTURE_ADVERT, [f.name]: changed[f.name] });
        assert.deepEqual(decode(frameOf(e).subarray(36, -16))[f.key], changed[f.name], f.name);
    }
});
test("the advert kept is a copy: mutating the caller's object changes nothing", () => {
    const e = new HeartbeatEncoder({ serial: 'S1', groupId: 1, keys, encryption: false, bootId: 1, nextBootId: () => 1 });
    const a = { ...FIXTURE_ADVERT };
    e.setAdvert(a);
    a.priority = 1;
    e.setAdvert(a);
    assert.equal(decode(frameOf(e).subarray(36, -16)).pr, 1);
});
test('past sequence 2^32-1 the encoder takes the next persisted boot id and restarts at 1', () => {
    let asked = 0;
    const e = fixtureEncoder(false, 0xfffffffe, () => {
        asked++;
        return FIXTURE_BOOT_ID + 5;
    });
    const last = frameOf(e);
    assert.equal(readU32(last, 28), 0xffffffff);
    assert.equal(readU32(last, 24), FIXTURE_BOOT_ID);
    assert.equal(asked, 0);
    const next = frameOf(e);
    assert.equal(readU32(next, 28), 1);
    assert.equal(readU32(next, 24), FIXTURE_BOOT_ID + 5, 'the boot id the counter gave, not a random one');
    assert.equal(e.bootId, FIXTURE_BOOT_ID + 5);
    assert.equal(asked, 1);
});
test('misuse is a WireError naming the bad value', () => {
    const base = { serial: FIXTURE_SERIAL, groupId: 7, keys, encryption: false, bootId: 1, nextBootId: () => 2 };
    const rejects = (f, re) => assert.throws(f, (e) => e instanceof WireError && re.test(e.message), String(re));
    rejects(() => new HeartbeatEncoder({ ...base, serial: 'THIS-SERIAL-IS-TOO-LONG', nextBootId: () => 1 }), /serial "THIS-SERIAL-IS-TOO-LONG"/);
    rejects(() => new HeartbeatEncoder({ ...base, groupId: 70000, nextBootId: () => 1 }), /groupId 70000: must be an integer 0-65535/);
    rejects(() => new HeartbeatEncoder({ ...base, bootId: -1, nextBootId: () => 1 }), /bootId -1/);
    const e = new HeartbeatEncoder(base);
    rejects(() => e.encode(FrameType.Heartbeat, new Uint8Array(1500), 0), /before setAdvert/);
    e.setAdvert(FIXTURE_ADVERT);
    rejects(() => e.encode(FrameType.Heartbeat, new Uint8Array(180), 20), /buffer of 180 bytes at offset 20: a frame needs 170/);
    rejects(() => e.encode(4, new Uint8Array(1500), 0), /frame type 4/);
    rejects(() => e.setAdvert({ ...FIXTURE_ADVERT, priority: 256 }), /priority 256/);
    assert.equal(e.lastSeq, 0, 'refused calls send nothing');
    assert.equal(frameOf(e).length, 170, 'a refused setAdvert keeps the previous advert');
});
//# sourceMappingURL=encoder.test.js.map