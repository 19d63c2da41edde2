/** parseCidr: the address forms addAddress/removeAddress accept and the ones they refuse. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCidr } from './address.js';
const bytes = (c) => {
    const p = parseCidr(c);
    return p && { family: p.family, address: Array.from(p.address), prefixLength: p.prefixLength };
};
describe('parseCidr', () => {
    it('parses IPv4', () => {
        assert.deepEqual(bytes('198.18.1.1/24'), { family: 2, address: [198, 18, 1, 1], prefixLength: 24 });
        assert.deepEqual(bytes('0.0.0.0/0'), { family: 2, address: [0, 0, 0, 0], prefixLength: 0 });
    });
    it('parses IPv6 with "::" anywhere and a dotted tail', () => {
        assert.deepEqual(bytes('2001:2::1/64')?.address, [0x20, 0x01, 0, 2, ...new Array(11).fill(0), 1]);
        assert.deepEqual(bytes('::/0')?.address, new Array(16).fill(0));
        assert.deepEqual(bytes('fe80::/10')?.address, [0xfe, 0x80, ...new Array(14).fill(0)]);
        assert.deepEqual(bytes('::ffff:198.18.0.1/128')?.address, [...new Array(10).fill(0), 0xff, 0xff, 198, 18, 0, 1]);
        assert.deepEqual(bytes('1:2:3:4:5:6:7:8/128')?.address, [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
        assert.equal(bytes('2001:2::1/64')?.family, 10);
    });
    it('refuses what is not an address with a prefix length in range', () => {
        for (const bad of [
            '198.18.1.1',
            '198.18.1.1/33',
            '198.18.1/24',
            '198.18.1.1/',
            '198.18.1.1/2a',
            'x/24',
            '2001:2::1/129',
            '1::2::3/64',
            '198.18.1.1/-1',
        ]) {
            assert.equal(parseCidr(bad), undefined, bad);
        }
    });
});
//# sourceMappingURL=address.test.js.map