/**
 * Several Cluster instances exchanging adverts over a fake network driven by a fake clock:
 * the election between real peers, failure, return, graceful leave, split brain and healing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { seededRandom as prng } from '../../lib/seeded-random.testkit.js';
import type { ClusterEvent } from './cluster.js';
import { FakeNet } from './net.fake.js';

const HOLD = 5000;
const LOST_AFTER = 1200;
const MARGIN = 300_000;

function net(): { clock: FakeClock; n: FakeNet } {
  const clock = new FakeClock(0);
  return { clock, n: new FakeNet(clock) };
}

function states(events: readonly ClusterEvent[]): string[] {
  return events.flatMap((e) => (e.kind === 'state' ? [`${e.from}->${e.to}: ${e.reason}`] : []));
}

/** Every running unit agrees on one primary, which is the only unit in `work`. */
function assertOnePrimary(n: FakeNet, serials: readonly string[], primary: string): void {
  assert.deepEqual(n.working(), [primary]);
  for (const s of serials) assert.equal(n.cluster(s).primary(), primary, `${s} believes ${n.cluster(s).primary()}`);
}

test('override disabled, ages within the margin: the higher priority is primary', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 200 } });
  n.run(1000);
  n.add('B', { settings: { priority: 100 } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  assert.equal(n.cluster('B').state, 'standby');
  assert.deepEqual(states(n.events('B')), [
    'hello->standby: hello-holddown 5 s expired: A is selected as the primary because it has the highest priority',
  ]);
  assert.equal(n.view('A').alone, false);
});

test('override disabled: a unit started long before wins despite its lower priority', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 50 } });
  n.run(MARGIN + 60_000);
  n.add('B', { settings: { priority: 250 } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  assert.deepEqual(states(n.events('B')), [
    'hello->standby: hello-holddown 5 s expired: A is selected as the primary because it has the largest value of uptime',
  ]);
  assert.deepEqual(states(n.events('A')), [
    'hello->work: hello-holddown 5 s expired: A is selected as the primary because it is the only member of the cluster',
  ]);
});

test('override enabled: the higher priority takes the role from an older primary', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 50, override: true } });
  n.run(MARGIN + 60_000);
  n.events('A');
  n.add('B', { settings: { priority: 250, override: true } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'B');
  assert.deepEqual(states(n.events('A')), [
    'work->standby: B: left hello: B is selected as the primary because it has the highest priority',
  ]);
});

test('primary lost: the secondary works exactly lostAfter + 1 ms after its last heartbeat', () => {
  const { clock, n } = net();
  n.add('A', { settings: { priority: 200 } });
  n.add('B');
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  n.run(50);
  n.events('B');
  n.crash('A');
  const heardAt = clock.nowMs() - (n.view('B').members[1]?.lastHeardAgoMs ?? Number.NaN);
  assert.ok(heardAt <= clock.nowMs());
  n.runUntil(heardAt + LOST_AFTER);
  assert.equal(n.cluster('B').state, 'standby', 'lostAfter of silence is not yet loss');
  n.runUntil(heardAt + LOST_AFTER + 1);
  assert.equal(n.cluster('B').state, 'work');
  assert.equal(n.cluster('B').stateSinceMs, heardAt + LOST_AFTER + 1);
  const e = n.events('B');
  assert.deepEqual(
    e.filter((x) => x.kind !== 'state'),
    [
      { kind: 'lost', serial: 'A', reason: 'no heartbeat on any link for more than 1200 ms' },
      { kind: 'elected', primary: 'B', reason: 'B is selected as the primary because it is the only member of the cluster' },
    ],
  );
  assert.deepEqual(states(e), [
    'standby->work: A lost: B is selected as the primary because it is the only member of the cluster',
  ]);
  assert.equal(n.view('B').alone, true);
});

