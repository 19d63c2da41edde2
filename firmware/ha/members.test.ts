import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Members } from './members.js';
import { FIXTURE_ADVERT } from './wire/frames.fixture.js';

test('a frame one second older than the advert held (it crossed a later one on the other link) is not adopted', () => {
  const m = new Members();
  const at = (ageS: number) => ({ ...FIXTURE_ADVERT, ageS, hbIntervalMs: 100 });
  m.update('B', 'ha1', at(11), 1000);
  // One late turn reads ha1 to its end, then ha2: 11 s, 12 s, then 11 s, 12 s again.
  assert.deepEqual(m.update('B', 'ha1', at(12), 1100), { joined: false, stale: false, change: null });
  assert.deepEqual(m.update('B', 'ha2', at(11), 1100), { joined: false, stale: true, change: null }, 'no age reset');
  assert.equal(m.get('B')?.advert.ageS, 12);
  assert.deepEqual(m.update('B', 'ha2', at(12), 1100), { joined: false, stale: false, change: null });
  assert.deepEqual(m.update('B', 'ha1', at(0), 1200).change, 'age reset (12 s -> 0 s)', 'a real reset still counts');
});

test('on one link, one second less is a reset (1 s -> 0 s): adopted', () => {
  const m = new Members();
  const at = (ageS: number) => ({ ...FIXTURE_ADVERT, ageS, hbIntervalMs: 100 });
  m.update('B', 'ha1', at(1), 1000);
  assert.deepEqual(m.update('B', 'ha1', at(0), 1100).change, 'age reset (1 s -> 0 s)');
  assert.equal(m.get('B')?.advert.ageS, 0);
});
