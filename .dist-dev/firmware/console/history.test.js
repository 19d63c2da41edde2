import assert from 'node:assert/strict';
import { test } from 'node:test';
import { History } from './history.js';
test('↑ walks back from the newest, ↓ forward to the line being typed', () => {
    const h = new History();
    for (const l of ['get system status', 'show', 'config system ha'])
        h.add(l);
    assert.equal(h.previous('conf'), 'config system ha');
    assert.equal(h.previous('ignored'), 'show');
    assert.equal(h.previous(''), 'get system status');
    assert.equal(h.previous(''), undefined, 'the oldest stays');
    assert.equal(h.next(), 'show');
    assert.equal(h.next(), 'config system ha');
    assert.equal(h.next(), 'conf', 'the draft comes back below the newest');
    assert.equal(h.next(), undefined);
});
test('blank lines and a repeat of the last line are not kept; the history is bounded', () => {
    const h = new History(3);
    for (const l of ['a', '', '   ', 'a', 'b', 'c', 'd'])
        h.add(l);
    assert.equal(h.size, 3);
    assert.deepEqual([h.previous(''), h.previous(''), h.previous(''), h.previous('')], ['d', 'c', 'b', undefined]);
    h.add('b');
    assert.equal(h.previous(''), 'b', 'entering a line ends the browsing');
    h.rewind();
    h.clear();
    assert.equal(h.previous('x'), undefined);
    assert.equal(h.next(), undefined);
});
//# sourceMappingURL=history.test.js.map