for (const override of [false, true]) {
  test(`the old primary returns with age 0: override ${override ? 'enabled: it takes the role back' : 'disabled: no flap back'}`, () => {
    const { n } = net();
    n.add('A', { settings: { priority: 200, override } });
    n.add('B', { settings: { priority: 100, override } });
    n.run(MARGIN + 60_000);
    assertOnePrimary(n, ['A', 'B'], 'A');
    n.crash('A');
    n.run(LOST_AFTER + 1000);
    assertOnePrimary(n, ['B'], 'B');
    n.events('B');
    n.add('A', { settings: { priority: 200, override } });
    n.run(HOLD - 1);
    assert.equal(n.cluster('A').state, 'hello');
    assert.equal(n.cluster('B').state, 'work', 'a unit in hello never takes the role');
    assert.equal(n.view('B').alone, false, 'a returning peer ends "alone"');
    n.run(2000);
    if (override) {
      assertOnePrimary(n, ['A', 'B'], 'A');
      assert.deepEqual(states(n.events('B')), [
        'work->standby: A: left hello: A is selected as the primary because it has the highest priority',
      ]);
    } else {
      assertOnePrimary(n, ['A', 'B'], 'B');
      assert.deepEqual(states(n.events('B')), []);
      assert.match(n.view('A').election?.reason ?? '', /B is selected as the primary because it has the largest value of uptime/);
    }
  });
}

test('a graceful leave hands over at once, without waiting for loss', () => {
  const { clock, n } = net();
  n.add('A', { settings: { priority: 200 } });
  n.add('B');
  n.run(HOLD + 2000);
  n.events('B');
  n.run(77);
  const t = clock.nowMs();
  n.shutdown('A');
  n.run(0);
  assert.equal(n.cluster('B').state, 'work');
  assert.equal(n.cluster('B').stateSinceMs, t);
  assert.deepEqual(states(n.events('B')), [
    'standby->work: A left: B is selected as the primary because it is the only member of the cluster',
  ]);
});

test('losing one of two heartbeat links is not losing the peer', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 200 } });
  n.add('B');
  n.run(HOLD + 2000);
  n.events('A');
  n.events('B');
  n.cut('ha1');
  n.run(10_000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  assert.deepEqual(n.events('A'), []);
  assert.deepEqual(n.events('B'), []);
  const peer = n.view('B').members[1];
  assert.equal(peer?.serial, 'A');
  assert.deepEqual(peer?.links, ['ha2']);
  n.restore('ha1');
  n.run(200);
  assert.deepEqual(n.view('B').members[1]?.links, ['ha1', 'ha2']);
});

test('our own 5 s stall is not blamed on the primary: the secondary does not take over', () => {
  for (const dropFrames of [true, false]) {
    const { n } = net();
    n.add('A', { settings: { priority: 200 } });
    n.add('B');
    n.run(HOLD + 2000);
    n.events('A');
    n.events('B');
    n.freeze('B', 5000, dropFrames);
    n.run(5000 + 3000);
    assertOnePrimary(n, ['A', 'B'], 'A');
    const e = n.events('B');
    assert.deepEqual(states(e), [], `dropFrames=${dropFrames}`);
    assert.equal(e.filter((x) => x.kind === 'stall').length, 1);
    assert.deepEqual(
      e.filter((x) => x.kind === 'lost'),
      [],
    );
    // A, which did not stall, rightly lost B meanwhile and got it back.
    const a = n.events('A').map((x) => x.kind);
    assert.deepEqual(
      a.filter((k) => k === 'lost' || k === 'joined'),
      ['lost', 'joined'],
    );
  }
});

test('split brain: every link lost makes both work and alone; healing leaves exactly one', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 100 } });
  n.add('B', { settings: { priority: 200 } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'B');
  n.cut('ha1');
  n.cut('ha2');
  n.run(LOST_AFTER + 500);
  assert.deepEqual(n.working(), ['A', 'B']);
  assert.equal(n.view('A').alone, true);
  assert.equal(n.view('B').alone, true);
  n.events('A');
  n.restore('ha2');
  n.run(1000);
  assertOnePrimary(n, ['A', 'B'], 'B');
  assert.equal(n.view('A').alone, false);
  assert.deepEqual(states(n.events('A')), [
    'work->standby: B joined: B is selected as the primary because it has the highest priority',
  ]);
});

