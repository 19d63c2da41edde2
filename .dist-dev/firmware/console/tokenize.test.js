import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printable, tokenize } from './tokenize.js';
const words = (line) => {
    const t = tokenize(line);
    assert.ok(t.ok, `tokenize ${JSON.stringify(line)}`);
    return t.words;
};
test('blanks separate words; extra blanks and tabs are ignored', () => {
    assert.deepEqual(words('  get   system\tha  status  '), ['get', 'system', 'ha', 'status']);
    assert.deepEqual(words(''), []);
    assert.deepEqual(words('   '), []);
});
test('quotes keep blanks inside one word; empty quotes are an empty word', () => {
    assert.deepEqual(words('set alias "lan side"'), ['set', 'alias', 'lan side']);
    assert.deepEqual(words("set alias 'it''s'"), ['set', 'alias', 'its']);
    assert.deepEqual(words('set alias ""'), ['set', 'alias', '']);
    assert.deepEqual(words('a"b c"d'), ['ab cd']);
});
test('a backslash takes the next character literally, except inside single quotes', () => {
    assert.deepEqual(words('set name a\\ b'), ['set', 'name', 'a b']);
    assert.deepEqual(words('set name "say \\"hi\\""'), ['set', 'name', 'say "hi"']);
    assert.deepEqual(words("set name 'a\\b'"), ['set', 'name', 'a\\b']);
});
test('an unmatched quote is an error, not a crash', () => {
    const t = tokenize('show "system');
    assert.equal(t.ok, false);
    assert.match(t.ok ? '' : t.error, /unmatched quote "/);
});
test('printable shows control characters as ^X and caps the length', () => {
    assert.equal(printable('a\x01b\x1b'), 'a^Ab^[');
    assert.equal(printable('x'.repeat(100), 10), `${'x'.repeat(10)}...`);
    assert.equal(printable('\x7f\x85'), '??');
});
//# sourceMappingURL=tokenize.test.js.map