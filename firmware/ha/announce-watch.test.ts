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
  w.joined('B');
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
  w.gone('C');
  assert.equal(w.take(true), null);
  w.gone('B');
  assert.match(w.take(true)?.why ?? '', /B, which claimed the primary role, is gone/);
});

test('our own stall is a reason; the takeover announcement clears pending reasons', () => {
  const w = new AnnounceWatch();
  w.stalled(15_000);
  assert.match(w.take(true)?.why ?? '', /resumed after a 15000 ms stall/);
  w.stalled(300);
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

test('every reason but our own port change says another unit may have carried the traffic', () => {
  const w = new AnnounceWatch();
  w.portsChanged();
  assert.deepEqual(w.take(true), { why: 'the data ports changed', elsewhere: false });
  w.portsChanged();
  w.joined('B');
  assert.deepEqual(w.take(true), { why: 'the data ports changed; B joined', elsewhere: true });
  w.stalled(200);
  assert.equal(w.take(true)?.elsewhere, true);
  w.portsChanged();
  assert.equal(w.take(true)?.elsewhere, false, 'the flag goes with the reasons it came with');
});
