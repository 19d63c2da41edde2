/**
 * Link events brought forward, against the real kernel: a veth pair whose two ends have the
 * same index in their namespaces, which the kernel's link-event worker treats as it treats a
 * board's own NIC (not urgent: at most one report a second). The first test holds the premise
 * (a carrier loss right after another link event is reported late), the second the remedy.
 */
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { ipJson, ipRun, kernelAvailable } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../../hal/netns.js';
import type { LinkMonitor } from '../../hal/nic/index.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { systemTimers } from '../time/timers.js';
import { LinkEventFlush } from './link-flush.js';

const clock = createLinuxClock();
let pairs = 0;

interface Pair {
  /** The far end's namespace, where the rig's switch would be. */
  far: string;
  /** The watched end's namespace: the board's. */
  near: string;
  monitor: LinkMonitor;
  flush: LinkEventFlush;
}

function pair(t: TestContext): Pair {
  const k = pairs++;
  const far = `tlff${process.pid}-${k}`;
  const near = `tlfn${process.pid}-${k}`;
  const nic = createLinuxNic();
  let monitor: LinkMonitor | null = null;
  const flush = new LinkEventFlush({ linkState: (ifname) => withNetns(near, () => nic.linkState(ifname)) }, systemTimers);
  t.after(() => {
    try {
      flush.close();
      monitor?.close();
    } finally {
      deleteNetns(far);
      deleteNetns(near);
    }
  });
  addNetns(far);
  addNetns(near);
  // Fresh namespaces: each end is the first link after lo, so both get index 2.
  ipRun(far, ['link', 'add', 'lff', 'type', 'veth', 'peer', 'name', 'lfn', 'netns', near]);
  const index = (ns: string, ifname: string) => (ipJson(ns, ['link', 'show', ifname]) as { ifindex: number }[])[0]?.ifindex;
  assert.equal(index(far, 'lff'), index(near, 'lfn'), 'both ends have the same index, as a NIC has its own');
  monitor = withNetns(near, () => nic.openLinkMonitor());
  ipRun(far, ['link', 'set', 'lff', 'up']);
  ipRun(near, ['link', 'set', 'lfn', 'up']);
  flush.watch(['lfn']);
  return { far, near, monitor, flush };
}

/** Waits up to `ms` for the monitor to report the watched end's carrier as `carrier`; returns when, or null. */
async function reported(p: Pair, carrier: boolean, ms: number): Promise<number | null> {
  const until = clock.nowMs() + ms;
  while (clock.nowMs() < until) {
    if (p.monitor.read().some((e) => e.ifname === 'lfn' && e.carrier === carrier)) return clock.nowMs();
    await sleep(2);
  }
  return null;
}

/**
 * A carrier loss right after another link event: the far end goes down and is reported (that
 * report is the link-event worker's run that opens its one-second window), comes back up (an
 * urgent report), and goes down again. Returns how long the second loss took to be reported.
 */
async function lossInTheWindow(p: Pair, nudge: boolean): Promise<number> {
  ipRun(p.far, ['link', 'set', 'lff', 'up']);
  await reported(p, true, 3000);
  ipRun(p.far, ['link', 'set', 'lff', 'down']);
  assert.ok((await reported(p, false, 3000)) !== null, 'the first loss is reported');
  ipRun(p.far, ['link', 'set', 'lff', 'up']);
  assert.ok((await reported(p, true, 3000)) !== null, 'carrier back is reported');
  const downAt = clock.nowMs();
  ipRun(p.far, ['link', 'set', 'lff', 'down']);
  if (nudge) p.flush.nudge();
  const at = await reported(p, false, 3000);
  assert.ok(at !== null, 'the second loss is reported within 3 s');
  return at - downAt;
}

test('premise: a carrier loss right after another link event of a non-urgent link is reported late', async (t) => {
  if (!kernelAvailable(t)) return;
  const lateMs = await lossInTheWindow(pair(t), false);
  t.diagnostic(`reported ${lateMs.toFixed(1)} ms after the down`);
  assert.ok(lateMs >= 400, `reported ${lateMs.toFixed(1)} ms after the down: the kernel no longer holds it back`);
});

test('nudged, the flush has the kernel report it within a few polls, and its polls report nothing else', async (t) => {
  if (!kernelAvailable(t)) return;
  const p = pair(t);
  const lateMs = await lossInTheWindow(p, true);
  t.diagnostic(`reported ${lateMs.toFixed(1)} ms after the down`);
  assert.ok(lateMs < 250, `reported ${lateMs.toFixed(1)} ms after the down`);
  // Were a poll itself reported, the worker's word of it would keep the polling going for ever.
  p.flush.nudge();
  await sleep(300);
  assert.deepEqual(p.monitor.read(), [], 'a poll with nothing pending is reported to no one');
});
