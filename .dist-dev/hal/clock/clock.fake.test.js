import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAKE_WALL_AT_ZERO_MS, FakeClock } from './clock.fake.js';
import { wallTimeIso } from './index.js';
test('time moves only by advance, exactly', () => {
    const c = new FakeClock(1000);
    assert.equal(c.nowMs(), 1000);
    assert.equal(c.advance(1499), 2499);
    assert.equal(c.advance(1), 2500);
    assert.equal(c.advance(0), 2500);
    assert.equal(c.advanceTo(4000), 4000);
    assert.equal(c.nowMs(), 4000);
});
test('a monotonic clock never goes back', () => {
    const c = new FakeClock();
    assert.equal(c.nowMs(), 0);
    assert.throws(() => c.advance(-1), /advance\(-1\)/);
    assert.throws(() => c.advance(Number.NaN), RangeError);
    c.advance(10);
    assert.throws(() => c.advanceTo(9), /earlier than now \(10\)/);
    assert.equal(c.nowMs(), 10);
});
test('the wall clock moves with it from a fixed date; wallTimeIso dates monotonic instants by it', () => {
    const c = new FakeClock(1000);
    assert.equal(c.wallMs(), FAKE_WALL_AT_ZERO_MS + 1000);
    c.advance(60_000);
    assert.equal(wallTimeIso(c), '2026-01-01T00:01:01.000Z');
    assert.equal(wallTimeIso(c, 1000.5), '2026-01-01T00:00:01.000Z');
    assert.equal(wallTimeIso(c, 2500), '2026-01-01T00:00:02.500Z');
});
//# sourceMappingURL=clock.fake.test.js.map