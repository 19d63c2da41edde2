import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeIpv4, writeIpv6 } from './ip-text.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

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
  }
});

test('malformed IPv4 text is refused', () => {
  for (const bad of [
    '',
    '198.18.0',
    '198.18.0.1.2',
    '198.18.0.256',
    '198.18.00.1',
    '198.18.0.1 ',
    ' 198.18.0.1',
    '198.18..1',
    '1234.1.1.1',
    'a.b.c.d',
    '198.18.0.-1',
    '2001:2::1',
  ]) {
    assert.equal(writeIpv4(new Uint8Array(4), 0, bad), false, JSON.stringify(bad));
  }
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
  ]) {
    const buf = new Uint8Array(20).fill(0xee);
    assert.equal(writeIpv6(buf, 2, text), true, text);
    assert.equal(hex(buf), `eeee${want}eeee`, text);
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
    ':1::2',
    '1::2:',
    'g::1',
    'fe80::1%eth0',
    '::ffff:198.18.0.1',
    '198.18.0.1',
  ]) {
    assert.equal(writeIpv6(new Uint8Array(16), 0, bad), false, JSON.stringify(bad));
  }
});
