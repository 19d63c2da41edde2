import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HANDOVER_WAIT_MS } from './graceful-leave.js';
import { haSettings } from './net.fake.js';
import { StandDown, standDownHoldMs } from './stand-down.js';
test("the hold leaves the peers' detectors an interval to spare, and is at most the handover wait", () => {
    const hold = (hbInterval, hbLostThreshold, hbIntervalUnitMs = 100) => standDownHoldMs(haSettings({ hbInterval, hbLostThreshold, hbIntervalUnitMs }));
    assert.equal(hold(1, 3, 10), 10, '10 ms × 3: one interval');
    assert.equal(hold(2, 6), HANDOVER_WAIT_MS, 'FortiOS defaults: the handover wait');
    assert.equal(hold(1, 2), 0);
    assert.equal(hold(1, 1), 0);
});
test('a hold starts only with a peer and no successor working, and ends on either of them', () => {
    const s = new StandDown();
    assert.deepEqual(s.poll(0, 100, false, false), { held: false }, 'alone: release at once');
    assert.deepEqual(s.poll(0, 100, true, true), { held: false }, 'the successor already works');
    assert.deepEqual(s.poll(0, 0, false, true), { held: false }, 'no hold allowed');
    assert.equal(s.poll(10, 100, false, true), null);
    assert.equal(s.holding, true);
    assert.equal(s.deadline, 110);
    assert.equal(s.poll(50, 100, false, true), null);
    assert.deepEqual(s.poll(52, 100, true, true), { held: true, successorWorked: true, afterMs: 42 });
    assert.equal(s.holding, false);
    assert.equal(s.deadline, Number.POSITIVE_INFINITY);
    assert.equal(s.poll(200, 100, false, true), null);
    assert.deepEqual(s.poll(300, 100, false, true), { held: true, successorWorked: false, afterMs: 100 }, 'timed out');
    assert.equal(s.poll(400, 100, false, true), null);
    s.cancel();
    assert.equal(s.holding, false);
});
test('settings committed during a hold bound it from then on', () => {
    const s = new StandDown();
    assert.equal(s.poll(0, 100, false, true), null);
    assert.equal(s.poll(10, 100, false, true), null);
    assert.deepEqual(s.poll(20, 10, false, true), { held: true, successorWorked: false, afterMs: 20 }, 'now 10 ms: already over');
});
//# sourceMappingURL=stand-down.test.js.map