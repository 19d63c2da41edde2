import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serialToBytes } from './header.js';
import { ReplayGuard } from './replay.js';
function take(g, serial, bootId, seq) {
    const p = g.find(serialToBytes(serial), 0);
    if (!g.fresh(p, bootId, seq))
        return false;
    if (p)
        g.accept(p, bootId, seq);
    else
        g.add({ serialBytes: serialToBytes(serial), serial, noncePrefix: new Uint8Array(4) }, bootId, seq);
    return true;
}
test('window bookkeeping: jumps of 32 or more forget the older bits', () => {
    const g = new ReplayGuard(32);
    assert.ok(take(g, 'A', 1, 100));
    assert.ok(take(g, 'A', 1, 99));
    assert.ok(take(g, 'A', 1, 1000));
    assert.equal(take(g, 'A', 1, 968), false, 'lag 32');
    assert.ok(take(g, 'A', 1, 969), 'lag 31');
    assert.equal(take(g, 'A', 1, 969), false);
    assert.ok(take(g, 'A', 1, 1001));
    assert.equal(take(g, 'A', 1, 969), false, 'still seen after a shift by 1');
    assert.equal(take(g, 'A', 1, 1000), false);
});
test('sequences up to 2^32-1 compare correctly', () => {
    const g = new ReplayGuard();
    assert.ok(take(g, 'A', 7, 0xfffffffe));
    assert.ok(take(g, 'A', 7, 0xffffffff));
    assert.equal(take(g, 'A', 7, 0xfffffffe), false);
    assert.ok(take(g, 'A', 7, 0xfffffffd));
});
test('the stalest sender is evicted past 64 senders; find matches whole serials', () => {
    const g = new ReplayGuard();
    for (let i = 0; i < 64; i++)
        take(g, `U${i}`, 1, 1);
    take(g, 'U0', 1, 2);
    take(g, 'NEW', 1, 1);
    assert.equal(g.size, 64);
    assert.equal(g.find(serialToBytes('U1'), 0), undefined, 'U1 was the stalest');
    assert.ok(g.find(serialToBytes('U0'), 0));
    assert.equal(g.find(serialToBytes('U'), 0), undefined);
});
test('window sizes outside 1-32 are refused', () => {
    for (const w of [0, 33, 1.5])
        assert.throws(() => new ReplayGuard(w), /replay window/);
    const p = undefined;
    assert.ok(new ReplayGuard(1).fresh(p, 1, 0));
});
//# sourceMappingURL=replay.test.js.map