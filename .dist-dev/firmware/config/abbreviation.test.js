import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ambiguous, resolveKeyword } from './abbreviation.js';
const OPTIONS = ['hb-interval', 'hb-interval-in-milliseconds', 'hb-lost-threshold', 'priority', 'password'];
test('a unique prefix names its keyword; an exact word wins over longer keywords it starts', () => {
    assert.deepEqual(resolveKeyword('prio', OPTIONS), { kind: 'one', keyword: 'priority' });
    assert.deepEqual(resolveKeyword('hb-l', OPTIONS), { kind: 'one', keyword: 'hb-lost-threshold' });
    assert.deepEqual(resolveKeyword('hb-interval', OPTIONS), { kind: 'one', keyword: 'hb-interval' });
    assert.deepEqual(resolveKeyword('hb-interval-', OPTIONS), { kind: 'one', keyword: 'hb-interval-in-milliseconds' });
});
test('a shared prefix is ambiguous and names every candidate; an unknown or empty word names none', () => {
    assert.deepEqual(resolveKeyword('hb', OPTIONS), {
        kind: 'ambiguous',
        candidates: ['hb-interval', 'hb-interval-in-milliseconds', 'hb-lost-threshold'],
    });
    assert.deepEqual(resolveKeyword('p', OPTIONS), { kind: 'ambiguous', candidates: ['priority', 'password'] });
    assert.equal(ambiguous(['set', 'select']), 'ambiguous, could be set, select');
    assert.deepEqual(resolveKeyword('x', OPTIONS), { kind: 'none' });
    assert.deepEqual(resolveKeyword('', OPTIONS), { kind: 'none' });
    assert.deepEqual(resolveKeyword('Prio', OPTIONS), { kind: 'none' }, 'case-sensitive, as FortiOS');
});
test('an everyday keyword wins a prefix it shares with rarer ones; two everyday ones stay ambiguous', () => {
    const verbs = ['set', 'select', 'show', 'unset', 'unselect'];
    const everyday = ['set', 'show', 'unset'];
    assert.deepEqual(resolveKeyword('se', verbs, everyday), { kind: 'one', keyword: 'set' });
    assert.deepEqual(resolveKeyword('sel', verbs, everyday), { kind: 'one', keyword: 'select' });
    assert.deepEqual(resolveKeyword('uns', verbs, everyday), { kind: 'one', keyword: 'unset' });
    assert.deepEqual(resolveKeyword('s', verbs, everyday), { kind: 'ambiguous', candidates: ['set', 'select', 'show'] });
    assert.deepEqual(resolveKeyword('se', verbs), { kind: 'ambiguous', candidates: ['set', 'select'] });
});
//# sourceMappingURL=abbreviation.test.js.map