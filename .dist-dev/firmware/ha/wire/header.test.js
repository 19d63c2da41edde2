import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HA_ETHERTYPE, HA_MULTICAST_MAC, HA_UDP_PORT } from './addresses.js';
import { WireError } from './errors.js';
import { FIXTURE_BOOT_ID, FIXTURE_GROUP_ID, FIXTURE_HEADER_HEX, FIXTURE_SERIAL, toHex } from './frames.fixture.js';
import { FrameType, HEADER_LEN, readU16, readU32, serialForLog, serialLength, serialToBytes, writeHeader } from './header.js';
test('writeHeader lays out the 36 bytes of protocol 1.1', () => {
    const buf = new Uint8Array(40).fill(0xee);
    writeHeader(buf, 2, {
        type: FrameType.Heartbeat,
        flags: 0,
        groupId: FIXTURE_GROUP_ID,
        serial: serialToBytes(FIXTURE_SERIAL),
        bootId: FIXTURE_BOOT_ID,
        seq: 1,
        bodyLen: 118,
    });
    assert.equal(toHex(buf.subarray(2, 2 + HEADER_LEN)), FIXTURE_HEADER_HEX);
    assert.deepEqual([buf[0], buf[1], buf[38], buf[39]], [0xee, 0xee, 0xee, 0xee], 'nothing written outside');
});
test('big-endian helpers cover the whole u16 and u32 range', () => {
    const buf = new Uint8Array(Buffer.from('ffff' + 'fffffffe' + '80000000', 'hex'));
    assert.equal(readU16(buf, 0), 0xffff);
    assert.equal(readU32(buf, 2), 0xfffffffe);
    assert.equal(readU32(buf, 6), 0x80000000);
});
test('serials are 1-16 printable ASCII characters, NUL-padded', () => {
    assert.equal(toHex(serialToBytes('AB')), '4142' + '00'.repeat(14));
    for (const bad of ['', 'X'.repeat(17), 'has space', 'ünï', 'tab\t']) {
        assert.throws(() => serialToBytes(bad), (e) => e instanceof WireError && e.message.includes('serial'), bad);
    }
});
test('serialLength accepts only a printable serial followed by NULs', () => {
    const at = (s) => new Uint8Array(Buffer.from(s, 'hex'));
    assert.equal(serialLength(serialToBytes(FIXTURE_SERIAL), 0), 16);
    assert.equal(serialLength(serialToBytes('AB'), 0), 2);
    assert.equal(serialLength(at('00'.repeat(16)), 0), -1);
    assert.equal(serialLength(at('4100' + '41' + '00'.repeat(13)), 0), -1);
    assert.equal(serialLength(at('41' + '0a' + '00'.repeat(14)), 0), -1);
});
test('serialForLog never lets an unprintable byte through', () => {
    const b = new Uint8Array(Buffer.from('41' + '1b' + '5b' + 'ff' + '00'.repeat(12), 'hex'));
    assert.equal(serialForLog(b, 0), 'A?[?');
});
test('addresses: our multicast group, Ethertype 0x8890, UDP port 703', () => {
    assert.equal(HA_ETHERTYPE, 0x8890);
    assert.equal(HA_UDP_PORT, 703);
    assert.equal(toHex(HA_MULTICAST_MAC), '035444484100');
    assert.equal(HA_MULTICAST_MAC[0] & 1, 1, 'group bit set');
});
//# sourceMappingURL=header.test.js.map