/**
 * The session-pickup-delay gate on a fake clock: what it holds, what it sends and exactly when,
 * for sessions seen opening (events) and sessions a resync's dump finds (by the kernel's start
 * time), and what it forgets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import type { CtSession } from '../../hal/conntrack/index.js';
import { DELAY_MS, DelayGate, MAX_HELD } from './delay.js';
import { sessionOf } from './session-churn.testkit.js';
import { encodeSession } from './session-codec.js';
import { encodeRecord } from './sync-frames.js';

const text = new TextDecoder();

function gate() {
  const clock = new FakeClock(1000);
  const sent: string[] = [];
  const state = { dumping: false };
  const g = new DelayGate(
    (record) => sent.push(record.length < 16 ? text.decode(record) : `dump:${Buffer.from(record).toString('hex')}`),
    () => state.dumping,
  );
  /** Moves the clock to `ms` after the start and ticks the gate there. */
  const tickAt = (ms: number) => {
    clock.advanceTo(1000 + ms);
    g.at(clock.nowMs(), clock.wallMs());
    g.tick();
  };
  g.at(clock.nowMs(), clock.wallMs());
  return { clock, sent, state, g, tickAt };
}

/** A record the test can read back: its label. */
const rec = (label: string): Uint8Array => new TextEncoder().encode(label);

/** Session `n`, started `ageMs` before the clock's now as the kernel stamps it (null: unstamped). */
function aged(clock: FakeClock, n: number, ageMs: number | null): CtSession {
  return { ...sessionOf('tcp', n), startWallMs: ageMs === null ? 0 : clock.wallMs() - ageMs };
}

/** What the gate sends for a dumped session: its record. */
const dumpedRecord = (s: CtSession): string => `dump:${Buffer.from(encodeRecord(encodeSession(s))).toString('hex')}`;

test('a session that ends before 30 s sends nothing: no create, no change, no delete', () => {
  const { g, sent, tickAt } = gate();
  const s = sessionOf('tcp', 1);
  assert.equal(g.opened(s, rec('open')), true);
  tickAt(10_000);
  assert.equal(g.changed(s, rec('change')), true);
  tickAt(29_000);
  assert.equal(g.ended(s), true);
  tickAt(60_000);
  assert.deepEqual(sent, []);
  assert.deepEqual(g.counters, { held: 0, released: 0, endedYoung: 1, releasedEarly: 0 });
  assert.equal(g.nextDueAt(), Number.POSITIVE_INFINITY);
});

test('a session living 30 s is sent once, in its newest state, exactly at 30 s; then it is live', () => {
  const { g, sent, tickAt } = gate();
  const s = sessionOf('tcp', 1);
  g.opened(s, rec('open'));
  tickAt(5_000);
  g.changed(s, rec('established'));
  assert.equal(g.nextDueAt(), 1000 + DELAY_MS);
  tickAt(DELAY_MS - 1);
  assert.deepEqual(sent, []);
  assert.equal(g.counters.held, 1);
  tickAt(DELAY_MS);
  assert.deepEqual(sent, ['established']);
  tickAt(DELAY_MS + 10_000);
  assert.deepEqual(sent, ['established'], 'once');
  assert.equal(g.changed(s, rec('fin')), false, 'changes go live');
  assert.equal(g.ended(s), false, 'and so does the delete');
  assert.deepEqual(g.counters, { held: 0, released: 1, endedYoung: 0, releasedEarly: 0 });
});

test('events of sessions the gate does not hold pass: sessions older than the watch', () => {
  const { g } = gate();
  const s = sessionOf('udp', 7);
  assert.equal(g.changed(s, rec('change')), false);
  assert.equal(g.ended(s), false);
  assert.equal(g.counters.held, 0);
});

test('a dump holds young sessions until 30 s after their kernel start, in due order; old and unstamped ones go in the bulk', () => {
  const { g, clock, sent, tickAt } = gate();
  const a = sessionOf('tcp', 1);
  g.opened(a, rec('a')); // due at 30 s
  tickAt(10_000);
  const b = aged(clock, 2, 25_000); // due at 15 s: behind a in arrival, ahead of it in due
  const c = aged(clock, 3, 1_000); // due at 39 s
  const old = aged(clock, 4, 40_000);
  const unstamped = aged(clock, 5, null);
  assert.equal(g.dumped(b, encodeSession(b)), true);
  assert.equal(g.dumped(c, encodeSession(c)), true);
  assert.equal(g.dumped(old, encodeSession(old)), false, 'older than 30 s: in the bulk');
  assert.equal(g.dumped(unstamped, encodeSession(unstamped)), false, 'no start time: counted old');
  assert.equal(g.dumped({ ...a, startWallMs: clock.wallMs() - 10_000 }, encodeSession(a)), true, 'held already');
  assert.equal(g.counters.held, 3);
  assert.equal(g.nextDueAt(), 1000 + 15_000);
  tickAt(14_999);
  assert.deepEqual(sent, []);
  tickAt(15_000);
  assert.deepEqual(sent, [dumpedRecord(b)]);
  tickAt(30_000);
  assert.deepEqual(sent, [dumpedRecord(b), 'a'], 'a in its event state, not the dump record');
  assert.equal(g.nextDueAt(), 1000 + 39_000);
  tickAt(39_000);
  assert.deepEqual(sent, [dumpedRecord(b), 'a', dumpedRecord(c)]);
  assert.deepEqual(g.counters, { held: 0, released: 3, endedYoung: 0, releasedEarly: 0 });
});

