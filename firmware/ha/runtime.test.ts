/**
 * The HA runtime's main-process side, with a fake heartbeat worker in place of the process:
 * what it starts the worker with, what it forwards, what it takes from it, and how it stops it.
 */
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import type { BoardDefinition } from '../../board/types.js';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import type { LogRecord } from '../log/logger.js';
import { EMPTY_PLAN, type TakeoverPlan } from '../takeover/plan.js';
import { FakeTimers } from '../time/timers.fake.js';
import { HEALTH_BYTES, HEARTBEAT_WORKER, HealthStamps } from '../watchdog/health.js';
import { POLL_MS } from './link-flush.js';
import { haSettings, identity } from './net.fake.js';
import { HaRuntime, type HaRuntimeOptions } from './runtime.js';
import type { HaSnapshot } from './snapshot.js';
import { FakeWorkerStarter } from './worker.fake.js';
import type { TakeoverEvent } from './worker-protocol.js';

/** The sim board with interfaces not named like its ports ("if-ha1"), so the runtime must resolve them. */
const sim = simBoard({ dir: '/run/sim-a', serial: 'TDSIM00000000001', tty: '/dev/pts/9' });
const board: BoardDefinition = { ...sim, ports: sim.ports.map((p) => ({ ...p, ifname: `if-${p.name}` })) };
const ha = haSettings({ monitor: ['port2'], dataBeaconDev: ['port1'] });
const standalone = haSettings({ mode: 'standalone' });
const plan: TakeoverPlan = {
  announce: true,
  routes: [],
  ports: [
    { name: 'port1', ifname: 'if-port1', virtualMac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 0), ipv4: ['198.18.1.1/24'], ipv6: [] },
  ],
};

function setUp(c: TestContext, extra: Partial<HaRuntimeOptions> = {}) {
  const clock = new FakeClockDevice();
  clock.clock.advance(1000);
  const timers = new FakeTimers(clock.clock);
  const ipc = new FakeIpc(clock.fds);
  const health = new HealthStamps(ipc.createSharedMemory(HEALTH_BYTES));
  const workers = new FakeWorkerStarter();
  const logs: LogRecord[] = [];
  let bootId = 40;
  const options = {
    board,
    identity: identity('TDSIM00000000001'),
    clock,
    timers,
    nextBootId: () => ++bootId,
    onLog: (r: LogRecord) => logs.push(r),
    health,
    startWorker: workers.start,
    ...extra,
  };
  const runtime = new HaRuntime(options);
  c.after(() => {
    for (const w of workers.started) w.exit(0);
  });
  return { clock, timers, ipc, health, workers, logs, runtime, options };
}

test('apply() starts the worker armed, with the links resolved through the board', (c) => {
  const { clock, ipc, health, workers, runtime } = setUp(c);
  runtime.arm(plan);
  assert.equal(workers.started.length, 0, 'arming before the start only keeps the plan');
  void runtime.apply(ha, 'fw-a');
  assert.equal(workers.started.length, 1);
  assert.equal(runtime.running, true);
  const init = workers.latest.init;
  assert.deepEqual(init, {
    identity: { ...identity('TDSIM00000000001'), hostname: 'fw-a' },
    settings: ha,
    keys: {
      slots: [{ groupId: ha.groupId, groupName: ha.groupName, password: ha.password, encryption: ha.encryption }],
      send: 0,
    },
    links: {
      hbdev: [
        { name: 'ha1', ifname: 'if-ha1', priority: 50 },
        { name: 'ha2', ifname: 'if-ha2', priority: 50 },
      ],
      monitor: [{ name: 'port2', ifname: 'if-port2' }],
      beacon: [{ name: 'port1', ifname: 'if-port1' }],
    },
    plan,
    bootId: 41,
    fifoPriority: 50,
    fencePins: '/run/sim-a/bpf',
    bootIdPath: '/run/sim-a/flash/boot-id',
  });
  new HealthStamps(ipc.mapSharedMemory(workers.latest.healthFd, HEALTH_BYTES)).stamp(HEARTBEAT_WORKER, clock.nowMs() + 5);
  assert.equal(health.ageMs(HEARTBEAT_WORKER, clock.nowMs() + 5), 0, 'the worker stamps into the watchdog buffer');
  const snap = runtime.snapshot();
  assert.equal(snap.enabled, true);
  assert.equal(snap.state, 'hello');
});

