import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnounceWatch } from './announce-watch.js';

test('a peer claiming the role, stepping down and releasing: three announcements while we hold the ports', () => {
  const w = new AnnounceWatch();
  w.frame('B', true, 'ha1');
  assert.match(w.take(true)?.why ?? '', /B claimed the primary role/);
  w.frame('B', true, 'ha1');
  assert.equal(w.take(true), null, 'a claim that goes on is announced once');
  w.frame('B', false, 'ha1');
  assert.match(w.take(true)?.why ?? '', /B stepped down/);
  w.frame('B', false, 'ha1');
  assert.match(w.take(true)?.why ?? '', /B released the data ports/);
  w.frame('B', false, 'ha1');
  assert.equal(w.take(true), null, 'a standby peer is no reason');
});

test('the step down heard on both links: the release is announced on the next frame on a link it came in on', () => {
  const w = new AnnounceWatch();
  w.frame('B', true, 'ha1');
  w.frame('B', true, 'ha2');
  w.take(true);
  w.frame('B', false, 'ha1');
  w.frame('B', false, 'ha2');
  assert.match(w.take(true)?.why ?? '', /B stepped down/);
  assert.equal(w.take(true), null, "the step down's copy on ha2 is not the frame after the release");
  w.frame('B', false, 'port1');
  assert.equal(w.take(true), null, 'nor is a beacon on a port the step down never came in on');
  w.frame('B', false, 'ha2');
  assert.match(w.take(true)?.why ?? '', /B released the data ports/);
  w.frame('B', false, 'ha1');
  assert.equal(w.take(true), null, 'announced once');
});

test('a standby peer heartbeating is no reason to announce; its (re)joining is', () => {
  const w = new AnnounceWatch();
  for (let i = 0; i < 5; i++) w.frame('B', false, 'ha1');
  assert.equal(w.take(true), null);
  w.joined('B', false);
  assert.match(w.take(true)?.why ?? '', /B joined/, 'it may have held the ports while we could not hear it');
});

test('a reason seen while standing by is dropped; the claim is remembered', () => {
  const w = new AnnounceWatch();
  w.frame('B', true, 'ha1');
  assert.equal(w.take(false), null);
  assert.equal(w.take(true), null, 'dropped, not kept for later');
  w.frame('B', false, 'ha1');
  assert.match(w.take(true)?.why ?? '', /B stepped down/, 'the end of the claim still counts');
});

test('a claiming peer that is lost or leaves: announce; a standby one: no', () => {
  const w = new AnnounceWatch();
  w.frame('B', true, 'ha1');
  w.frame('C', false, 'ha1');
  w.take(true);
  w.gone('C', true);
  assert.equal(w.take(true), null);
  w.gone('B', false);
  assert.match(w.take(true)?.why ?? '', /B, which claimed the primary role, is gone/);
});

test('our own stall is a reason; the takeover announcement clears pending reasons', () => {
  const w = new AnnounceWatch();
  w.stalled(15_000, true);
  assert.match(w.take(true)?.why ?? '', /resumed after a 15000 ms stall/);
  w.stalled(300, true);
  w.frame('B', true, 'ha1');
  w.announced();
  assert.equal(w.take(true), null);
});

test('every cycle of a flap storm announces again', () => {
  const w = new AnnounceWatch();
  for (let cycle = 0; cycle < 10; cycle++) {
    w.frame('B', true, 'ha1');
    assert.ok(w.take(true), `cycle ${cycle}: claim`);
    w.frame('B', false, 'ha1');
    assert.ok(w.take(true), `cycle ${cycle}: step down`);
    w.frame('B', false, 'ha1');
    assert.ok(w.take(true), `cycle ${cycle}: released`);
  }
});

test('which reasons say another unit may have carried the traffic', () => {
  const w = new AnnounceWatch();
  w.portsChanged();
  assert.deepEqual(w.take(true), { why: 'the data ports changed', elsewhere: false }, 'our own port change: no');
  w.portsChanged();
  w.joined('B', false);
  assert.deepEqual(w.take(true), { why: 'the data ports changed; B joined', elsewhere: true }, 'a join past hello: yes');
  w.joined('C', true);
  assert.deepEqual(w.take(true), { why: 'C joined', elsewhere: false }, 'a unit that starts and joins in hello: no');
  w.gone('C', false);
  w.joined('C', true);
  assert.equal(w.take(true)?.elsewhere, false, 'one that left and comes back in hello: no');
  w.gone('C', true);
  w.joined('C', true);
  assert.equal(w.take(true)?.elsewhere, true, 'one we lost: it may have worked meanwhile, then restarted');
  w.joined('C', true);
  assert.equal(w.take(true)?.elsewhere, false, 'lost once counts once');
  w.stalled(20, false);
  assert.deepEqual(
    w.take(true),
    { why: 'this unit resumed after a 20 ms stall', elsewhere: false },
    'too short for peers to lose us',
  );
  w.stalled(200, true);
  assert.equal(w.take(true)?.elsewhere, true);
  w.frame('B', true, 'ha1');
  assert.equal(w.take(true)?.elsewhere, true, 'a claim: yes');
  w.portsChanged();
  assert.equal(w.take(true)?.elsewhere, false, 'the flag goes with the reasons it came with');
});
