import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { gccAvailable, ipRun } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns } from '../../hal/netns.js';
import { monotonicMs } from '../processes.js';
import { allHeardDownAtMs, parseLinkChanges, startLinkFloor } from './link-floor.js';

const PRIORITY = 10;

/** A veth pair: `far` (the switch's end) in one namespace, `near` (the board's) in another, both up. */
function pair(t: TestContext): { far: string; near: string } {
  const far = `tlkf${process.pid}`;
  const near = `tlkn${process.pid}`;
  t.after(() => {
    deleteNetns(far);
    deleteNetns(near);
  });
  addNetns(far);
  addNetns(near);
  // As in the rig, the two ends get different indexes (another pair takes the first after lo here):
  // the kernel reports such a link's changes at once, and a link whose index equals its peer's at
  // most once a second (firmware/ha/link-flush.ts).
  ipRun(far, ['link', 'add', 'pad0', 'type', 'veth', 'peer', 'name', 'pad1']);
  ipRun(far, ['link', 'add', 'sw', 'type', 'veth', 'peer', 'name', 'port2', 'netns', near]);
  ipRun(far, ['link', 'set', 'sw', 'up']);
  ipRun(near, ['link', 'set', 'port2', 'up']);
  return { far, near };
}

test('the listener output: carrier losses per link in order, overruns counted, recoveries left out', () => {
  const text = 'down ha1 10.5000\nup ha1 20.0000\noverrun 21.0000\ndown ha2 25.0000\ndown ha1 30.2500\n';
  assert.deepEqual(parseLinkChanges(text), {
    downsMs: new Map([
      ['ha1', [10.5, 30.25]],
      ['ha2', [25]],
    ]),
    overruns: 1,
  });
  assert.deepEqual(parseLinkChanges(''), { downsMs: new Map(), overruns: 0 });
});

test('all links dark when the last of them was heard down after the fault; a link not heard leaves it unknown', () => {
  const changes = parseLinkChanges('down ha1 5.0000\ndown ha1 10.5000\ndown ha2 12.0000\n');
  assert.equal(allHeardDownAtMs(changes, ['ha1', 'ha2'], 10), 12);
  assert.equal(allHeardDownAtMs(changes, ['ha1'], 6), 10.5);
  assert.equal(allHeardDownAtMs(changes, ['ha1', 'ha2'], 13), null);
  assert.equal(allHeardDownAtMs(changes, ['ha1', 'port2'], 0), null);
  assert.equal(allHeardDownAtMs(null, ['ha1'], 0), null);
});

test('the listener hears a cable pulled at the far end, after the pull, on the rig clock', async (t) => {
  if (!gccAvailable(t)) return;
  const { far, near } = pair(t);
  const floor = startLinkFloor(near, ['port2', 'lo'], PRIORITY);
  await floor.ready;
  const atMs = monotonicMs();
  ipRun(far, ['link', 'set', 'sw', 'down']);
  const afterMs = monotonicMs();
  // The kernel's link-event worker reports it within milliseconds; give a busy machine half a second.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const changes = await floor.stop();
  assert.ok(changes, 'the listener ran and wrote its output');
  assert.deepEqual([...changes.downsMs.keys()], ['port2'], 'the pulled link only');
  assert.equal(changes.downsMs.get('port2')?.length, 1, `one carrier loss heard: ${[...changes.downsMs]}`);
  const heard = changes.downsMs.get('port2')?.[0] ?? 0;
  t.diagnostic(`heard ${(heard - atMs).toFixed(3)} ms after the pull began (ip took ${(afterMs - atMs).toFixed(1)} ms)`);
  assert.ok(heard >= atMs && heard < atMs + 500, `heard at ${heard}, pulled at ${atMs}`);
});

test('a listener that cannot watch its link costs the reading, not the benchmark', async (t) => {
  if (!gccAvailable(t)) return;
  const { near } = pair(t);
  const floor = startLinkFloor(near, ['port2', 'nosuch0'], PRIORITY);
  await floor.ready;
  assert.equal(await floor.stop(), null);
});
