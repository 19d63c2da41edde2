/**
 * The worker's socket framing on a fake stream that fills up like a real one: messages cut
 * anywhere are reassembled, a main process that stops reading never blocks the worker nor grows
 * it without bound, and what is kept is what matters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import type { HaSnapshot } from './snapshot.js';
import { encodeMessage, MAX_MESSAGE_BYTES, MessageReader, WorkerChannel } from './worker-channel.js';
import type { FromWorker } from './worker-protocol.js';

const log = (n: number): FromWorker => ({
  type: 'log',
  record: { level: 'info', namespace: 'ha', message: `line ${n} ${'x'.repeat(200)}`, event: false, atMs: n },
});
const snapshot = (n: number): FromWorker => ({ type: 'snapshot', snapshot: { uptimeS: n } as unknown as HaSnapshot });

function readAll(stream: { read(b: Uint8Array): number }, reader: MessageReader): FromWorker[] {
  const buf = new Uint8Array(1000);
  for (let n = stream.read(buf); n > 0; n = stream.read(buf)) reader.push(buf.subarray(0, n));
  const out: FromWorker[] = [];
  for (let m = reader.next(); m !== undefined; m = reader.next()) out.push(m as FromWorker);
  return out;
}

test('messages cut at every byte are reassembled in order', () => {
  const bytes = new Uint8Array([...encodeMessage({ type: 'leave' }), ...encodeMessage({ type: 'failover', on: true })]);
  const reader = new MessageReader();
  const seen: unknown[] = [];
  for (const b of bytes) {
    reader.push(Uint8Array.of(b));
    for (let m = reader.next(); m !== undefined; m = reader.next()) seen.push(m);
  }
  assert.deepEqual(seen, [{ type: 'leave' }, { type: 'failover', on: true }]);
});

test('a length beyond the bound or a body that is no CBOR breaks the reader, without a throw', () => {
  const huge = new MessageReader();
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, MAX_MESSAGE_BYTES + 1, true);
  huge.push(header);
  assert.equal(huge.next(), undefined);
  assert.match(huge.broken ?? '', /at most/);
  const garbage = new MessageReader();
  garbage.push(Uint8Array.of(2, 0, 0, 0, 0xff, 0xff));
  assert.equal(garbage.next(), undefined);
  assert.match(garbage.broken ?? '', /undecodable/);
});

test('a main process that stops reading: the worker never blocks, keeps events and the newest snapshot, drops logs past the bound', () => {
  const [main, worker] = new FakeIpc(undefined, 4096).streamPair();
  const channel = new WorkerChannel(worker);
  channel.post({ type: 'gave-up', atMs: 1, tookMs: 0.5, failures: [] });
  for (let i = 0; i < 40_000; i++) channel.post(log(i));
  for (let i = 0; i < 50; i++) channel.post(snapshot(i));
  channel.post({ type: 'announce-round', atMs: 2, reason: 'test' });
  assert.ok(channel.logsDropped > 0, 'logs beyond the bound were dropped');
  assert.equal(channel.flush(), false, 'still waiting for the reader');
  const reader = new MessageReader();
  const got: FromWorker[] = [];
  for (let i = 0; i < 10_000 && !channel.flush(); i++) got.push(...readAll(main, reader));
  got.push(...readAll(main, reader));
  assert.equal(got[0]?.type, 'gave-up');
  assert.equal(got.at(-1)?.type, 'announce-round', 'events are never dropped');
  const snaps = got.filter((m) => m.type === 'snapshot');
  assert.ok(snaps.length <= 2, `superseded snapshots were dropped (${snaps.length} delivered)`);
  assert.deepEqual(snaps.at(-1), snapshot(49), 'the newest snapshot arrives');
  const logs = got.filter((m) => m.type === 'log').length;
  assert.equal(logs + channel.logsDropped, 40_000, 'every log record is delivered or counted');
});

test('relayed control frames are dropped past the bound like logs, and post() says so', () => {
  const [, worker] = new FakeIpc(undefined, 4096).streamPair();
  const channel = new WorkerChannel(worker);
  const frames: FromWorker = { type: 'control-frames', frames: [new Uint8Array(1400)] };
  assert.equal(channel.post(frames), true);
  let accepted = 1;
  for (let i = 0; i < 5000 && channel.post(frames); i++) accepted++;
  assert.ok(accepted > 2000 && accepted < 5000, `${accepted} batches queued before the bound`);
  assert.equal(channel.post({ type: 'left' }), true, 'events are never dropped');
  assert.equal(channel.logsDropped, 0);
});

test('commands are read as they come; the main process closing its end closes the channel', () => {
  const [main, worker] = new FakeIpc().streamPair();
  const channel = new WorkerChannel(worker);
  const cmd = encodeMessage({ type: 'failover', on: true });
  main.write(cmd, 3);
  channel.fill();
  assert.equal(channel.next(), undefined, 'half a command is no command');
  main.write(cmd.subarray(3), cmd.length - 3);
  main.close();
  channel.fill();
  assert.deepEqual(channel.next(), { type: 'failover', on: true });
  assert.equal(channel.closed, true);
  channel.post(snapshot(1));
  assert.equal(channel.flush(), false, 'nothing is written to a closed socket');
});

test('bytes in a message stay as they were when later messages reuse the reader', () => {
  const reader = new MessageReader();
  reader.push(encodeMessage({ mac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 1) }));
  const first = reader.next() as { mac: Uint8Array };
  for (let i = 0; i < 50; i++) {
    reader.push(encodeMessage({ text: `password priority ${'x'.repeat(i * 20)}` }));
    reader.next();
  }
  assert.deepEqual([...first.mac], [2, 0x54, 0x44, 7, 0, 1]);
});

test('held, post() only queues; release() writes everything queued, in order', () => {
  const [main, worker] = new FakeIpc().streamPair();
  const channel = new WorkerChannel(worker);
  const reader = new MessageReader();
  channel.hold();
  channel.post(log(1));
  channel.post(log(2));
  assert.deepEqual(readAll(main, reader), [], 'nothing written while held');
  assert.equal(channel.release(), true);
  assert.deepEqual(readAll(main, reader), [log(1), log(2)]);
  channel.post(log(3));
  assert.deepEqual(readAll(main, reader), [log(3)], 'written at once again after release');
});

test('held, a report is not even encoded until release', () => {
  const [main, worker] = new FakeIpc().streamPair();
  const channel = new WorkerChannel(worker);
  let encoded = 0;
  const record = { level: 'warn', namespace: 'ha', event: true, atMs: 1 };
  // The encoder reads each field: a getter tells when it does.
  Object.defineProperty(record, 'message', {
    enumerable: true,
    get: () => {
      encoded++;
      return 'monitored port port2 went down';
    },
  });
  channel.hold();
  assert.equal(channel.post({ type: 'log', record } as FromWorker), true);
  assert.equal(encoded, 0, 'encoded during the turn');
  channel.release();
  assert.equal(encoded, 1);
  const [got] = readAll(main, new MessageReader());
  assert.equal(got?.type === 'log' && got.record.message, 'monitored port port2 went down');
});

test('posted while held past the bound: the logs are dropped at release, the events kept', () => {
  const [main, worker] = new FakeIpc(undefined, 4096).streamPair();
  const channel = new WorkerChannel(worker);
  channel.hold();
  for (let i = 0; i < 40_000; i++) channel.post(log(i));
  channel.post({ type: 'announce-round', atMs: 2, reason: 'test' });
  assert.equal(channel.logsDropped, 0, 'nothing decided while held');
  channel.release();
  assert.ok(channel.logsDropped > 0, 'logs beyond the bound were dropped');
  const reader = new MessageReader();
  const seen: FromWorker[] = [];
  for (let i = 0; i < 10_000 && !channel.flush(); i++) seen.push(...readAll(main, reader));
  seen.push(...readAll(main, reader));
  assert.ok(
    seen.some((m) => m.type === 'announce-round'),
    'the event behind the logs was kept',
  );
});
