import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePassword, encodePassword } from './password.js';
test('encode/decode round trip, deterministic, not the plain text', () => {
    for (const plain of ['', 'a', 's3cret', 'with space "and" \\ quotes', 'ünïcødé ✓', 'x'.repeat(128)]) {
        const enc = encodePassword(plain);
        assert.equal(decodePassword(enc), plain);
        assert.equal(encodePassword(plain), enc);
        assert.match(enc, /^[A-Za-z0-9+/]*={0,2}$/);
        if (plain !== '')
            assert.ok(!enc.includes(plain));
    }
});
test('decode refuses what encode cannot have written', () => {
    assert.equal(decodePassword('not base64!'), undefined);
    assert.equal(decodePassword('abc'), undefined, 'length not a multiple of 4');
    assert.equal(decodePassword('QQ=A'), undefined, 'padding in the middle');
    assert.equal(decodePassword('QR=='), undefined, 'non-canonical base64');
    assert.equal(decodePassword(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x80]).toString('base64')), undefined, 'not UTF-8 once decoded');
});
//# sourceMappingURL=password.test.js.map