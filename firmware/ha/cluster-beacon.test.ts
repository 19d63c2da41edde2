/**
 * Data-port beacons and failover-hold-time on the fake network (hb 200 ms × 6: lost after
 * 1200 ms; a beacon every 500 ms, a rival counts for 1700 ms after its last beacon).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import type { HaSettings } from '../config/ha-settings.js';
import type { ClusterEvent } from './cluster.js';
import { FakeNet } from './net.fake.js';

const HOLD = 5000;
const LOST_AFTER = 1200;
const INTERVAL = 200;
const BEACON_EXPIRE = 1700;

function pair(over: Partial<HaSettings> = {}): { clock: FakeClock; n: FakeNet } {
  const clock = new FakeClock(0);
  const n = new FakeNet(clock);
  n.add('A', { settings: { priority: 200, dataBeaconDev: ['port1'], ...over } });
  n.add('B', { settings: { priority: 100, dataBeaconDev: ['port1'], ...over } });
  n.run(HOLD + 2000);
  assert.deepEqual(n.working(), ['A']);
  n.events('A');
  n.events('B');
  return { clock, n };
}

/** Runs `ms` in 10 ms steps, failing if two units ever work at once. */
function runOneForwarder(n: FakeNet, ms: number): void {
  for (let t = 0; t < ms; t += 10) {
    n.run(10);
    assert.ok(n.working().length <= 1, `two units work at once: ${n.working().join(', ')}`);
  }
}

const states = (events: readonly ClusterEvent[]) =>
  events.flatMap((e) => (e.kind === 'state' ? [`${e.from}->${e.to}: ${e.reason}`] : []));
const beaconEvents = (events: readonly ClusterEvent[]) => events.filter((e) => e.kind === 'beacon');

test('every heartbeat link cut while the data network is whole: the secondary never takes over', () => {
  const { n } = pair();
  n.cut('ha1');
  n.cut('ha2');
  runOneForwarder(n, 10_000);
  assert.deepEqual(n.working(), ['A']);
  const b = n.events('B');
  assert.deepEqual(states(b), [], 'B stayed in standby');
  assert.deepEqual(beaconEvents(b), [{ kind: 'beacon', serial: 'A', port: 'port1', seen: true }]);
  assert.ok(
    b.some((e) => e.kind === 'lost' && e.serial === 'A'),
    'its heartbeats were lost',
  );
  assert.match(n.view('B').election?.reason ?? '', /A is selected as the primary because it has the highest priority/);
  n.restore('ha1');
  runOneForwarder(n, 2000);
  assert.deepEqual(beaconEvents(n.events('B')), [{ kind: 'beacon', serial: 'A', port: 'port1', seen: false }]);
  assert.equal(n.view('B').beaconRivals.length, 0, 'a member is judged by its heartbeats');
});

test('heartbeat links and data network cut: a split brain, settled as soon as the data network heals', () => {
  const { n } = pair();
  for (const link of ['ha1', 'ha2', 'port1']) n.cut(link);
  n.run(LOST_AFTER + 2 * INTERVAL);
  assert.deepEqual(n.working(), ['A', 'B'], 'nothing can tell them apart');
  n.events('B');
  n.restore('port1');
  n.run(500 + 50);
  assert.deepEqual(n.working(), ['A']);
  const b = states(n.events('B'));
  assert.equal(b.length, 1);
  assert.match(b[0] ?? '', /^work->standby: A is primary, seen on data port port1 without heartbeats: A is selected/);
  runOneForwarder(n, 5000);
});

test('a primary that loses power is taken over as fast as without beacons', () => {
  const { clock, n } = pair();
  const crashAt = clock.nowMs();
  n.crash('A');
  n.run(LOST_AFTER + INTERVAL + 10);
  assert.deepEqual(n.working(), ['B']);
  const took = n.events('B').find((e) => e.kind === 'state' && e.to === 'work');
  assert.ok(took, 'B took over');
  assert.ok(clock.nowMs() - crashAt <= LOST_AFTER + INTERVAL + 10);
});