test('a running worker gets new settings and every command', (c) => {
  const { workers, runtime } = setUp(c);
  void runtime.apply(ha, 'fw-a');
  const w = workers.latest;
  void runtime.apply(haSettings({ hbInterval: 1 }), 'fw-b');
  runtime.arm(EMPTY_PLAN);
  runtime.setFailover(true);
  runtime.setRemoteLink(true, false);
  runtime.resetUptime();
  runtime.clearStats();
  assert.equal(workers.started.length, 1, 'no second worker');
  assert.deepEqual(w.postedTypes, ['settings', 'arm', 'failover', 'remote-link', 'reset-uptime', 'clear-stats']);
  assert.deepEqual(w.posted[0], {
    type: 'settings',
    settings: haSettings({ hbInterval: 1 }),
    links: {
      hbdev: [
        { name: 'ha1', ifname: 'if-ha1', priority: 50 },
        { name: 'ha2', ifname: 'if-ha2', priority: 50 },
      ],
      monitor: [],
      beacon: [],
    },
    hostname: 'fw-b',
  });
  assert.deepEqual(w.posted[3], { type: 'remote-link', counted: true, failed: false });
});

test("keys: a ring given before the start is the new worker's; later ones are posted as they come; its switch is heard", (c) => {
  const { workers, runtime } = setUp(c);
  const cur = { groupId: 7, groupName: 'prod', password: 'secret', encryption: false };
  const next = { ...cur, password: 'new' };
  runtime.setKeys({ slots: [cur, next], send: 0 });
  void runtime.apply(ha, 'fw-a');
  const w = workers.latest;
  assert.deepEqual(w.init.keys, { slots: [cur, next], send: 0 });
  void runtime.apply(haSettings({ password: 'other' }), 'fw-a');
  runtime.setKeys({ slots: [next], send: 0 });
  assert.deepEqual(w.postedTypes, ['settings', 'keys'], 'settings carry no keys of their own');
  assert.deepEqual(w.posted[1], { type: 'keys', ring: { slots: [next], send: 0 } });
  const switched: string[] = [];
  runtime.onKeySwitched((by) => switched.push(by));
  w.post({ type: 'key-switched', by: 'TDSIM00000000002' });
  assert.deepEqual(switched, ['TDSIM00000000002']);
});

test('a remote-link verdict given before the start reaches the new worker at once', (c) => {
  const { workers, runtime } = setUp(c);
  runtime.setRemoteLink(true, true);
  void runtime.apply(ha, 'fw-a');
  assert.deepEqual(workers.latest.posted, [{ type: 'remote-link', counted: true, failed: true }]);
});

test("the worker's snapshots, log records and takeover events reach the main thread", (c) => {
  const { workers, logs, runtime } = setUp(c);
  const snapshots: HaSnapshot[] = [];
  const takeovers: TakeoverEvent[] = [];
  runtime.onSnapshot((s) => snapshots.push(s));
  runtime.onTakeover((e) => takeovers.push(e));
  void runtime.apply(ha, 'fw-a');
  const w = workers.latest;
  const snapshot: HaSnapshot = { ...runtime.snapshot(), state: 'work', nowMs: 2000 };
  w.post({ type: 'snapshot', snapshot });
  assert.deepEqual(runtime.snapshot(), snapshot);
  assert.deepEqual(snapshots.at(-1), snapshot);
  const record: LogRecord = { level: 'warn', namespace: 'ha', message: 'peer lost', event: true, atMs: 1990 };
  w.post({ type: 'log', record });
  assert.deepEqual(logs, [record]);
  const tookOver: TakeoverEvent = {
    type: 'took-over',
    atMs: 2000,
    tookMs: 0.4,
    phases: { macs: 0.1, addresses: 0.1, forwarding: 0.1, announcement: 0.1 },
    announced: 1,
    failures: [],
  };
  w.post(tookOver);
  w.post({ type: 'announce-round', atMs: 2100, reason: 'a peer joined' });
  w.post({ type: 'gave-up', atMs: 2200, tookMs: 0.1, failures: [] });
  assert.deepEqual(
    takeovers.map((e) => e.type),
    ['took-over', 'announce-round', 'gave-up'],
  );
});

