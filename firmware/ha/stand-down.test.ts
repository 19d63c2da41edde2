import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HANDOVER_WAIT_MS } from './graceful-leave.js';
import { haSettings } from './net.fake.js';
import { StandDown, standDownHoldMs } from './stand-down.js';

test("the hold leaves the peers' detectors an interval to spare, and is at most the handover wait", () => {
  const hold = (hbInterval: number, hbLostThreshold: number, hbIntervalUnitMs: 10 | 100 = 100) =>
    standDownHoldMs(haSettings({ hbInterval, hbLostThreshold, hbIntervalUnitMs }));
  assert.equal(hold(1, 3, 10), 10, '10 ms × 3: one interval');
  assert.equal(hold(2, 6), HANDOVER_WAIT_MS, 'FortiOS defaults: the handover wait');
  assert.equal(hold(1, 2), 0);
  assert.equal(hold(1, 1), 0);
});

test('a hold starts only with a peer and no successor working, and ends on either of them', () => {
  const s = new StandDown();
  assert.deepEqual(s.poll(0, 100, false, false), { successorWorked: false, afterMs: 0 }, 'alone: release at once');
  assert.deepEqual(s.poll(0, 100, true, true), { successorWorked: true, afterMs: 0 }, 'the successor already works');
  assert.equal(s.poll(10, 100, false, true), null);
  assert.equal(s.holding, true);
  assert.equal(s.deadline, 110);
  assert.equal(s.poll(50, 100, false, true), null);
  assert.deepEqual(s.poll(52, 100, true, true), { successorWorked: true, afterMs: 42 });
  assert.equal(s.holding, false);
  assert.equal(s.deadline, Number.POSITIVE_INFINITY);
  assert.equal(s.poll(200, 100, false, true), null);
  assert.deepEqual(s.poll(300, 100, false, true), { successorWorked: false, afterMs: 100 }, 'timed out');
  assert.equal(s.poll(400, 100, false, true), null);
  s.cancel();
  assert.equal(s.holding, false);
});
