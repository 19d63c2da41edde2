import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
import { FakeIpc } from './ipc.fake.js';

test('a fake stream is bounded like a socket, wakes a poller, and ends like one', () => {
  const dev = new FakeClockDevice();
  const ipc = new FakeIpc(dev.fds, 8);
  const [a, b] = ipc.streamPair();
  const poller = dev.openPoller();
  poller.watch([b]);
  assert.equal(poller.wait(100), 0);
  assert.equal(dev.nowMs(), 100, 'nothing to read: the wait ran to its timeout');
  assert.equal(a.write(Uint8Array.of(1, 2, 3, 4, 5, 6), 6), 6);
  assert.equal(a.write(Uint8Array.of(7, 8, 9, 10), 4), 2, 'a short write: 8 bytes fit');
  assert.equal(a.write(Uint8Array.of(11), 1), 0, 'full');
  assert.equal(poller.wait(100), 1);
  assert.equal(dev.nowMs(), 100, 'readable at once');
  const buf = new Uint8Array(5);
  assert.equal(b.read(buf), 5);
  assert.deepEqual([...buf], [1, 2, 3, 4, 5]);
  assert.equal(b.read(buf), 3);
  assert.deepEqual([...buf.subarray(0, 3)], [6, 7, 8]);
  assert.equal(b.read(buf), 0);
  a.write(Uint8Array.of(42), 1);
  a.close();
  assert.equal(b.read(buf), 1, 'sent before the close');
  assert.equal(b.read(buf), -1);
  assert.equal(b.write(buf, 1), -1);
  assert.equal(poller.wait(100), 1, 'the end of the stream is readable, as poll(2) says');
  assert.equal(ipc.adoptStream(b.fd), b);
  assert.throws(
    () => ipc.adoptStream(7),
    (e: unknown) => e instanceof HalError && e.errno === E.EBADF,
  );
});

test('fake shared memory: every mapping of an fd sees the same bytes', () => {
  const ipc = new FakeIpc();
  const m = ipc.createSharedMemory(8);
  new Int32Array(ipc.mapSharedMemory(m.fd, 8).buffer)[1] = 7;
  assert.equal(new Int32Array(m.buffer)[1], 7);
  assert.throws(() => ipc.mapSharedMemory(m.fd, 16), HalError);
  assert.equal(ipc.dieWithParent(1), true);
  ipc.parentAlive = false;
  assert.equal(ipc.dieWithParent(1), false);
  assert.deepEqual(ipc.parentsWatched, [1, 1]);
});