test('standalone stops the worker: it is asked to leave, and once it exits HA is off', async (c) => {
  const { clock, health, workers, runtime } = setUp(c);
  await runtime.apply(ha, 'fw-a');
  const w = workers.latest;
  let done = false;
  const stopping = runtime.apply(standalone, 'fw-a').then(() => {
    done = true;
  });
  assert.deepEqual(w.postedTypes, ['leave']);
  await Promise.resolve();
  assert.equal(done, false, 'not before the worker has left');
  w.exit(0);
  await stopping;
  assert.equal(runtime.running, false);
  assert.equal(runtime.snapshot().enabled, false);
  assert.equal(health.ageMs(HEARTBEAT_WORKER, clock.nowMs()), null, 'the watchdog no longer watches the worker');
  assert.equal(w.terminated, false);
  void runtime.apply(ha, 'fw-a');
  assert.equal(workers.started.length, 2, 'HA on again starts a new worker');
  assert.equal(workers.latest.init.bootId, 42, 'with a new boot id');
});

test('leave() resolves when the worker exits; one that does not is terminated after 1 s', async (c) => {
  const { timers, workers, runtime } = setUp(c);
  await runtime.leave();
  void runtime.apply(ha, 'fw-a');
  const w = workers.latest;
  const leaving = runtime.leave();
  assert.deepEqual(w.postedTypes, ['leave']);
  timers.advance(999);
  assert.equal(w.terminated, false);
  timers.advance(1);
  assert.equal(w.terminated, true);
  await leaving;
  assert.equal(w.exitCode, 1);
  assert.equal(runtime.running, false);

  void runtime.apply(ha, 'fw-a');
  const second = workers.latest;
  second.post({ type: 'snapshot', snapshot: { ...runtime.snapshot(), state: 'work' } });
  const left = runtime.leave();
  second.exit(0);
  await left;
  assert.equal(runtime.snapshot().state, 'hello', 'a unit that left no longer says it works');
  assert.equal(timers.armed, 0, 'the timeout is cancelled');
  timers.advance(5000);
  assert.equal(second.terminated, false);
});

test('prewarm: a worker process started ahead takes its init at apply; standalone or a leave ends it unused', async (c) => {
  const { workers, options } = setUp(c);
  const spares: { fd: number; started: number; discarded: number }[] = [];
  const withSpares = new HaRuntime({
    ...options,
    spawnSpare: (fd) => {
      const spare = { fd, started: 0, discarded: 0 };
      spares.push(spare);
      return {
        start: (init) => {
          spare.started++;
          return workers.start(init, fd);
        },
        discard: () => {
          spare.discarded++;
        },
      };
    },
  });
  withSpares.prewarm();
  withSpares.prewarm();
  assert.equal(spares.length, 1, 'one spare at a time');
  assert.equal(workers.started.length, 0, 'nothing started before apply');
  await withSpares.apply(ha, 'fw-a');
  assert.deepEqual(
    spares.map((x) => [x.started, x.discarded]),
    [[1, 0]],
    'the spare takes the init',
  );
  assert.equal(workers.latest.init.identity.serial, 'TDSIM00000000001');
  withSpares.prewarm();
  assert.equal(spares.length, 1, 'no spare while a worker runs');
  workers.latest.exit(0);
  await new Promise((r) => setImmediate(r));
  withSpares.prewarm();
  await withSpares.apply(standalone, 'fw-a');
  assert.deepEqual(spares.at(-1), { fd: spares.at(-1)?.fd, started: 0, discarded: 1 }, 'standalone ends an unused spare');
  withSpares.prewarm();
  await withSpares.leave();
  assert.equal(spares.at(-1)?.discarded, 1, 'so does a leave');
});

test('link changes the worker saw have the heartbeat and monitored ports asked for at once, not the beacon port; routed heartbeats leave theirs out', (c) => {
  const asked: string[] = [];
  const nic = {
    linkState(ifname: string) {
      asked.push(ifname);
      return { ifname, ifindex: 2, up: true, carrier: true };
    },
  };
  const { timers, workers, runtime } = setUp(c, { nic });
  void runtime.apply(ha, 'fw-a');
  timers.advance(5000);
  assert.deepEqual(asked, [], 'nothing asked without a link change');
  workers.latest.post({ type: 'link-events' });
  timers.advance(POLL_MS);
  assert.deepEqual(asked, ['if-ha1', 'if-ha2', 'if-port2']);
  timers.advance(5000);
  asked.length = 0;
  void runtime.apply(haSettings({ monitor: ['port2'], unicastHb: true, unicastHbPeerip: '198.18.9.2' }), 'fw-a');
  workers.latest.post({ type: 'link-events' });
  timers.advance(POLL_MS);
  assert.deepEqual(asked, ['if-port2']);
});
