/**
 * One Cluster fed hand-made adverts on a fake clock: exact timing of hello and loss, leave,
 * stalls, settings, the view. Several real units: cluster-net.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bench, haSettings, peerAdvert } from './net.fake.js';

const INTERVAL = 200;
const LOST_AFTER = 1200;
const HOLD = 5000;

test('hello lasts exactly hello-holddown, then the election runs', () => {
  const b = new Bench();
  b.runTo(HOLD - 1);
  assert.equal(b.c.state, 'hello');
  assert.equal(b.c.primary(), '');
  assert.equal(b.c.advert(b.clock.nowMs()).state, 'hello');
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), HOLD);
  assert.equal(b.c.view(b.clock.nowMs()).election, null);
  assert.deepEqual(b.take(), []);
  b.step(1);
  assert.equal(b.c.state, 'work');
  assert.equal(b.c.stateSinceMs, HOLD);
  assert.deepEqual(b.take(), [
    { kind: 'elected', primary: 'A', reason: 'A is selected as the primary because it is the only member of the cluster' },
    {
      kind: 'state',
      from: 'hello',
      to: 'work',
      reason: 'hello-holddown 5 s expired: A is selected as the primary because it is the only member of the cluster',
    },
  ]);
  const a = b.c.advert(HOLD);
  assert.equal(a.primary, 'A');
  assert.equal(a.ageS, 5);
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), Number.POSITIVE_INFINITY, 'nothing to wake for: no hello, no peer');
});

test('nextWakeAt is the earlier of hello end and the detector deadline', () => {
  const b = new Bench();
  b.peer('B');
  b.step();
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), INTERVAL + LOST_AFTER);
  b.peers.clear();
  b.runTo(INTERVAL + LOST_AFTER);
  assert.equal(b.c.view(b.clock.nowMs()).members.length, 2);
  b.step(1);
  assert.deepEqual(b.take('lost'), [{ kind: 'lost', serial: 'B', reason: 'no heartbeat on any link for more than 1200 ms' }]);
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), HOLD);
});

test('a peer still in hello does not stand; it does once it leaves hello', () => {
  const b = new Bench({ override: true });
  b.runTo(HOLD);
  assert.equal(b.c.state, 'work');
  b.take();
  b.peer('B', { state: 'hello', priority: 255 });
  b.step();
  assert.equal(b.c.state, 'work');
  assert.deepEqual(b.take(), [{ kind: 'joined', serial: 'B', hostname: 'host-B', link: 'ha1', hello: true }]);
  b.runTo(HOLD + 3000);
  assert.equal(b.c.state, 'work', 'a negotiating unit never takes the role');
  b.peer('B', { state: 'work', priority: 255 }, HOLD);
  b.step();
  assert.equal(b.c.state, 'standby');
  assert.equal(b.c.primary(), 'B');
  const [st] = b.take('state');
  assert.deepEqual(st, {
    kind: 'state',
    from: 'work',
    to: 'standby',
    reason: 'B: left hello: B is selected as the primary because it has the highest priority',
  });
});

test('a leave frame removes the peer at once and re-elects without waiting for loss', () => {
  const b = new Bench();
  b.peer('B', { priority: 250 });
  b.runTo(HOLD + 1000);
  assert.equal(b.c.state, 'standby');
  b.take();
  const t = b.clock.advance(7);
  b.peers.clear();
  b.c.leave('B', peerAdvert('B', { priority: 250 }), t);
  assert.equal(b.c.state, 'work');
  assert.equal(b.c.stateSinceMs, t);
  assert.deepEqual(b.take(), [
    { kind: 'left', serial: 'B' },
    { kind: 'elected', primary: 'A', reason: 'A is selected as the primary because it is the only member of the cluster' },
    {
      kind: 'state',
      from: 'standby',
      to: 'work',
      reason: 'B left: A is selected as the primary because it is the only member of the cluster',
    },
  ]);
  assert.deepEqual(b.c.drainEvents(), []);
  const v = b.c.view(t);
  assert.equal(v.alone, true);
  assert.equal(v.members.length, 1);
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), Number.POSITIVE_INFINITY);
  b.c.leave('nobody', peerAdvert('nobody'), t);
  assert.deepEqual(b.c.drainEvents(), []);
});

test('a late tick is reported as our own stall, not blamed on the peer', () => {
  const b = new Bench();
  b.peer('B', { priority: 250 });
  b.runTo(HOLD + 1000);
  b.take();
  b.clock.advance(5000);
  b.c.tick(b.clock.nowMs());
  assert.deepEqual(b.c.drainEvents(), [{ kind: 'stall', lateMs: 5000 - INTERVAL }]);
  assert.equal(b.c.state, 'standby');
  const v = b.c.view(b.clock.nowMs());
  assert.equal(v.lateChecks, 1);
  assert.equal(v.maxLateMs, 5000 - INTERVAL);
  assert.equal(v.members.length, 2);
  b.c.tick(b.clock.advance(INTERVAL + 30));
  assert.deepEqual(b.c.drainEvents(), [], 'jitter shorter than a heartbeat is counted, not an event');
  assert.equal(b.c.view(b.clock.nowMs()).lateChecks, 2);
});

test('changing hb timing moves the loss deadline', () => {
  const b = new Bench();
  b.peer('B');
  b.runTo(HOLD + 1000);
  b.peers.clear();
  const heard = b.clock.nowMs();
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), heard + LOST_AFTER);
  b.c.setSettings(haSettings({ hbInterval: 1, hbLostThreshold: 3 }), heard);
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), heard + 300);
  assert.equal(b.c.advert(heard).hbIntervalMs, 100);
  assert.equal(b.c.advert(heard).lostThreshold, 3);
  for (let i = 0; i < 3; i++) b.c.tick(b.clock.advance(100));
  assert.equal(b.c.view(b.clock.nowMs()).members.length, 2);
  b.c.tick(b.clock.advance(1));
  assert.deepEqual(
    b.c.drainEvents().filter((e) => e.kind === 'lost'),
    [{ kind: 'lost', serial: 'B', reason: 'no heartbeat on any link for more than 300 ms' }],
  );
});

test('settings: priority and override re-elect; a new group-name in the key ring drops members that no longer match', () => {
  const b = new Bench();
  b.peer('B', { priority: 150 });
  b.runTo(HOLD + 1000);
  assert.equal(b.c.primary(), 'B');
  b.take();
  const t = b.clock.advance(1);
  b.c.setSettings(haSettings({ priority: 200 }), t);
  assert.equal(b.c.primary(), 'A');
  assert.match(
    (b.c.drainEvents().find((e) => e.kind === 'state') as { reason: string }).reason,
    /^priority 128 -> 200: A is selected/,
  );
  b.c.setSettings(haSettings({ priority: 200, groupName: 'lab' }), b.clock.advance(1));
  assert.deepEqual(b.c.drainEvents(), [], 'the advertised name alone changes nothing: the key ring says what is accepted');
  b.c.setGroupNames(['lab'], b.clock.nowMs());
  assert.deepEqual(b.c.drainEvents(), [
    { kind: 'refused', serial: 'B', link: 'ha1', reason: 'group-name "prod" differs from ours "lab"' },
  ]);
  // B stays a member while its frames may still lag a change it is making too; refused for the
  // lost threshold, it is lost with the refusal as the reason.
  b.take();
  b.runTo(b.clock.nowMs() + LOST_AFTER + 200);
  assert.deepEqual(
    b.take().filter((e) => e.kind !== 'refused'),
    [
      { kind: 'lost', serial: 'B', reason: 'refused: group-name "prod" differs from ours "lab"' },
      { kind: 'elected', primary: 'A', reason: 'A is selected as the primary because it is the only member of the cluster' },
    ],
  );
  assert.equal(b.c.nextWakeAt(b.clock.nowMs()), Number.POSITIVE_INFINITY, 'no longer watched by the detector');
});

test('view: self first, then peers in election order, with links and last-heard', () => {
  const b = new Bench({ priority: 10 });
  b.peer('B', { priority: 20 }, 0, ['ha1', 'ha2']);
  b.peer('C', { priority: 30 }, 0, ['ha2']);
  b.peer('D', { state: 'hello' }, 0, ['ha1']);
  b.runTo(HOLD + 1000);
  b.clock.advance(50);
  const v = b.c.view(b.clock.nowMs());
  assert.deepEqual(
    v.members.map((m) => [m.serial, m.self, m.state, m.links, m.lastHeardAgoMs]),
    [
      ['A', true, 'standby', [], 0],
      ['C', false, 'standby', ['ha2'], 50],
      ['B', false, 'standby', ['ha1', 'ha2'], 50],
      ['D', false, 'hello', ['ha1'], 50],
    ],
  );
  const age = v.members[1]?.ageMs ?? 0;
  assert.ok(Math.abs(age - 6050) <= INTERVAL / 2, `age ${age}: 6050 to half a heartbeat gap (peer-ages.ts)`);
  assert.equal(v.election?.primary, 'C');
  assert.equal(v.election?.atMs, HOLD);
  assert.equal(v.alone, false);
});

test('our own frames looped back are ignored', () => {
  const b = new Bench();
  b.c.receive('A', 'ha1', peerAdvert('A'), 1);
  assert.deepEqual(b.c.drainEvents(), []);
  assert.equal(b.c.view(1).members.length, 1);
});
