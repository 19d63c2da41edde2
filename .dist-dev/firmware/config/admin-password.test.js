import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminPasswordKind, hashAdminPassword, verifyAdminPassword } from './admin-password.js';
import { ValueError } from './errors.js';
import { ctx } from './schema.fixture.js';
const kind = adminPasswordKind(128);
const bare = (...words) => words.map((text) => ({ text, quoted: false }));
test('a password is kept as a salted scrypt hash: two hashes of one password differ, both verify', async () => {
    const a = hashAdminPassword('s3cret pass');
    const b = hashAdminPassword('s3cret pass');
    assert.match(a, /^TS1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(a, b, 'a fresh salt each time');
    assert.ok(!a.includes('s3cret'));
    assert.equal(await verifyAdminPassword(a, 's3cret pass'), true);
    assert.equal(await verifyAdminPassword(b, 's3cret pass'), true);
    assert.equal(await verifyAdminPassword(a, 's3cret pasS'), false);
    assert.equal(await verifyAdminPassword(a, ''), false);
});
test('the empty password is stored empty and only the empty password matches it; a mangled hash matches nothing', async () => {
    assert.equal(hashAdminPassword(''), '');
    assert.equal(await verifyAdminPassword('', ''), true);
    assert.equal(await verifyAdminPassword('', 'x'), false);
    assert.equal(await verifyAdminPassword('TS1$garbage', 'x'), false);
    assert.equal(await verifyAdminPassword('plain-text', 'plain-text'), false, 'a clear text is never a stored password');
});
test('set password hashes at once; show writes ENC and the hash; ENC <hash> reads back the same hash', async () => {
    const [stored] = kind.parse(bare('hello world'), ctx);
    assert.equal(await verifyAdminPassword(stored, 'hello world'), true);
    assert.equal(kind.print([stored]), `ENC ${stored}`);
    assert.equal(kind.display([stored]), '*');
    assert.deepEqual(kind.parse(bare('ENC', stored), ctx), [stored]);
    assert.equal(kind.print(['']), undefined, 'the empty password is not written');
    assert.equal(kind.display(['']), '');
    assert.deepEqual(kind.parse([{ text: 'ENC', quoted: true }], ctx).length, 1, 'a quoted ENC is a password');
});
test('bad passwords are refused without repeating them', () => {
    const refused = (tokens) => {
        try {
            kind.parse(tokens, ctx);
        }
        catch (err) {
            assert.ok(err instanceof ValueError);
            return err;
        }
        assert.fail('accepted');
    };
    const long = refused(bare('x'.repeat(129)));
    assert.equal(long.value, '*');
    assert.match(long.reason, /too long \(129 characters\)/);
    assert.equal(refused(bare('ab\x01c')).value, '*');
    assert.match(refused(bare('ENC', 'TS1$not-a-hash')).reason, /not a stored password hash/);
    assert.match(refused(bare('two', 'words')).reason, /one value only/);
    assert.match(refused([]).reason, /value missing/);
});
//# sourceMappingURL=admin-password.test.js.map