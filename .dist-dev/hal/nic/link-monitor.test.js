/** parseLinkMessages against byte fixtures: well-formed RTM_NEWLINK/DELLINK and malformed input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLinkMessages } from './link-monitor.js';
/** One rtnetlink link message: nlmsghdr, ifinfomsg, then the given attributes. */
function linkMessage(type, ifindex, flags, attrs) {
    const pad = (n) => (n + 3) & ~3;
    const length = 32 + attrs.reduce((n, [, p]) => n + pad(4 + p.length), 0);
    const bytes = new Uint8Array(length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, length, true);
    view.setUint16(4, type, true);
    view.setInt32(16 + 4, ifindex, true);
    view.setUint32(16 + 8, flags, true);
    let off = 32;
    for (const [attrType, payload] of attrs) {
        view.setUint16(off, 4 + payload.length, true);
        view.setUint16(off + 2, attrType, true);
        bytes.set(payload, off + 4);
        off += pad(4 + payload.length);
    }
    return bytes;
}
const name = (s) => new TextEncoder().encode(`${s}\0`);
const mtu = new Uint8Array([0xdc, 0x05, 0, 0]);
const UP = 0x1;
const RUNNING = 0x40;
const LOWER_UP = 0x10000;
function parse(...messages) {
    const buf = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
    let off = 0;
    for (const m of messages) {
        buf.set(m, off);
        off += m.length;
    }
    const out = [];
    parseLinkMessages(buf, buf.length, out);
    return out;
}
describe('parseLinkMessages', () => {
    it('reads up and carrier from the flags and the name from IFLA_IFNAME', () => {
        assert.deepEqual(parse(linkMessage(16, 7, UP | RUNNING | LOWER_UP, [
            [4, mtu],
            [3, name('ha1')],
        ]), linkMessage(16, 8, UP, [[3, name('port2')]]), linkMessage(17, 9, UP | LOWER_UP, [[3, name('gone0')]])), [
            { ifname: 'ha1', ifindex: 7, up: true, carrier: true },
            { ifname: 'port2', ifindex: 8, up: true, carrier: false },
            { ifname: 'gone0', ifindex: 9, up: false, carrier: false },
        ]);
    });
    it('skips other message types and links without a name', () => {
        assert.deepEqual(parse(linkMessage(20, 1, UP, [[3, name('x')]]), linkMessage(16, 2, UP, [[4, mtu]])), []);
    });
    it('stops at malformed input without throwing', () => {
        const good = linkMessage(16, 3, UP, [[3, name('ok0')]]);
        const expectGood = [{ ifname: 'ok0', ifindex: 3, up: true, carrier: false }];
        const zeroLength = new Uint8Array(16);
        const tooLong = linkMessage(16, 4, UP, [[3, name('bad')]]);
        new DataView(tooLong.buffer).setUint32(0, 4096, true);
        const badAttr = linkMessage(16, 5, UP, [[3, name('bad')]]);
        new DataView(badAttr.buffer).setUint16(32, 200, true);
        const shortBody = good.slice(0, 24);
        new DataView(shortBody.buffer).setUint32(0, 24, true);
        assert.deepEqual(parse(good, zeroLength, good), expectGood);
        assert.deepEqual(parse(good, tooLong), expectGood);
        assert.deepEqual(parse(badAttr, good), expectGood);
        assert.deepEqual(parse(shortBody, good), expectGood);
        assert.deepEqual(parse(good.subarray(0, 10)), []);
        const out = [];
        parseLinkMessages(good, good.length + 100, out);
        assert.deepEqual(out, expectGood);
    });
});
//# sourceMappingURL=link-monitor.test.js.map