/** The fake conntrack table keeps and refuses what the kernel does (linux.test.ts shows the kernel's side). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClockDevice } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
import { EVENT_BYTES, FakeConntrack } from './conntrack.fake.js';
import { type CtSession, IPS, PROTO, TCP_FLAG } from './index.js';
import { echo, expectation, manySessions, session, tuple } from './records.fixture.js';

async function dumpAll(ct: FakeConntrack): Promise<CtSession[][]> {
  const batches: CtSession[][] = [];
  for await (const batch of ct.open().dump()) batches.push(batch);
  return batches;
}

describe('fake conntrack', () => {
  it('creates in batches with per-record errors, and keeps the status and TCP tracking the kernel keeps', async () => {
    const ct = new FakeConntrack();
    const table = ct.open();
    const nat = session(tuple('198.18.0.1', '198.19.0.1', PROTO.TCP, 1000, 80), {
      status: 0,
      tcp: null,
      reply: tuple('198.19.0.1', '198.18.255.1', PROTO.TCP, 80, 40000),
    });
    const related = session(tuple('198.18.0.9', '198.18.0.1', PROTO.UDP, 20, 3000), {
      master: tuple('198.18.0.1', '198.18.0.9', PROTO.TCP, 1, 21),
    });
    const bad = session(tuple('198.18.0.1', '2001:db8::1', PROTO.UDP, 1, 2));
    assert.deepEqual(table.create([nat, nat, related, bad]), {
      done: 1,
      failures: [
        { index: 1, errno: E.EEXIST },
        { index: 2, errno: E.ENOENT },
        { index: 3, errno: E.EINVAL },
      ],
    });
    const [[kept]] = (await dumpAll(ct)) as [[CtSession]];
    assert.equal(kept.status, 0xe | IPS.SRC_NAT | IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE);
    assert.deepEqual(kept.tcp, {
      state: 0,
      wscaleOrig: 0,
      wscaleReply: 0,
      flagsOrig: TCP_FLAG.BE_LIBERAL,
      flagsReply: TCP_FLAG.BE_LIBERAL,
    });
    assert.equal(table.count(), 1);
  });

  it('updates and deletes what is there, ENOENT otherwise; EBUSY for a change of EXPECTED; injected errnos', () => {
    const ct = new FakeConntrack();
    const table = ct.open();
    const [a, b, c] = manySessions(3) as [CtSession, CtSession, CtSession];
    table.create([a, b]);
    ct.failWith(b, E.EPERM);
    assert.deepEqual(table.update([{ ...a, timeout: 5 }, b, c, { ...a, status: a.status | IPS.EXPECTED }]).failures, [
      { index: 1, errno: E.EPERM },
      { index: 2, errno: E.ENOENT },
      { index: 3, errno: E.EBUSY },
    ]);
    ct.failWith(b, 0);
    assert.deepEqual(table.delete([a, a, b]).failures, [{ index: 1, errno: E.ENOENT }]);
    assert.equal(table.count(), 0);
  });

  it('relaxes TCP windows both ways, an update event for every session reached, other protocols unchanged, ENOENT when absent; the liberal switch fails when told', () => {
    const ct = new FakeConntrack();
    const table = ct.open();
    const events = ct.subscribe({ types: ['update'], rcvbufBytes: 16 * EVENT_BYTES });
    const tcp = session(tuple('198.18.0.1', '198.18.0.2', PROTO.TCP, 1000, 80));
    const udp = session(tuple('198.18.0.1', '198.18.0.2', PROTO.UDP, 1000, 53));
    table.create([tcp, udp]);
    const absent = session(tuple('198.18.0.1', '198.18.7.7', PROTO.TCP, 9, 9));
    assert.deepEqual(table.relaxTcpWindows([tcp, udp, absent]).failures, [{ index: 2, errno: E.ENOENT }]);
    const kept = [...ct.sessions.values()].find((s) => s.orig.proto === PROTO.TCP);
    assert.equal(kept?.tcp?.flagsOrig, TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM | TCP_FLAG.BE_LIBERAL);
    assert.equal(kept?.tcp?.flagsReply, TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM | TCP_FLAG.BE_LIBERAL);
    assert.equal(kept?.tcp?.state, tcp.tcp?.state);
    assert.deepEqual(
      events.read(10).events.map((e) => e.type),
      ['update', 'update'],
      'one for each session the change reached, as ctnetlink reports it',
    );
    ct.setTcpLiberal(true);
    ct.setTcpLiberal(false);
    assert.deepEqual([ct.tcpLiberal, ct.tcpLiberalWrites], [false, [true, false]]);
    ct.tcpLiberalErrno = E.ENOENT;
    assert.throws(
      () => ct.setTcpLiberal(true),
      (e) => e instanceof HalError && e.errno === E.ENOENT,
    );
    assert.equal(ct.tcpLiberal, false);
  });

  it('dumps in batches, one dump at a time, by family', async () => {
    const ct = new FakeConntrack();
    ct.dumpBatch = 100;
    ct.open().create(manySessions(250));
    assert.deepEqual(
      (await dumpAll(ct)).map((b) => b.length),
      [100, 100, 50],
    );
    const table = ct.open();
    for await (const batch of table.dump(6)) {
      assert.ok(batch.every((s) => s.family === 6));
      await assert.rejects(
        table.dump()[Symbol.asyncIterator]().next(),
        (err: unknown) => (err as { errno: number }).errno === E.EBUSY,
      );
    }
  });

  it('raises events of the types subscribed to; a full socket loses events and reports the overrun; readable through the fake poller', () => {
    const clock = new FakeClockDevice();
    const ct = new FakeConntrack(clock.fds);
    const all = ct.subscribe({ types: ['new', 'update', 'destroy', 'exp-new', 'exp-destroy'], rcvbufBytes: 64 * EVENT_BYTES });
    const small = ct.subscribe({ types: ['new'], rcvbufBytes: 4 * EVENT_BYTES });
    const poller = clock.openPoller();
    poller.watch([all]);
    assert.equal(poller.wait(0), 0);
    const table = ct.open();
    const control = session(tuple('198.18.0.1', '198.18.0.9', PROTO.TCP, 2000, 21), { helper: 'ftp' });
    table.create([control, ...manySessions(5)]);
    ct.addExpectation(expectation(control.orig, tuple('198.18.0.9', '198.18.0.1', PROTO.TCP, 0, 3000)));
    ct.kernelCreate(session(echo('198.18.0.1', '198.18.0.2', 1), { status: IPS.CONFIRMED }));
    table.delete([control]);
    assert.equal(poller.wait(0), 1);
    assert.deepEqual(
      all.read(100).events.map((e) => e.type),
      ['new', 'new', 'new', 'new', 'new', 'new', 'exp-new', 'new', 'exp-destroy', 'destroy'],
    );
    const read = small.read(100);
    assert.deepEqual([read.events.length, read.overrun, small.counters.overruns], [4, true, 1]);
    assert.deepEqual(small.read(100), { events: [], overrun: false });
  });

  it('expectations: ENOENT without the master, EOPNOTSUPP when it has no helper; a repeat refreshes; delete by tuple', async () => {
    const ct = new FakeConntrack();
    const table = ct.open();
    const events = ct.subscribe({ types: ['exp-new', 'exp-destroy'], rcvbufBytes: 64 * EVENT_BYTES });
    const control = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21), { helper: 'ftp' });
    const plain = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40001, 21));
    table.create([control, plain]);
    const data = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001);
    const e = expectation(control.orig, data);
    const orphan = expectation(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 1, 21), data);
    assert.deepEqual(table.createExpectations([e, orphan, expectation(plain.orig, data), { ...e, timeout: 5 }]), {
      done: 2,
      failures: [
        { index: 1, errno: E.ENOENT },
        { index: 2, errno: E.EOPNOTSUPP },
      ],
    });
    const dumped = [];
    for await (const batch of table.dumpExpectations()) dumped.push(...batch);
    assert.deepEqual(
      dumped.map((x) => [x.tuple.dport, x.timeout]),
      [[30001, 5]],
    );
    // Any source port matches: the mask leaves it out.
    const key = { family: 4 as const, tuple: { ...data, sport: 41234 } };
    assert.deepEqual(table.deleteExpectations([key, key]), { done: 1, failures: [{ index: 1, errno: E.ENOENT }] });
    assert.deepEqual(
      events.read(10).events.map((x) => x.type),
      ['exp-new', 'exp-destroy'],
    );
  });
});
