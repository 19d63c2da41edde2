import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEADROOM, MAX_BUCKETS, wantedLimits } from './conntrack-limits.js';
test('1M sessions on each of two boards: max fits both with headroom, buckets the next power of two', () => {
    const w = wantedLimits(1_000_000, 2, { max: 262_144, buckets: 262_144 });
    assert.equal(w.max, 2_000_000 + HEADROOM);
    assert.equal(w.buckets, 1 << 22);
});
test('never below what the host has', () => {
    assert.deepEqual(wantedLimits(1000, 2, { max: 5_000_000, buckets: 1 << 20 }), { max: 5_000_000, buckets: 1 << 20 });
});
test('buckets stop at MAX_BUCKETS', () => {
    assert.equal(wantedLimits(4_000_000, 2, { max: 1, buckets: 1 }).buckets, MAX_BUCKETS);
});
//# sourceMappingURL=conntrack-limits.test.js.map