import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMac } from '../../lib/ethernet.js';
import { virtualMac } from './virtual-mac.js';
test('the virtual MAC is 02:54:44:<group-id>:<vcluster>:<port index>', () => {
    assert.deepEqual(virtualMac(7, 0, 1), Uint8Array.of(0x02, 0x54, 0x44, 0x07, 0x00, 0x01));
    assert.equal(formatMac(virtualMac(7, 0, 1)), '02:54:44:07:00:01');
    assert.equal(formatMac(virtualMac(0, 0, 0)), '02:54:44:00:00:00');
    assert.equal(formatMac(virtualMac(255, 1, 12)), '02:54:44:ff:01:0c');
    assert.equal(formatMac(virtualMac(16, 255, 255)), '02:54:44:10:ff:ff');
});
test('each call returns a fresh MAC, so a caller may keep or change it', () => {
    const a = virtualMac(1, 0, 0);
    a[5] = 9;
    assert.equal(formatMac(virtualMac(1, 0, 0)), '02:54:44:01:00:00');
});
test('the virtual MAC is unicast and locally administered', () => {
    const first = virtualMac(200, 3, 4)[0];
    assert.equal(first & 0x01, 0, 'group bit clear');
    assert.equal(first & 0x02, 0x02, 'local bit set');
});
test('an input outside 0-255 is a RangeError naming the input, its value and the range', () => {
    const cases = [
        ['group-id', () => virtualMac(256, 0, 0), '256'],
        ['group-id', () => virtualMac(-1, 0, 0), '-1'],
        ['vcluster', () => virtualMac(0, 1.5, 0), '1.5'],
        ['vcluster', () => virtualMac(0, Number.NaN, 0), 'NaN'],
        ['port index', () => virtualMac(0, 0, 300), '300'],
        ['port index', () => virtualMac(0, 0, -0.5), '-0.5'],
    ];
    for (const [name, call, value] of cases) {
        assert.throws(call, (e) => e instanceof RangeError && e.message.includes(name) && e.message.includes(value) && e.message.includes('0-255'), `${name} ${value}`);
    }
});
//# sourceMappingURL=virtual-mac.test.js.map