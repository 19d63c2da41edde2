import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prng } from './channel.fake.js';
import { KeyTable } from './key-table.js';
test('keys keep their mark; the mark can change', () => {
    const t = new KeyTable(10);
    assert.equal(t.mark(1, 2), 0);
    t.set(1, 2, 1);
    t.set(2, 1, 3);
    assert.equal(t.mark(1, 2), 1);
    assert.equal(t.mark(2, 1), 3);
    t.set(1, 2, 2);
    assert.equal(t.mark(1, 2), 2);
    assert.equal(t.size, 2);
});
test('the all-zero key is a key like any other', () => {
    const t = new KeyTable(10);
    assert.equal(t.mark(0, 0), 0);
    t.set(0, 0, 1);
    assert.equal(t.mark(0, 0), 1);
    assert.equal(t.size, 1);
});
test('keys are 62 bits: the top two bits of the high word are ignored; the low word is unsigned', () => {
    const t = new KeyTable(10);
    t.set(0xc000_0005, 7, 2);
    assert.equal(t.mark(5, 7), 2);
    t.set(9, -1, 1);
    assert.equal(t.mark(9, 0xffff_ffff), 1);
});
test('a table sized for 1M keys takes 16 MiB; a low estimate grows and keeps every key', () => {
    assert.equal(new KeyTable(1_000_000).byteLength, 16 * 2 ** 20);
    const t = new KeyTable(10);
    const rnd = prng(42);
    const keys = Array.from({ length: 20_000 }, () => [(rnd() * 2 ** 30) >>> 0, (rnd() * 2 ** 32) >>> 0]);
    for (const [k, [hi, lo]] of keys.entries())
        t.set(hi, lo, ((k % 3) + 1));
    assert.equal(t.size, 20_000);
    assert.ok(t.byteLength <= 32_768 * 8, `${t.byteLength} bytes`);
    assert.deepEqual(keys.filter(([hi, lo], k) => t.mark(hi, lo) !== (k % 3) + 1), []);
});
test('an estimate sizes the table up to 3M keys; past that the table grows with the keys', () => {
    assert.equal(new KeyTable(3_000_000).byteLength, 32 * 2 ** 20);
    assert.equal(new KeyTable(1e12).byteLength, 32 * 2 ** 20);
});
test('estimates that are not counts are refused', () => {
    assert.throws(() => new KeyTable(-1), RangeError);
    assert.throws(() => new KeyTable(Number.NaN), RangeError);
});
//# sourceMappingURL=key-table.test.js.map