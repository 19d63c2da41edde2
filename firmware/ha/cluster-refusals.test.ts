/** Refusing peers: incompatible adverts and a full cluster, one event per reason. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Advert } from './advert.js';
import { Bench } from './net.fake.js';

const INTERVAL = 200;
const LOST_AFTER = 1200;
const HOLD = 5000;

test('each incompatibility is refused with one event, not one per frame', () => {
  const cases: [Partial<Advert>, string][] = [
    [{ groupName: 'lab' }, 'group-name "lab" differs from ours "prod"'],
    [{ mode: 'a-a' }, 'mode "a-a" differs from ours "a-p"'],
    [{ model: 'TND-4' }, 'model "TND-4" differs from ours "TND-2"'],
    [{ firmware: '2.0.0' }, 'firmware "2.0.0" (major 2) differs from ours "1.2.0" (major 1)'],
  ];
  for (const [over, reason] of cases) {
    const b = new Bench();
    b.peer('X', over, 0, ['ha1', 'ha2']);
    b.runTo(HOLD + 2000);
    assert.deepEqual(b.take(), [
      { kind: 'refused', serial: 'X', link: 'ha1', reason },
      { kind: 'elected', primary: 'A', reason: 'A is selected as the primary because it is the only member of the cluster' },
      {
        kind: 'state',
        from: 'hello',
        to: 'work',
        reason: 'hello-holddown 5 s expired: A is selected as the primary because it is the only member of the cluster',
      },
    ]);
    const v = b.c.view(b.clock.nowMs());
    assert.equal(v.members.length, 1, 'a refused peer is never a member');
    assert.equal(v.alone, false, 'never had a peer');
    const frames = ((HOLD + 2000) / INTERVAL) * 2;
    assert.deepEqual(v.refused, [{ serial: 'X', link: 'ha2', reason, count: frames, lastAgoMs: 0 }]);
    assert.equal(v.refusedFrames, frames);
  }
});

test('a refusal is news again when its reason changes or after the peer was accepted', () => {
  const b = new Bench();
  b.runTo(HOLD);
  b.take();
  b.peer('X', { groupName: 'lab' });
  b.step();
  b.step();
  assert.equal(b.take('refused').length, 1);
  b.peer('X', { groupName: 'lab', model: 'TND-4' });
  b.step();
  b.peer('X', { model: 'TND-4' });
  b.step();
  b.step();
  assert.deepEqual(
    b.take('refused').map((e) => (e.kind === 'refused' ? e.reason : '')),
    ['model "TND-4" differs from ours "TND-2"'],
    'same first reason (group-name) stays quiet until it changes',
  );
  b.peer('X', {});
  b.step();
  assert.deepEqual(b.take('joined'), [{ kind: 'joined', serial: 'X', hostname: 'host-X', link: 'ha1', hello: false }]);
  assert.deepEqual(b.c.view(b.clock.nowMs()).refused, [], 'accepted: no longer listed as refused');
  b.peer('X', { model: 'TND-4' });
  b.runTo(b.clock.nowMs() + LOST_AFTER + 200);
  const e = b.take();
  assert.deepEqual(
    e.filter((x) => x.kind === 'refused' || x.kind === 'lost'),
    [
      { kind: 'refused', serial: 'X', link: 'ha1', reason: 'model "TND-4" differs from ours "TND-2"' },
      { kind: 'lost', serial: 'X', reason: 'refused: model "TND-4" differs from ours "TND-2"' },
    ],
  );
  assert.equal(b.c.view(b.clock.nowMs()).alone, true);
});

test('a 5th unit is refused: the cluster is full at 4; it joins when a place frees up', () => {
  const b = new Bench();
  for (const s of ['B', 'C', 'D']) b.peer(s);
  b.peer('E');
  b.runTo(HOLD + 1000);
  const v = b.c.view(b.clock.nowMs());
  assert.deepEqual(v.members.map((m) => m.serial).sort(), ['A', 'B', 'C', 'D']);
  const refused = b.take('refused');
  assert.deepEqual(refused, [{ kind: 'refused', serial: 'E', link: 'ha1', reason: 'cluster is full: 4 units' }]);
  assert.equal(v.refused[0]?.count, (HOLD + 1000) / INTERVAL);
  b.peers.delete('D');
  b.runTo(b.clock.nowMs() + LOST_AFTER + 2 * INTERVAL);
  const e = b.take();
  assert.ok(e.some((x) => x.kind === 'lost' && x.serial === 'D'));
  assert.ok(e.some((x) => x.kind === 'joined' && x.serial === 'E'));
  assert.equal(b.take('refused').length, 0);
});

test('a member whose frame lags a change (one refused heartbeat, then accepted again) is not lost', () => {
  const b = new Bench({ groupName: 'next' });
  b.c.setGroupNames(['next'], 0);
  b.peer('X', { groupName: 'next' });
  b.runTo(HOLD + 1000);
  assert.equal(b.c.view(b.clock.nowMs()).members.length, 2);
  b.take();
  // The heartbeat in flight when X switched to the new name still carries the old one.
  b.peer('X', { groupName: 'prev' });
  b.step();
  b.peer('X', { groupName: 'next' });
  b.runTo(b.clock.nowMs() + 2 * LOST_AFTER);
  const e = b.take();
  assert.deepEqual(
    e.map((x) => x.kind),
    ['refused'],
    'refused once (news for the log), never lost',
  );
  assert.equal(b.c.view(b.clock.nowMs()).members.length, 2);
});
