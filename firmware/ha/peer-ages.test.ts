import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PeerAges } from './peer-ages.js';

/** A peer whose age is `startMs` at time 0, heard every `gapMs` from `fromMs` to `toMs` (its adverts in whole seconds). */
function hear(ages: PeerAges, startMs: number, gapMs: number, fromMs: number, toMs: number): void {
  for (let at = fromMs; at <= toMs; at += gapMs) ages.note('B', Math.floor((startMs + at) / 1000), gapMs, at);
}

test('without a tick-over seen, the advert alone: up to a second behind', () => {
  const ages = new PeerAges();
  ages.note('B', 9, 100, 0); // true age 9.9 s
  assert.equal(ages.ageMs('B', 9, 0, 50), 9050);
});

test('the first tick-over dates the age to half a heartbeat gap, and the estimate grows with the clock', () => {
  const ages = new PeerAges();
  hear(ages, 9_930, 100, 0, 2000);
  const at = 2000;
  const truth = 9_930 + at;
  const seen = ages.ageMs('B', Math.floor(truth / 1000), at, at + 5000);
  assert.ok(Math.abs(seen - (truth + 5000)) <= 50, `${seen} against ${truth + 5000}`);
});

test('a finer tick-over replaces a coarser one; a coarser one does not', () => {
  const ages = new PeerAges();
  hear(ages, 9_930, 400, 0, 1200); // a tick-over seen with a 400 ms gap
  hear(ages, 9_930, 10, 1210, 3000); // then 10 ms heartbeats
  const truth = 9_930 + 3000;
  assert.ok(Math.abs(ages.ageMs('B', 12, 3000, 3000) - truth) <= 5);
  hear(ages, 9_930, 900, 3900, 6600);
  assert.ok(Math.abs(ages.ageMs('B', 16, 6600, 6600) - (9_930 + 6600)) <= 5, 'kept the finer one');
});

test('the estimate outlives a gap in the frames (a loss and rejoin) while the adverts agree with it', () => {
  const ages = new PeerAges();
  hear(ages, 9_930, 10, 0, 1500);
  hear(ages, 9_930, 10, 2300, 2400); // 800 ms unheard
  assert.ok(Math.abs(ages.ageMs('B', 12, 2400, 2400) - (9_930 + 2400)) <= 5);
});

test('an advert that contradicts the estimate drops it: the age was reset', () => {
  const ages = new PeerAges();
  hear(ages, 9_930, 10, 0, 1500);
  ages.note('B', 0, 10, 1510);
  assert.equal(ages.ageMs('B', 0, 1510, 1600), 90, 'the advert alone again');
  hear(ages, -1510 + 730, 10, 1520, 3000); // age 0 at 1510 + 0.27 s, as a reset then sees it
  const truth = -1510 + 730 + 3000;
  assert.ok(Math.abs(ages.ageMs('B', Math.floor(truth / 1000), 3000, 3000) - truth) <= 5, 'dated afresh');
});

test('a frame a second behind (it crossed a later one on another path) changes nothing', () => {
  const ages = new PeerAges();
  hear(ages, 9_930, 10, 0, 1500);
  const before = ages.ageMs('B', 11, 1500, 1500);
  ages.note('B', 10, 10, 1501);
  ages.note('B', 11, 10, 1502);
  assert.equal(ages.ageMs('B', 11, 1502, 1500), before);
});

test('two units whose ages differ by 60 ms see the same difference, whatever the phase of their seconds', () => {
  for (let phase = 0; phase < 1000; phase += 37) {
    const a = new PeerAges();
    const b = new PeerAges();
    const ageA = (t: number) => 20_000 + phase + t;
    const ageB = (t: number) => 20_060 + phase + t;
    for (let t = 0; t <= 3000; t += 10) {
      a.note('B', Math.floor(ageB(t) / 1000), 10, t);
      b.note('A', Math.floor(ageA(t) / 1000), 10, t);
    }
    const diffAtA = a.ageMs('B', Math.floor(ageB(3000) / 1000), 3000, 3000) - ageA(3000);
    const diffAtB = ageB(3000) - b.ageMs('A', Math.floor(ageA(3000) / 1000), 3000, 3000);
    assert.ok(Math.abs(diffAtA - 60) <= 5 && Math.abs(diffAtB - 60) <= 5, `phase ${phase}: ${diffAtA} and ${diffAtB}`);
  }
});

test("a backlog read in one late turn dates nothing: its gap is the worker's, not the tick-over's", () => {
  const ages = new PeerAges();
  // 100 ms heartbeats; the worker stalls, then reads the frames of 9 s and 10 s at once.
  ages.note('B', 9, 100, 0);
  ages.note('B', 9, 100, 400);
  ages.note('B', 10, 100, 400);
  ages.note('B', 10, 100, 440); // a gap under half the interval: still the backlog
  assert.equal(ages.ageMs('B', 10, 440, 440), 10_000, 'the advert alone');
  hear(ages, 9_930, 100, 1000, 2200);
  assert.ok(Math.abs(ages.ageMs('B', 12, 2200, 2200) - (9_930 + 2200)) <= 50, 'dated by the next tick-over');
});
