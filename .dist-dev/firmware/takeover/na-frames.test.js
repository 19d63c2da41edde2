import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NA_FRAME_LEN, writeUnsolicitedNa } from './na-frames.js';
import { virtualMac } from './virtual-mac.js';
const hex = (b) => Buffer.from(b).toString('hex');
const fromHex = (h) => new Uint8Array(Buffer.from(h, 'hex'));
/** 2001:2::7 announced at 02:54:44:07:00:01. */
const NA_HEX = [
    '333300000001', // destination: all-nodes multicast
    '025444070001', // source: the virtual MAC
    '86dd', // IPv6
    '60000000', // version 6, no traffic class or flow label
    '00203aff', // payload 32, next header ICMPv6 (58), hop limit 255
    '20010002000000000000000000000007', // source: the announced address
    'ff020000000000000000000000000001', // destination: all nodes
    '8800d02f', // type 136, code 0, checksum
    '20000000', // flags: Override only
    '20010002000000000000000000000007', // target
    '0201025444070001', // option 2, 8 bytes: target link-layer address
].join('');
/** A link-local address at another virtual MAC. */
const NA_LINK_LOCAL_HEX = [
    '3333000000010254440a020386dd',
    '6000000000203aff',
    'fe80000000000000025444fffe070001',
    'ff020000000000000000000000000001',
    '88008684', // checksum 0x8684
    '20000000',
    'fe80000000000000025444fffe070001',
    '02010254440a0203',
].join('');
/**
 * The ICMPv6 checksum recomputed the plain way, apart from the code under test: build the
 * RFC 8200 pseudo-header as its own array, append the message with the checksum zeroed, sum
 * the 16-bit words with DataView and fold.
 */
function referenceChecksum(frame) {
    const ip = 14;
    const message = Array.from(frame.subarray(ip + 40));
    const length = message.length;
    message[2] = 0;
    message[3] = 0;
    const pseudo = [
        ...frame.subarray(ip + 8, ip + 24),
        ...frame.subarray(ip + 24, ip + 40),
        (length >>> 24) & 0xff,
        (length >>> 16) & 0xff,
        (length >>> 8) & 0xff,
        length & 0xff,
        0,
        0,
        0,
        frame[ip + 6],
    ];
    const all = Uint8Array.from([...pseudo, ...message]);
    const view = new DataView(all.buffer);
    let sum = 0;
    for (let i = 0; i < all.length; i += 2)
        sum += view.getUint16(i);
    while (sum > 0xffff)
        sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
    return 0xffff - sum;
}
test('an unsolicited NA is the 86-byte fixture', () => {
    const buf = new Uint8Array(NA_FRAME_LEN);
    assert.equal(writeUnsolicitedNa(buf, 0, virtualMac(7, 0, 1), '2001:2::7'), NA_FRAME_LEN);
    assert.equal(hex(buf), NA_HEX);
});
test('a link-local address and another MAC give the second fixture', () => {
    const buf = new Uint8Array(NA_FRAME_LEN);
    writeUnsolicitedNa(buf, 0, virtualMac(10, 2, 3), 'fe80::254:44ff:fe07:1');
    assert.equal(hex(buf), NA_LINK_LOCAL_HEX);
});
test('the checksum in both fixtures matches an independent computation', () => {
    for (const fixture of [NA_HEX, NA_LINK_LOCAL_HEX]) {
        const frame = fromHex(fixture);
        assert.equal(referenceChecksum(frame), (frame[54 + 2] << 8) | frame[54 + 3]);
    }
    // A wrong fixture must be caught by the same check.
    const broken = fromHex(NA_HEX);
    broken[54 + 3] ^= 1;
    assert.notEqual(referenceChecksum(broken), (broken[54 + 2] << 8) | broken[54 + 3]);
});
test('the checksum is right for many addresses and MACs, not only the fixtures', () => {
    const buf = new Uint8Array(NA_FRAME_LEN);
    for (let i = 0; i < 256; i++) {
        const address = `2001:2:${i.toString(16)}::${(i * 257).toString(16)}:ffff`;
        writeUnsolicitedNa(buf, 0, virtualMac(i, 255 - i, (i * 7) & 0xff), address);
        assert.equal((buf[56] << 8) | buf[57], referenceChecksum(buf), address);
    }
});
test('the frame goes at the offset and touches nothing outside', () => {
    const buf = new Uint8Array(3 + NA_FRAME_LEN + 3).fill(0xee);
    assert.equal(writeUnsolicitedNa(buf, 3, virtualMac(7, 0, 1), '2001:2::7'), 3 + NA_FRAME_LEN);
    assert.equal(hex(buf), `eeeeee${NA_HEX}eeeeee`);
});
test('a bad MAC, address or buffer is a RangeError naming it', () => {
    const buf = new Uint8Array(NA_FRAME_LEN);
    const mac = virtualMac(7, 0, 1);
    assert.throws(() => writeUnsolicitedNa(buf, 0, new Uint8Array(8), '2001:2::7'), /MAC of 8 bytes: expected 6/);
    assert.throws(() => writeUnsolicitedNa(buf, 0, mac, '198.18.0.1'), /"198\.18\.0\.1": expected an IPv6 address/);
    assert.throws(() => writeUnsolicitedNa(buf, 0, mac, '2001:2::7::1'), RangeError);
    assert.throws(() => writeUnsolicitedNa(new Uint8Array(85), 0, mac, '2001:2::7'), /needs 86 bytes/);
});
//# sourceMappingURL=na-frames.test.js.map