test('a dump-held session takes its events like any other: changed, then ended young', () => {
  const { g, clock, sent, tickAt } = gate();
  const s = aged(clock, 1, 20_000);
  const t = aged(clock, 2, 20_000);
  g.dumped(s, encodeSession(s));
  g.dumped(t, encodeSession(t));
  assert.equal(g.changed(s, rec('s changed')), true);
  assert.equal(g.ended(t), true);
  tickAt(10_000);
  assert.deepEqual(sent, ['s changed']);
  assert.deepEqual(g.counters, { held: 0, released: 1, endedYoung: 1, releasedEarly: 0 });
});

test("while a dump reads, a young session's end is remembered: the dump's stale record of it is dropped, then forgotten", () => {
  const { g, clock, state, sent, tickAt } = gate();
  state.dumping = true;
  const held = sessionOf('tcp', 1);
  g.opened(held, rec('held'));
  const stale = { ...held, startWallMs: clock.wallMs() };
  tickAt(2_000);
  assert.equal(g.ended(held), true);
  assert.equal(g.dumped(stale, encodeSession(stale)), true, 'read before the end, filtered after it: not held again');
  tickAt(40_000);
  assert.equal(g.dumped(stale, encodeSession(stale)), true, 'nor sent in the bulk once it would count as old');
  // Young, never seen opening (made before the watch): its delete goes, and the dump drops it too.
  const unseen = aged(clock, 2, 5_000);
  assert.equal(g.ended(unseen), false);
  assert.equal(g.dumped(unseen, encodeSession(unseen)), true);
  const old = aged(clock, 3, 50_000);
  assert.equal(g.ended(old), false);
  assert.equal(g.dumped(old, encodeSession(old)), false, 'an old session is in the bulk: its delete wins on the secondary');
  // The tuple opens again: held afresh.
  assert.equal(g.opened(held, rec('again')), true);
  assert.equal(g.counters.held, 1);
  // No dump reads any more: the memory goes with the next tick.
  state.dumping = false;
  tickAt(41_000);
  assert.equal(g.dumped(unseen, encodeSession(unseen)), true, 'young: held from the dump now');
  tickAt(100_000);
  assert.deepEqual(sent, ['again', dumpedRecord(unseen)]);
});

test('full: the longest held session is sent early to make room', () => {
  const { g, sent, tickAt } = gate();
  for (let n = 0; n < MAX_HELD; n++) g.opened(sessionOf('tcp', n), rec(`s${n}`));
  assert.deepEqual(sent, []);
  assert.equal(g.opened(sessionOf('udp', 0), rec('one more')), true);
  assert.deepEqual(sent, ['s0']);
  assert.deepEqual(g.counters, { held: MAX_HELD, released: 0, endedYoung: 0, releasedEarly: 1 });
  tickAt(DELAY_MS);
  assert.equal(sent.length, MAX_HELD + 1);
  assert.equal(sent.at(-1), 'one more');
  assert.equal(g.counters.released, MAX_HELD);
});

test('a start in the future (the wall clock was set back) holds the session 30 s, no longer', () => {
  const { g, clock, sent, tickAt } = gate();
  const s = aged(clock, 1, -3_600_000);
  assert.equal(g.dumped(s, encodeSession(s)), true);
  assert.equal(g.nextDueAt(), clock.nowMs() + DELAY_MS);
  tickAt(DELAY_MS);
  assert.deepEqual(sent, [dumpedRecord(s)]);
});

test('clear forgets every held session and every remembered end', () => {
  const { g, clock, state, sent, tickAt } = gate();
  state.dumping = true;
  const a = sessionOf('tcp', 1);
  const b = aged(clock, 2, 10_000);
  const gone = sessionOf('tcp', 3);
  g.opened(a, rec('a'));
  g.dumped(b, encodeSession(b));
  g.opened(gone, rec('gone'));
  g.ended(gone);
  g.clear();
  assert.equal(g.counters.held, 0);
  assert.equal(g.nextDueAt(), Number.POSITIVE_INFINITY);
  const again = { ...gone, startWallMs: clock.wallMs() };
  assert.equal(g.dumped(again, encodeSession(again)), true, 'held from the dump: its end is forgotten');
  tickAt(DELAY_MS);
  assert.deepEqual(sent, [dumpedRecord(again)]);
});
