/** Bringing link events forward: what the main process asks the kernel, and when. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { E, HalError } from '../../hal/errors.js';
import type { LinkEvent } from '../../hal/nic/index.js';
import { FakeTimers } from '../time/timers.fake.js';
import { LinkEventFlush, POLL_MS, WINDOW_MS } from './link-flush.js';

function setUp(gone: string[] = []) {
  const timers = new FakeTimers(new FakeClock());
  const asked: { atMs: number; ifname: string }[] = [];
  const nic = {
    linkState(ifname: string): LinkEvent {
      asked.push({ atMs: timers.clock.nowMs(), ifname });
      if (gone.includes(ifname)) throw new HalError(`nic ${ifname}`, 'linkState: RTM_GETLINK', E.ENODEV, 'No such device');
      return { ifname, ifindex: 2, up: true, carrier: true };
    },
  };
  return { timers, asked, flush: new LinkEventFlush(nic, timers) };
}

test('after a link event the watched ports are asked for every poll period, for the window, then no more', () => {
  const { timers, asked, flush } = setUp();
  flush.watch(['ha1', 'port2']);
  timers.advance(5000);
  assert.equal(asked.length, 0, 'nothing without a link event');
  flush.nudge();
  timers.advance(POLL_MS);
  assert.deepEqual(asked, [
    { atMs: 5000 + POLL_MS, ifname: 'ha1' },
    { atMs: 5000 + POLL_MS, ifname: 'port2' },
  ]);
  timers.advance(5000);
  const last = asked.at(-1)?.atMs ?? 0;
  assert.ok(last >= 5000 + WINDOW_MS && last < 5000 + WINDOW_MS + POLL_MS, `last asked at ${last}`);
  assert.equal(asked.length, 2 * Math.ceil(WINDOW_MS / POLL_MS));
});

test('another link event in the window extends it from that event', () => {
  const { timers, asked, flush } = setUp();
  flush.watch(['ha1']);
  flush.nudge();
  timers.advance(600);
  flush.nudge();
  timers.advance(5000);
  const last = asked.at(-1)?.atMs ?? 0;
  assert.ok(last >= 600 + WINDOW_MS, `last asked at ${last}, before the window from the second event ended`);
  assert.equal(new Set(asked.map((a) => a.atMs)).size, asked.length, 'one poll at a time');
});

test('a port that is gone is skipped, the others still asked; nothing watched, nothing asked', () => {
  const { timers, asked, flush } = setUp(['ha1']);
  flush.nudge();
  timers.advance(100);
  assert.equal(asked.length, 0, 'no port watched');
  flush.watch(['ha1', 'ha2']);
  flush.nudge();
  timers.advance(POLL_MS);
  assert.deepEqual(
    asked.map((a) => a.ifname),
    ['ha1', 'ha2'],
  );
});

test('close stops the polling', () => {
  const { timers, asked, flush } = setUp();
  flush.watch(['ha1']);
  flush.nudge();
  timers.advance(POLL_MS);
  flush.close();
  timers.advance(5000);
  assert.equal(asked.length, 1);
});
