import assert from 'node:assert/strict';
import { isIPv4, isIPv6 } from 'node:net';
import { test } from 'node:test';
import { formatIpv4, formatIpv6, ipv4ToNumber, numberToIpv4, parseIpv4, parseIpv6, writeIpv4, writeIpv6 } from './ip-text.js';
const hex = (b) => Buffer.from(b).toString('hex');
const fromHex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
test('dotted quads become four bytes at the offset, nothing else touched', () => {
    for (const [text, want] of [
        ['198.18.0.1', 'c6120001'],
        ['0.0.0.0', '00000000'],
        ['255.255.255.255', 'ffffffff'],
        ['198.19.10.200', 'c6130ac8'],
    ]) {
        const buf = new Uint8Array(8).fill(0xee);
        assert.equal(writeIpv4(buf, 2, text), true, text);
        assert.equal(hex(buf), `eeee${want}eeee`, text);
        assert.equal(hex(parseIpv4(text)), want, text);
        assert.equal(formatIpv4(buf, 2), text);
    }
});
test('malformed IPv4 text is refused', () => {
    for (const bad of [
        '',
        '198.18.0',
        '198.18.0.1.2',
        '198.18.0.256',
        '198.18.00.1',
        '010.1.1.1',
        '198.18.0.1 ',
        ' 198.18.0.1',
        '198.18..1',
        '198.18.0.',
        '1234.1.1.1',
        'a.b.c.d',
        '198.18.0.-1',
        '0x1.1.1.1',
        '2001:2::1',
    ]) {
        assert.equal(writeIpv4(new Uint8Array(4), 0, bad), false, JSON.stringify(bad));
        assert.equal(parseIpv4(bad), undefined, JSON.stringify(bad));
    }
});
test('IPv4 as a 32-bit number and back', () => {
    assert.equal(ipv4ToNumber('255.255.255.0'), 0xffffff00);
    assert.equal(ipv4ToNumber('198.18.1.1'), 0xc6120101);
    assert.equal(ipv4ToNumber('0.0.0.0'), 0);
    assert.equal(ipv4ToNumber('198.18.1'), undefined);
    assert.equal(numberToIpv4(0xffffff00), '255.255.255.0');
    assert.equal(numberToIpv4(0xc6120101), '198.18.1.1');
    assert.equal(numberToIpv4(0), '0.0.0.0');
});
test('IPv6 text becomes sixteen bytes, "::" expanded wherever it stands', () => {
    for (const [text, want] of [
        ['2001:2::7', '20010002000000000000000000000007'],
        ['::', '00000000000000000000000000000000'],
        ['::1', '00000000000000000000000000000001'],
        ['fe80::', 'fe800000000000000000000000000000'],
        ['ff02::1', 'ff020000000000000000000000000001'],
        ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
        ['1::8', '00010000000000000000000000000008'],
        ['1:2:3:4:5:6:7::', '00010002000300040005000600070000'],
        ['::2:3:4:5:6:7:8', '00000002000300040005000600070008'],
        ['FE80::254:44FF:fe07:1', 'fe80000000000000025444fffe070001'],
        ['2001:db8:0:0:1::ab', '20010db80000000000010000000000ab'],
        ['0001::0000:0a', '0001000000000000000000000000000a'],
        ['::ffff:198.18.0.1', '00000000000000000000ffffc6120001'],
        ['::198.18.0.1', '000000000000000000000000c6120001'],
        ['1:2:3:4:5:6:198.18.0.1', '000100020003000400050006c6120001'],
        ['64:ff9b::10.0.0.1', '0064ff9b00000000000000000a000001'],
    ]) {
        const buf = new Uint8Array(20).fill(0xee);
        assert.equal(writeIpv6(buf, 2, text), true, text);
        assert.equal(hex(buf), `eeee${want}eeee`, text);
        assert.equal(hex(parseIpv6(text)), want, text);
    }
});
test('malformed IPv6 text is refused', () => {
    for (const bad of [
        '',
        ':',
        ':::',
        '1::2::3',
        '1:2:3:4:5:6:7',
        '1:2:3:4:5:6:7:8:9',
        '1:2:3:4:5:6:7:8::',
        '::1:2:3:4:5:6:7:8',
        '12345::1',
        '00001::1',
        ':1::2',
        '1::2:',
        'g::1',
        'fe80::1%eth0',
        '198.18.0.1',
        '::ffff:198.18.0',
        '::ffff:198.18.0.01',
        '::198.18.0.1:1',
        '1.2.3.4::',
        '1:2:3:4:5:6:7:198.18.0.1',
        '1:2:3:4:5:6:7::198.18.0.1',
        ' ::1',
        '::1 ',
    ]) {
        assert.equal(writeIpv6(new Uint8Array(16), 0, bad), false, JSON.stringify(bad));
        assert.equal(parseIpv6(bad), undefined, JSON.stringify(bad));
    }
});
test('IPv6 bytes become RFC 5952 text', () => {
    for (const [bytes, want] of [
        ['20010db8000000000000000000000001', '2001:db8::1'],
        ['00000000000000000000000000000000', '::'],
        ['00000000000000000000000000000001', '::1'],
        ['fe800000000000000000000000000000', 'fe80::'],
        // §4.2.2: one zero group is not shortened.
        ['20010db8000000010001000100010001', '2001:db8:0:1:1:1:1:1'],
        // §4.2.3: the longest run, and the first of two equally long runs.
        ['20010000000000010000000000000001', '2001:0:0:1::1'],
        ['20010db8000000000001000000000001', '2001:db8::1:0:0:1'],
        // §4.3: lower case.
        ['20010DB800000000000000000000ABCD', '2001:db8::abcd'],
        // §5: IPv4-mapped addresses keep the IPv4 part dotted.
        ['00000000000000000000ffffc6120001', '::ffff:198.18.0.1'],
        ['00010002000300040005000600070008', '1:2:3:4:5:6:7:8'],
    ]) {
        const buf = new Uint8Array(18);
        buf.set(fromHex(bytes), 2);
        assert.equal(formatIpv6(buf, 2), want, bytes);
    }
});
test('random addresses: formatted text parses back, agrees with the URL serializer and node:net', () => {
    let seed = 7;
    const next = () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed >>> 16;
    };
    for (let k = 0; k < 2000; k++) {
        const bytes = new Uint8Array(16);
        // Mostly zero groups, so that runs of every length and position occur.
        for (let g = 0; g < 8; g++)
            if (next() % 3 === 0)
                bytes.set([next() & 0xff, next() & 0xff], g * 2);
        const text = formatIpv6(bytes);
        assert.ok(isIPv6(text), text);
        assert.deepEqual(parseIpv6(text), bytes, text);
        if (!text.includes('.'))
            assert.equal(`[${text}]`, new URL(`http://[${text}]/`).hostname);
        const quad = formatIpv4(bytes, 12);
        assert.ok(isIPv4(quad), quad);
        assert.deepEqual(parseIpv4(quad), bytes.subarray(12));
    }
});
//# sourceMappingURL=ip-text.test.js.map