test('split brain with 3 units: every partition elects its own primary; healing leaves exactly one', () => {
  const { n } = net();
  const all = ['A', 'B', 'C'];
  n.add('A', { settings: { priority: 100 } });
  n.add('B', { settings: { priority: 150 } });
  n.add('C', { settings: { priority: 120 } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, all, 'B');
  n.partition([['A', 'C'], ['B']]);
  n.run(LOST_AFTER + 500);
  assert.deepEqual(n.working(), ['B', 'C']);
  assert.equal(n.view('B').alone, true);
  assert.equal(n.view('A').alone, false, 'A still has C');
  n.partition([['A'], ['B'], ['C']]);
  n.run(LOST_AFTER + 500);
  assert.deepEqual(n.working(), all);
  n.heal();
  n.run(1000);
  assertOnePrimary(n, all, 'B');
});

test('split brain with 4 units, pairs and singles, heals to exactly one primary', () => {
  const { n } = net();
  const all = ['A', 'B', 'C', 'D'];
  for (const [s, p] of [
    ['A', 10],
    ['B', 40],
    ['C', 30],
    ['D', 20],
  ] as const) {
    n.add(s, { settings: { priority: p } });
    n.run(333);
  }
  n.run(HOLD + 2000);
  assertOnePrimary(n, all, 'B');
  n.partition([
    ['A', 'B'],
    ['C', 'D'],
  ]);
  n.run(LOST_AFTER + 500);
  assert.deepEqual(n.working(), ['B', 'C']);
  n.partition([['A'], ['B'], ['C'], ['D']]);
  n.run(LOST_AFTER + 500);
  assert.deepEqual(n.working(), all);
  n.partition([['A', 'D'], ['B'], ['C']]);
  n.run(1000);
  assert.deepEqual(n.working(), ['B', 'C', 'D']);
  n.heal();
  n.run(1000);
  assertOnePrimary(n, all, 'B');
  for (const s of all) assert.equal(n.view(s).members.length, 4);
});

test('a monitored port failure moves the role, and its age reset keeps it moved', () => {
  const { clock, n } = net();
  n.add('A', { settings: { priority: 200, monitor: ['port1'] } });
  n.add('B', { settings: { monitor: ['port1'] } });
  n.cluster('A').setMonitor(1, 1, 0);
  n.cluster('B').setMonitor(1, 1, 0);
  n.run(MARGIN + 60_000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  n.cluster('A').setMonitor(0, 1, clock.nowMs());
  n.run(1000);
  assertOnePrimary(n, ['A', 'B'], 'B');
  assert.match(n.view('A').election?.reason ?? '', /most connected monitored ports/);
  n.cluster('A').setMonitor(1, 1, clock.nowMs());
  n.run(1000);
  assertOnePrimary(n, ['A', 'B'], 'B');
  assert.match(n.view('A').election?.reason ?? '', /B is selected as the primary because it has the largest value of uptime/);
});

test('execute ha failover set on the primary moves the role; unset lets it back per the rules', () => {
  const { clock, n } = net();
  n.add('A', { settings: { priority: 200, override: true } });
  n.add('B', { settings: { override: true } });
  n.run(HOLD + 2000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  n.cluster('A').setFailover(true, clock.nowMs());
  n.run(500);
  assertOnePrimary(n, ['A', 'B'], 'B');
  assert.match(n.view('B').election?.reason ?? '', /the other units have failover set/);
  n.cluster('A').setFailover(false, clock.nowMs());
  n.run(500);
  assertOnePrimary(n, ['A', 'B'], 'A');
});

test('ages that differ by the margin and 300 ms: both units rank them alike, with no dual primary', () => {
  // A is older than B by the margin + 300 ms. From A's adverts alone (whole seconds) B could
  // find them equal (priority: B) while A finds itself older (age: A); dated by their
  // tick-overs (peer-ages.ts), both see A older.
  const { clock, n } = net();
  n.latencyMs = 0.3;
  n.add('A', { settings: { priority: 100 } });
  n.run(10_000);
  n.add('B', { settings: { priority: 200 } });
  n.run(20_123);
  n.cluster('A').resetUptime(clock.nowMs());
  n.run(MARGIN + 300);
  n.cluster('B').resetUptime(clock.nowMs());
  n.run(5000);
  n.cut('ha1');
  n.cut('ha2');
  n.run(3000);
  assert.deepEqual(n.working(), ['A', 'B']);
  n.events('A');
  n.events('B');
  n.heal();
  n.run(3000);
  assertOnePrimary(n, ['A', 'B'], 'A');
  const settled = [...n.events('A'), ...n.events('B')].filter((e) => e.kind === 'state' && e.reason.startsWith('dual primary'));
  assert.deepEqual(settled, [], 'no disagreement to settle');
});

test('random partitions, cuts and stalls of 4 units always heal to one agreed primary', () => {
  const all = ['A', 'B', 'C', 'D'];
  for (const seed of [1, 2, 3, 4, 5]) {
    const rnd = prng(seed);
    const { n } = net();
    // Boot times far from the margin apart, so the age rule is never borderline.
    n.add('A', { settings: { priority: 100 + Math.floor(rnd() * 3) } });
    n.run(20_000);
    n.add('B', { settings: { priority: 100 + Math.floor(rnd() * 3) } });
    n.run(MARGIN + 100_000);
    n.add('C', { settings: { priority: 100 + Math.floor(rnd() * 3) } });
    n.run(40_000);
    n.add('D', { settings: { priority: 100 + Math.floor(rnd() * 3) } });
    n.run(HOLD + 2000);
    const expected = n.working();
    assert.equal(expected.length, 1, `seed ${seed}: ${expected}`);
    for (let round = 0; round < 25; round++) {
      const r = rnd();
      if (r < 0.4) {
        const groups: string[][] = [[], [], []];
        for (const s of all) groups[Math.floor(rnd() * 3)]?.push(s);
        n.partition(groups.filter((g) => g.length > 0));
      } else if (r < 0.6) {
        n.cut(rnd() < 0.5 ? 'ha1' : 'ha2');
      } else if (r < 0.8) {
        n.freeze(all[Math.floor(rnd() * 4)] ?? 'A', 500 + Math.floor(rnd() * 4000), rnd() < 0.5);
      } else {
        n.heal();
      }
      n.run(200 + Math.floor(rnd() * 3000));
    }
    n.heal();
    n.run(6000);
    // Not necessarily the first primary: one that stalled while another took over rejoined
    // with its age reset (Cluster.resumeFromStall).
    const primary = n.working();
    assert.equal(primary.length, 1, `seed ${seed}: ${primary}`);
    assertOnePrimary(n, all, primary[0] ?? '');
    for (const s of all) assert.equal(n.view(s).members.length, 4, `seed ${seed}: ${s} sees everyone`);
  }
});

test('cold start: the unit whose holddown ends first waits for the winner still in hello, never working', () => {
  const { n } = net();
  n.add('A', { settings: { priority: 200 } });
  n.run(300);
  n.add('B', { settings: { priority: 100 } });
  n.run(50);
  n.add('C', { settings: { priority: 100 } });
  n.run(2 * HOLD);
  assertOnePrimary(n, ['A', 'B', 'C'], 'A');
  // B and C end their holddown after A here; the interesting order is the reverse, below.
  for (const s of ['A', 'B', 'C']) assert.equal(states(n.events(s)).length, 1, `${s}: ${states(n.events(s))}`);
});

test('cold start: a lower-priority unit leaving hello first does not work for an instant', () => {
  const { n } = net();
  n.add('B', { settings: { priority: 100 } });
  n.run(300);
  n.add('A', { settings: { priority: 200 } });
  n.run(HOLD - 300 + 100);
  assert.equal(n.cluster('B').state, 'hello', 'B waits for A, which would win, to leave hello');
  n.run(2 * HOLD);
  assertOnePrimary(n, ['A', 'B'], 'A');
  assert.deepEqual(states(n.events('B')), [
    'hello->standby: hello-holddown 5 s expired; A: left hello: A is selected as the primary because it has the highest priority',
  ]);
});

test('cold start: the wait for a negotiating winner lasts at most one more holddown', () => {
  const { n } = net();
  n.add('B', { settings: { priority: 100 } });
  n.add('A', { settings: { priority: 200, helloHolddownS: 60 } });
  n.run(2 * HOLD - 1);
  assert.equal(n.cluster('B').state, 'hello');
  n.run(2);
  assert.equal(n.cluster('B').state, 'work', 'B serves after twice its own holddown');
  n.run(60_000);
  assertOnePrimary(n, ['A', 'B'], 'A');
});