test('heartbeat links cut, then the primary dies: taken over once its beacons stop counting', () => {
  const { clock, n } = pair();
  n.cut('ha1');
  n.cut('ha2');
  runOneForwarder(n, 3000);
  const crashAt = clock.nowMs();
  n.crash('A');
  n.run(BEACON_EXPIRE + INTERVAL);
  assert.deepEqual(n.working(), ['B'], `B works ${clock.nowMs() - crashAt} ms after the crash`);
  assert.match(states(n.events('B')).join('\n'), /standby->work: A no longer seen primary on the data ports/);
});

test('a unit without beacons ignores them; a beacon of an incompatible unit is ignored', () => {
  const { n } = pair({ dataBeaconDev: [] });
  n.cut('ha1');
  n.cut('ha2');
  n.run(LOST_AFTER + 2 * INTERVAL);
  assert.deepEqual(n.working(), ['A', 'B'], 'no beacons: a split brain, as before');
  const c = n.cluster('B');
  c.beacon('Z', 'port1', { ...n.cluster('A').advert(0), groupName: 'other', state: 'work', primary: 'Z', priority: 255 }, 20_000);
  assert.equal(c.view(20_000).beaconRivals.length, 0);
});

test('failover-hold-time: the primary keeps the role for the hold, the winner waits, never two at once', () => {
  const { clock, n } = pair({ override: true, failoverHoldTimeS: 60 });
  n.crash('A');
  n.run(LOST_AFTER + INTERVAL + 10);
  assert.deepEqual(n.working(), ['B'], 'taking over from nobody is never held');
  const tookAt = n.cluster('B').stateSinceMs;
  n.add('A', { settings: { priority: 200, dataBeaconDev: ['port1'], override: true, failoverHoldTimeS: 60 } });
  runOneForwarder(n, HOLD + 10_000);
  assert.deepEqual(n.working(), ['B'], 'B holds the role');
  assert.ok(n.events('A').some((e) => e.kind === 'held' && e.to === 'work'));
  assert.ok(n.events('B').some((e) => e.kind === 'held' && e.to === 'standby'));
  assert.equal(n.view('B').held?.to, 'standby');
  n.runUntil(tookAt + 60_000 - 100);
  assert.deepEqual(n.working(), ['B']);
  runOneForwarder(n, 1000);
  assert.deepEqual(n.working(), ['A'], 'the hold has passed: A takes the role back');
  assert.match(states(n.events('A')).join('\n'), /standby->work: B handed over/);
  // Right after that failover, a primary lost is still taken over at once.
  const crashAt = clock.nowMs();
  n.crash('A');
  n.run(LOST_AFTER + INTERVAL + 10);
  assert.deepEqual(n.working(), ['B'], `${clock.nowMs() - crashAt} ms after the crash`);
});

test('heartbeat links cut while the data network is whole, ages 60 ms apart with a 1 s margin: never two at once', () => {
  // B is the elder by 60 ms; A wins on priority, the ages being equal within the margin. From
  // A's adverts alone (whole seconds) B would find itself 1 s older whenever A's last advert
  // before the cut was sent late in A's second, and take over (peer-ages.ts). The cut is tried
  // at every phase of A's second, 30 ms apart.
  const clock = new FakeClock(0);
  const n = new FakeNet(clock);
  const settings = { dataBeaconDev: ['port1'], uptimeDiffMarginS: 1 };
  n.add('A', { settings: { priority: 200, ...settings } });
  n.add('B', { settings: { priority: 100, ...settings } });
  n.run(HOLD + 2000);
  assert.deepEqual(n.working(), ['A']);
  for (let phase = 0; phase < 1000; phase += 30) {
    n.cluster('B').resetUptime(clock.nowMs());
    n.run(60);
    n.cluster('A').resetUptime(clock.nowMs());
    n.events('B');
    // Past A's next tick-over, which B dates (an age reset drops what B knew).
    runOneForwarder(n, 1500 + phase);
    n.cut('ha1');
    n.cut('ha2');
    runOneForwarder(n, LOST_AFTER + 300);
    n.restore('ha1');
    n.restore('ha2');
    runOneForwarder(n, 1000);
    assert.deepEqual(states(n.events('B')), [], `phase ${phase}: B stayed in standby`);
  }
});
