import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GARP_FRAME_LEN, writeGratuitousArp } from './arp-frames.js';
import { virtualMac } from './virtual-mac.js';
const hex = (b) => Buffer.from(b).toString('hex');
const MAC = virtualMac(7, 0, 1);
const PAD = '00'.repeat(18);
/** 198.18.0.1 announced at 02:54:44:07:00:01, request form. */
const REQUEST_HEX = [
    'ffffffffffff', // destination: broadcast
    '025444070001', // source: the virtual MAC
    '0806', // ARP
    '0001080006040001', // Ethernet, IPv4, lengths 6 and 4, request
    '025444070001c6120001', // sender: the virtual MAC, 198.18.0.1
    '000000000000c6120001', // target: MAC zero, the same address
    PAD,
].join('');
/** The same as a reply (arping -A): the target MAC repeats the sender's. */
const REPLY_HEX = [
    'ffffffffffff025444070001',
    '0806',
    '0001080006040002', // reply
    '025444070001c6120001',
    '025444070001c6120001',
    PAD,
].join('');
test('a gratuitous ARP request is the 60-byte fixture', () => {
    const buf = new Uint8Array(60);
    assert.equal(writeGratuitousArp(buf, 0, MAC, '198.18.0.1', 'request'), 60);
    assert.equal(hex(buf), REQUEST_HEX);
});
test('a gratuitous ARP reply is the 60-byte fixture', () => {
    const buf = new Uint8Array(60);
    assert.equal(writeGratuitousArp(buf, 0, MAC, '198.18.0.1', 'reply'), 60);
    assert.equal(hex(buf), REPLY_HEX);
});
test('frames go at the offset, pad over old bytes and touch nothing outside', () => {
    const buf = new Uint8Array(4 + GARP_FRAME_LEN + 4).fill(0xee);
    assert.equal(writeGratuitousArp(buf, 4, MAC, '198.18.0.1', 'reply'), 4 + GARP_FRAME_LEN);
    assert.equal(hex(buf), `eeeeeeee${REPLY_HEX}eeeeeeee`);
    const two = new Uint8Array(2 * GARP_FRAME_LEN);
    const end = writeGratuitousArp(two, 0, MAC, '198.18.0.1', 'request');
    assert.equal(writeGratuitousArp(two, end, MAC, '198.18.0.1', 'reply'), two.length);
    assert.equal(hex(two), REQUEST_HEX + REPLY_HEX);
});
test('another address and MAC land in both sender and target fields', () => {
    const buf = new Uint8Array(60);
    writeGratuitousArp(buf, 0, virtualMac(255, 2, 9), '198.19.255.254', 'request');
    assert.equal(hex(buf.subarray(22, 42)), '025444ff0209' + 'c613fffe' + '000000000000' + 'c613fffe');
    assert.equal(hex(buf.subarray(6, 12)), '025444ff0209');
});
test('a bad MAC, address or buffer is a RangeError naming it', () => {
    const buf = new Uint8Array(60);
    assert.throws(() => writeGratuitousArp(buf, 0, MAC.subarray(0, 5), '198.18.0.1', 'request'), /MAC of 5 bytes: expected 6/);
    assert.throws(() => writeGratuitousArp(buf, 0, MAC, '198.18.0.300', 'request'), /"198\.18\.0\.300": expected IPv4/);
    assert.throws(() => writeGratuitousArp(buf, 1, MAC, '198.18.0.1', 'reply'), /offset 1 of a 60-byte buffer: needs 60 bytes/);
    assert.throws(() => writeGratuitousArp(new Uint8Array(59), 0, MAC, '198.18.0.1', 'reply'), RangeError);
});
//# sourceMappingURL=arp-frames.test.js.map