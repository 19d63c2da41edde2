/** Relaxing stale TCP windows on the fake conntrack table, which fails the way the kernel's does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { type ConntrackDevice, type CtSession, PROTO, TCP_FLAG } from '../../hal/conntrack/index.js';
import { ESTABLISHED, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { E, HalError } from '../../hal/errors.js';
import { createLogger, type LogRecord, setLogSink } from '../log/logger.js';
import { HOLD_S, SYNCED_MARK } from '../sessions/applier.js';
import { FakeTimers } from '../time/timers.fake.js';
import { RETRY_MS, StaleWindows } from './stale-windows.js';

const records: LogRecord[] = [];
setLogSink((r) => records.push(r));
const log = createLogger('dataplane');

const tcp = (port: number, fields: Partial<CtSession> = {}) =>
  session(tuple('198.18.2.10', '198.18.1.10', PROTO.TCP, port, 7102), fields);

function setUp(device?: (ct: FakeConntrack) => ConntrackDevice, pace?: { burst: number; perS: number }) {
  const ct = new FakeConntrack();
  const clock = new FakeClock(0);
  const timers = new FakeTimers(clock);
  const stale = new StaleWindows({ conntrack: device ? device(ct) : ct, now: () => clock.nowMs(), timers, log, ...pace });
  records.length = 0;
  const liberal = (port: number): boolean => {
    const s = [...ct.sessions.values()].find((x) => x.orig.proto === PROTO.TCP && x.orig.sport === port);
    return ((s?.tcp?.flagsOrig ?? 0) & (s?.tcp?.flagsReply ?? 0) & TCP_FLAG.BE_LIBERAL) !== 0;
  };
  /** Until the switch was written `n` times in all. */
  const writes = async (n: number) => {
    for (let turns = 0; ct.tcpLiberalWrites.length < n; turns++) {
      assert.ok(turns < 200, `the switch was written ${ct.tcpLiberalWrites.length} times, not ${n}`);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { ct, stale, timers, liberal, writes };
}

/** A device whose table cannot be opened (ENOBUFS, as a kernel short of memory) until mended. */
function failingOpen() {
  let broken = true;
  return {
    wrap: (fake: FakeConntrack): ConntrackDevice => ({
      open: () => {
        if (broken) throw new HalError('conntrack', 'open', E.ENOBUFS);
        return fake.open();
      },
      subscribe: (o) => fake.subscribe(o),
      enableTimestamps: () => fake.enableTimestamps(),
      setTcpLiberal: (on) => fake.setTcpLiberal(on),
    }),
    mend: () => {
      broken = false;
    },
  };
}

const messages = (level?: LogRecord['level']) =>
  records.filter((r) => level === undefined || r.level === level).map((r) => r.message);

test("relaxes the kernel's own TCP sessions; synced, already liberal and other protocols are left as they are", async () => {
  const { ct, stale, liberal, writes } = setUp();
  const alreadyLiberal = { ...ESTABLISHED, flagsOrig: TCP_FLAG.BE_LIBERAL, flagsReply: TCP_FLAG.BE_LIBERAL };
  ct.open().create([
    tcp(1000),
    tcp(1001, { mark: SYNCED_MARK | 3, timeout: HOLD_S }),
    tcp(1002, { tcp: alreadyLiberal }),
    // Synced, but a packet refreshed it since: this unit forwarded through it after a takeover.
    tcp(1003, { mark: SYNCED_MARK, timeout: 432_000 }),
    session(tuple('198.18.2.10', '198.18.1.10', PROTO.UDP, 1000, 53)),
  ]);
  const updates = ct.subscribe({ types: ['update'], rcvbufBytes: 1 << 20 });
  stale.relax('B joined');
  assert.equal(ct.tcpLiberal, true, 'on at once, before the walk');
  await writes(2);
  assert.deepEqual([liberal(1000), liberal(1001), liberal(1003), ct.tcpLiberal], [true, false, true, false]);
  assert.equal(updates.read(10).events.length, 2, 'two sessions changed');
  assert.deepEqual(messages(), ['TCP sessions another unit may have carried (B joined): window checks relaxed on 2 in 0 ms']);
});

test('a reason during a walk brings one more walk; checks stay off until the last ends', async () => {
  const { ct, stale, liberal, writes } = setUp();
  ct.dumpBatch = 2;
  ct.open().create([1000, 1001, 1002, 1003, 1004].map((p) => tcp(p)));
  stale.relax('this unit took over');
  await new Promise((r) => setImmediate(r));
  ct.open().create([tcp(999)]);
  stale.relax('B claimed the primary role');
  stale.relax('B stepped down from the primary role');
  await writes(2);
  assert.deepEqual(ct.tcpLiberalWrites, [true, false]);
  assert.ok(liberal(999), 'the session the first walk had passed');
  assert.deepEqual(messages(), [
    'TCP sessions another unit may have carried (this unit took over): window checks relaxed on 5 in 0 ms',
    'TCP sessions another unit may have carried (B claimed the primary role; B stepped down from the primary role): ' +
      'window checks relaxed on 1 in 0 ms',
  ]);
});

test('sessions the kernel refuses are counted and warned of; sessions that ended meanwhile are not', async () => {
  const { ct, stale, writes } = setUp();
  ct.open().create([tcp(1000), tcp(1001), tcp(1002)]);
  ct.failWith(tcp(1001), E.EPERM);
  ct.failWith(tcp(1002), E.ENOENT);
  stale.relax('B joined');
  await writes(2);
  assert.deepEqual(messages('warn'), [
    'TCP sessions another unit may have carried (B joined): window checks relaxed on 1 in 0 ms, refused by the kernel on 1',
  ]);
});

test('a walk that fails leaves checks off for every session, until a walk succeeds', async () => {
  const device = failingOpen();
  const { ct, stale, timers, liberal, writes } = setUp(device.wrap);
  ct.open().create([tcp(1000)]);
  stale.relax('B joined');
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual([ct.tcpLiberalWrites, liberal(1000)], [[true], false]);
  assert.match(
    messages('error')[0] ?? '',
    /failed \(B joined\): conntrack: open failed \(errno 105\); window checks stay off for every session/,
  );
  device.mend();
  timers.advance(RETRY_MS - 1);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(ct.tcpLiberalWrites, [true], 'not tried again yet');
  timers.advance(1);
  await writes(3);
  assert.deepEqual([ct.tcpLiberalWrites, liberal(1000)], [[true, true, false], true]);
  assert.match(messages('info').at(-1) ?? '', /\(B joined\): window checks relaxed on 1/);
});

test('a reason that comes before the retry walks at once', async () => {
  const device = failingOpen();
  const { ct, stale, timers, liberal, writes } = setUp(device.wrap);
  ct.open().create([tcp(1000)]);
  stale.relax('B joined');
  await new Promise((r) => setImmediate(r));
  device.mend();
  stale.relax('B claimed the primary role');
  await writes(3);
  assert.ok(liberal(1000));
  assert.match(messages('info').at(-1) ?? '', /\(B joined; B claimed the primary role\)/);
  timers.advance(RETRY_MS);
  await new Promise((r) => setImmediate(r));
  assert.equal(ct.tcpLiberalWrites.length, 3, 'the retry was cancelled');
});

test('past the first burst the walk keeps to its rate; the switch covers what it has not reached', async () => {
  const { ct, stale, timers, liberal, writes } = setUp(undefined, { burst: 200, perS: 1000 });
  ct.dumpBatch = 100;
  ct.open().create(Array.from({ length: 500 }, (_, i) => tcp(2000 + i)));
  stale.relax('this unit took over');
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  assert.deepEqual([liberal(2199), liberal(2300), ct.tcpLiberal], [true, false, true], 'the burst, then a wait');
  timers.advance(99);
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  assert.equal(liberal(2300), false, '100 more after 100 ms, not before');
  timers.advance(1);
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  assert.equal(liberal(2300), true);
  timers.advance(200);
  await writes(2);
  assert.ok(liberal(2499));
});

test('closed: no walk, and one running stops', async () => {
  const { ct, stale, timers } = setUp(undefined, { burst: 100, perS: 1000 });
  ct.dumpBatch = 100;
  ct.open().create(Array.from({ length: 300 }, (_, i) => tcp(2000 + i)));
  stale.relax('B joined');
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  stale.close();
  timers.advance(1000);
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  const relaxed = [...ct.sessions.values()].filter((x) => (x.tcp?.flagsOrig ?? 0) & TCP_FLAG.BE_LIBERAL).length;
  assert.ok(relaxed < 300, `${relaxed} relaxed`);
  stale.relax('B claimed the primary role');
  assert.deepEqual(ct.tcpLiberalWrites, [true], 'no new walk');
});

test('a switch that cannot be set is warned of, and the walk goes on', async () => {
  const { ct, stale, liberal } = setUp();
  ct.tcpLiberalErrno = E.ENOENT;
  ct.open().create([tcp(1000)]);
  stale.relax('B joined');
  for (let turns = 0; !liberal(1000) && turns < 100; turns++) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.ok(liberal(1000));
  assert.deepEqual(
    messages('warn').map((m) => m.split(':')[0]),
    ['TCP window checks could not be turned off for the walk', 'TCP window checks could not be turned back on'],
  );
});
