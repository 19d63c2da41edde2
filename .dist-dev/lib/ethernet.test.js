import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ETH_HEADER_LEN, ETHERTYPE_IPV4, formatMac, writeEthernetHeader } from './ethernet.js';
const hex = (b) => Buffer.from(b).toString('hex');
test('writeEthernetHeader writes destination, source and Ethertype and returns the payload offset', () => {
    const buf = new Uint8Array(20).fill(0xee);
    const dst = Uint8Array.of(0x03, 0x54, 0x44, 0x48, 0x41, 0x00);
    const src = Uint8Array.of(0x02, 0, 0, 0, 0, 0x0a);
    assert.equal(writeEthernetHeader(buf, dst, src, 0x8890), ETH_HEADER_LEN);
    assert.equal(hex(buf.subarray(0, 15)), `035444484100` + `02000000000a` + `8890` + 'ee');
    assert.equal(writeEthernetHeader(buf, dst, src, ETHERTYPE_IPV4, 4), 18);
    assert.equal(hex(buf.subarray(16, 18)), '0800');
});
test('formatMac prints lower-case hex pairs joined by colons', () => {
    assert.equal(formatMac(Uint8Array.of(0x02, 0x54, 0x44, 0xff, 0x01, 0x0c)), '02:54:44:ff:01:0c');
    assert.equal(formatMac(Uint8Array.of(0, 0, 0, 0, 0, 0)), '00:00:00:00:00:00');
});
//# sourceMappingURL=ethernet.test.js.map