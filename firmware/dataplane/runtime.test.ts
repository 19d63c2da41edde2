/**
 * The data plane runtime on fakes: the NIC, the packet filter, and the HA runtime with a fake
 * heartbeat worker whose takeover events the test posts. The configuration is the shared
 * example (config/data-plane.fixture.ts) read by the real config code.
 */
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import type { BoardPort, PortRole } from '../../board/types.js';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { PROTO, TCP_FLAG } from '../../hal/conntrack/index.js';
import { session, tuple } from '../../hal/conntrack/records.fixture.js';
import { E } from '../../hal/errors.js';
import { FakeFirewall } from '../../hal/firewall/firewall.fake.js';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { formatMac } from '../../lib/ethernet.js';
import { dataPlaneExample } from '../config/data-plane.fixture.js';
import type { DataPlaneConfig } from '../config/data-plane.js';
import { dataPlaneFromTree } from '../config/data-plane-from-tree.js';
import type { HaSettings } from '../config/ha-settings.js';
import { ports as configPorts, ctx } from '../config/schema.fixture.js';
import { firmwareSchema } from '../config/schema-system.js';
import { haSettingsFromTree } from '../config/settings-from-tree.js';
import { treeFromText } from '../config/tree-from-text.js';
import { HaRuntime } from '../ha/runtime.js';
import { FakeWorkerStarter } from '../ha/worker.fake.js';
import type { TakeoverEvent } from '../ha/worker-protocol.js';
import { type LogRecord, setLogSink } from '../log/logger.js';
import { FakeTimers } from '../time/timers.fake.js';
import { HEALTH_BYTES, HealthStamps } from '../watchdog/health.js';
import { MGMT_TABLE } from './mgmt-routes.js';
import { renderRuleset } from './ruleset.js';
import { DataPlaneRuntime } from './runtime.js';

const records: LogRecord[] = [];
setLogSink((r) => records.push(r));

/** The config tests' ports on a board whose interfaces are named "if-<port>". */
const boardPorts: BoardPort[] = configPorts.map((p) => ({ name: p.name, ifname: `if-${p.name}`, role: p.role as PortRole }));
const ifnameOf = (port: string): string => `if-${port}`;
const tree = treeFromText(dataPlaneExample, firmwareSchema, ctx);
const dp = dataPlaneFromTree(tree, ctx);
const ha = haSettingsFromTree(tree, ctx);
const standalone: HaSettings = { ...ha, mode: 'standalone' };
const vmac = (port: number) => Uint8Array.of(2, 0x54, 0x44, 7, 0, port);
const pool = Array.from({ length: 10 }, (_, i) => `198.18.2.${50 + i}/32`);

function setUp(c: TestContext) {
  const clock = new FakeClockDevice();
  const timers = new FakeTimers(clock.clock);
  const nic = new FakeNic(clock);
  for (const p of boardPorts) nic.addLink(p.ifname);
  const firewall = new FakeFirewall();
  const conntrack = new FakeConntrack();
  conntrack.tcpLiberal = true;
  const workers = new FakeWorkerStarter();
  const haRuntime = new HaRuntime({
    board: { ...simBoard({ dir: '/run/sim-a', serial: 'TDSIM00000000001', tty: '/dev/pts/9' }), ports: boardPorts },
    identity: { serial: 'TDSIM00000000001', hostname: 'fw-a', model: 'TANDEM-SIM', firmware: '1.2.0' },
    clock,
    timers,
    nextBootId: () => 1,
    onLog: () => {},
    health: new HealthStamps(new FakeIpc().createSharedMemory(HEALTH_BYTES)),
    startWorker: workers.start,
  });
  const runtime = new DataPlaneRuntime({
    nic,
    firewall,
    conntrack,
    ports: boardPorts,
    serial: 'TDSIM00000000001',
    ha: haRuntime,
    timers,
    now: () => clock.nowMs(),
  });
  const roles: boolean[] = [];
  runtime.onRole((primary) => roles.push(primary));
  records.length = 0;
  c.after(() => {
    runtime.close();
    for (const w of workers.started) w.exit(0);
  });
  /** Applies as firmware/main.ts does: with HA on, the data plane first, so the worker starts armed. */
  const apply = async (settings: HaSettings, config: DataPlaneConfig = dp): Promise<void> => {
    if (settings.mode === 'standalone') {
      await haRuntime.apply(settings, 'fw-a');
      await runtime.apply(config, settings);
    } else {
      await runtime.apply(config, settings);
      await haRuntime.apply(settings, 'fw-a');
    }
  };
  /** Gratuitous ARPs sent on the data port `port` since the journal mark `from`. */
  const arps = (port: string, from = 0) => nic.journal.slice(from).filter((e) => e === `send if-${port} 0x0806`).length;
  return { clock, timers, nic, firewall, conntrack, workers, runtime, roles, apply, arps };
}

/** The worker's report of a takeover at `atMs`: 12 announcements sent, nothing failed. */
const tookOver = (atMs: number): TakeoverEvent => ({
  type: 'took-over',
  atMs,
  tookMs: 0.5,
  phases: { macs: 0.1, addresses: 0.2, forwarding: 0.05, announcement: 0.15 },
  announced: 12,
  failures: [],
});

const events = (level?: LogRecord['level']) =>
  records.filter((r) => r.event && (level === undefined || r.level === level)).map((r) => r.message);

test('apply() with HA on: the ruleset is loaded, own addresses and routes are set, the worker is armed with the plan', async (c) => {
  const { nic, firewall, workers, apply, roles } = setUp(c);
  await apply(ha);
  assert.deepEqual(firewall.offered, [renderRuleset(dp, { ifnameOf })]);
  assert.equal(firewall.ruleset, firewall.offered[0]);
  assert.ok(firewall.ruleset.includes('table inet tandem') && firewall.ruleset.includes('"if-port2"'));
  assert.deepEqual(nic.link('if-mgmt')?.addresses, ['198.18.9.10/24'], "the mgmt port's address is the unit's own");
  assert.deepEqual(nic.link('if-port1')?.addresses, [], 'data addresses belong to the primary');
  assert.deepEqual(nic.routes, [{ dst: '0.0.0.0/0', gateway: '198.18.2.254', ifname: 'if-port2', metric: 10 }]);
  assert.equal(nic.forwarding, false);
  assert.equal(workers.started.length, 1);
  const plan = workers.latest.init.plan;
  assert.equal(plan.announce, true);
  assert.deepEqual(
    plan.ports.map((p) => [p.name, p.ifname, p.virtualMac && formatMac(p.virtualMac), p.ipv4, p.ipv6]),
    [
      ['port1', 'if-port1', formatMac(vmac(0)), ['198.18.1.1/24'], ['2001:db8:1::1/64']],
      ['port2', 'if-port2', formatMac(vmac(1)), ['198.18.2.1/24', ...pool], []],
    ],
  );
  assert.deepEqual(roles, [], 'no role until the worker says');
  assert.ok(events().some((m) => m.startsWith('firewall ruleset loaded: 2 policies')));
});

test('took-over starts the announcement rounds with the virtual MACs; gave-up stops them; announce-round starts one', async (c) => {
  const { clock, timers, nic, workers, apply, roles, arps } = setUp(c);
  await apply(ha);
  const w = workers.latest;
  w.post(tookOver(clock.nowMs()));
  assert.deepEqual(roles, [true]);
  assert.equal(arps('port1'), 0, 'the worker sent the first round');
  timers.advance(7999);
  assert.equal(arps('port1'), 0);
  timers.advance(1);
  assert.equal(arps('port1'), 1, 'arps-interval 8 s later, the second');
  assert.equal(arps('port2'), 11, 'the port address and the pool');
  const garp = nic.sentOn('if-port1').at(-1) ?? new Uint8Array();
  assert.equal(formatMac(garp.subarray(6, 12)), formatMac(vmac(0)), 'sent from the virtual MAC');
  const mark = nic.journal.length;
  w.post({ type: 'gave-up', atMs: clock.nowMs(), tookMs: 0.1, failures: [] });
  assert.deepEqual(roles, [true, false]);
  timers.advance(60_000);
  assert.equal(arps('port1', mark), 0, 'no round after giving up');
  w.post({ type: 'announce-round', atMs: clock.nowMs(), reason: 'a peer joined' });
  timers.advance(8000);
  assert.equal(arps('port1', mark), 1);
  timers.advance(8000 * 3);
  assert.equal(arps('port1', mark), 4, 'arps 5 in all, the worker sent the first');
  timers.advance(60_000);
  assert.equal(arps('port1', mark), 4);
  assert.deepEqual(roles, [true, false], 'a fresh round is no change of role');
});

test('closed, as a leaving unit is before its worker hands the ports over, it sends no more announcement round', async (c) => {
  const { clock, timers, nic, workers, runtime, apply, arps } = setUp(c);
  await apply(ha);
  const w = workers.latest;
  w.post(tookOver(clock.nowMs()));
  w.post({ type: 'announce-round', atMs: clock.nowMs(), reason: 'a peer joined' });
  const mark = nic.journal.length;
  runtime.close();
  w.post({ type: 'announce-round', atMs: clock.nowMs(), reason: 'a message already on its way' });
  timers.advance(60_000);
  assert.equal(arps('port1', mark), 0);
  assert.equal(arps('port2', mark), 0);
});

test('window checks go on at start; a takeover and a return of the traffic relax the TCP sessions the kernel had', async (c) => {
  const { clock, conntrack, workers, apply } = setUp(c);
  assert.deepEqual(conntrack.tcpLiberalWrites, [false], 'a run that ended during a walk may have left them off');
  await apply(ha);
  const stream = (port: number) => session(tuple('198.18.2.10', '198.18.1.10', PROTO.TCP, port, 7102));
  conntrack.open().create([stream(1000), session(tuple('198.18.2.10', '198.18.1.10', PROTO.UDP, 1000, 53))]);
  const liberal = (port: number) => {
    const s = [...conntrack.sessions.values()].find((x) => x.orig.proto === PROTO.TCP && x.orig.sport === port);
    return ((s?.tcp?.flagsOrig ?? 0) & (s?.tcp?.flagsReply ?? 0) & TCP_FLAG.BE_LIBERAL) !== 0;
  };
  /** Until the switch was written `n` times in all: a walk ends by turning checks back on. */
  const walked = async (n: number) => {
    for (let turns = 0; conntrack.tcpLiberalWrites.length < n; turns++) {
      assert.ok(turns < 100, `the switch was written ${conntrack.tcpLiberalWrites.length} times, not ${n}`);
      await new Promise((r) => setImmediate(r));
    }
  };
  const w = workers.latest;
  w.post(tookOver(clock.nowMs()));
  assert.equal(conntrack.tcpLiberal, true, 'every session unchecked at once, before the walk reaches it');
  await walked(3);
  assert.deepEqual([liberal(1000), conntrack.tcpLiberal], [true, false]);
  conntrack.open().create([stream(1001)]);
  w.post({ type: 'announce-round', atMs: clock.nowMs(), reason: 'the data ports changed' });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual([liberal(1001), conntrack.tcpLiberalWrites.length], [false, 3], 'an announcement alone relaxes nothing');
  w.post({ type: 'carried-elsewhere', atMs: clock.nowMs(), reason: 'TDSIM00000000002 joined' });
  await walked(5);
  assert.equal(liberal(1001), true);
  assert.deepEqual(conntrack.tcpLiberalWrites, [false, true, false, true, false]);
  assert.ok(
    events().some(
      (m) => m === 'TCP sessions another unit may have carried (TDSIM00000000002 joined): window checks relaxed on 1 in 0 ms',
    ),
  );
});

test('standalone: the unit claims the data ports itself with its own MACs; HA on again releases them first', async (c) => {
  const { nic, workers, apply, roles, arps } = setUp(c);
  await apply(standalone);
  assert.equal(workers.started.length, 0);
  assert.deepEqual(nic.link('if-port1')?.addresses, ['198.18.1.1/24', '2001:db8:1::1/64']);
  assert.deepEqual(nic.link('if-port2')?.addresses, ['198.18.2.1/24', ...pool]);
  assert.equal(nic.forwarding, true);
  assert.equal(
    nic.journal.some((e) => e.startsWith('setMac')),
    false,
    'no virtual MAC',
  );
  assert.equal(arps('port1'), 1, 'announced at once');
  assert.deepEqual(roles, [true]);
  const mark = nic.journal.length;
  await apply(ha);
  assert.equal(nic.forwarding, false);
  assert.deepEqual(nic.link('if-port1')?.addresses, []);
  assert.deepEqual(roles, [true, false]);
  assert.ok(nic.journal.indexOf('forwarding off', mark) >= mark);
  assert.equal(workers.started.length, 1);
  assert.equal(workers.latest.init.plan.ports[0]?.ifname, 'if-port1');
});

test("HA turned off: the worker's release read after the standalone unit took the ports changes nothing", async (c) => {
  const { clock, timers, workers, apply, roles, arps } = setUp(c);
  await apply(ha);
  const w = workers.latest;
  w.post(tookOver(clock.nowMs()));
  const off = apply(standalone);
  w.exit(0);
  await off;
  assert.deepEqual(roles, [true, true], 'the standalone unit holds the ports');
  w.postAfterExit({ type: 'gave-up', atMs: clock.nowMs(), tookMs: 0.1, failures: [] });
  w.postAfterExit({ type: 'announce-round', atMs: clock.nowMs(), reason: 'late' });
  assert.deepEqual(roles, [true, true]);
  const before = arps('port1');
  timers.advance(8000);
  assert.equal(arps('port1') - before, 1, "the standalone unit's own rounds go on");
});

test('a ruleset the kernel refuses is reported and the old one stays; failed NIC steps are reported; nothing throws', async (c) => {
  const { nic, firewall, runtime, apply } = setUp(c);
  firewall.refuse = 'Error: Could not process rule: No such file or directory';
  nic.failWith('addAddress', 'if-mgmt', E.EPERM);
  nic.failWith('setIpv4Forwarding', '', E.EPERM);
  await apply(standalone);
  assert.equal(firewall.ruleset, '');
  const refused = events('error').filter((m) => m.startsWith('firewall'));
  assert.equal(refused.length, 1, events('error').join('\n'));
  assert.match(
    refused[0] ?? '',
    /^firewall ruleset refused, the previous one stays in force: nftables: apply failed .*No such file/,
  );
  const warnings = events('warn');
  assert.ok(
    warnings.some((m) =>
      m.startsWith('data plane: add 198.18.9.10/24 to if-mgmt failed: nic if-mgmt: addAddress failed (errno 1'),
    ),
    warnings.join('\n'),
  );
  assert.ok(
    warnings.some((m) => m.startsWith('data ports: enable forwarding: ')),
    warnings.join('\n'),
  );
  assert.equal(nic.routes.length, 1, 'the rest was applied');
  assert.deepEqual(nic.link('if-port1')?.addresses, ['198.18.1.1/24', '2001:db8:1::1/64']);
  firewall.refuse = null;
  await runtime.apply(dp, standalone);
  assert.equal(firewall.offered.length, 2, 'a refused ruleset is offered again');
  assert.equal(firewall.ruleset, firewall.offered[1]);
  await runtime.apply(dp, standalone);
  assert.equal(firewall.offered.length, 2, 'an unchanged ruleset is not loaded again');
});

/**
 * The example with management reserved: the mgmt port and port1 (which the example's `monitor`
 * no longer names, since a reserved port carries no HA traffic), read by the real config code.
 */
function reserving(entries: readonly string[]): { dp: DataPlaneConfig; ha: HaSettings } {
  const text = [
    dataPlaneExample.replace('    set monitor "port1" "port2"\n', ''),
    'config system ha',
    '    set ha-mgmt-status enable',
    '    config ha-mgmt-interfaces',
    ...entries,
    '    end',
    'end',
  ].join('\n');
  const t = treeFromText(text, firmwareSchema, ctx);
  return { dp: dataPlaneFromTree(t, ctx), ha: haSettingsFromTree(t, ctx) };
}
const MGMT_ENTRY = ['edit 1', 'set interface "mgmt"', 'set dst 198.18.200.0 255.255.255.0', 'set gateway 198.18.9.1', 'next'];
const PORT1_ENTRY = ['edit 2', 'set interface "port1"', 'set gateway 198.18.1.254', 'next'];

const table = (nic: FakeNic) =>
  nic.routes.filter((r) => r.table === MGMT_TABLE).map((r) => `${r.dst} via ${r.gateway ?? '-'} dev ${r.ifname}`);

test('reserved management interfaces: their own addresses, a rule for each, their routes in table 100; a reserved data port leaves the takeover plan', async (c) => {
  const { nic, workers, apply } = setUp(c);
  const reserved = reserving([...MGMT_ENTRY, ...PORT1_ENTRY]);
  await apply(reserved.ha, reserved.dp);
  assert.deepEqual(nic.link('if-mgmt')?.addresses, ['198.18.9.10/24']);
  assert.deepEqual(
    nic.link('if-port1')?.addresses,
    ['198.18.1.1/24', '2001:db8:1::1/64'],
    "a reserved data port is the unit's own",
  );
  assert.deepEqual(nic.rules, [
    { from: '198.18.9.10/32', table: MGMT_TABLE, priority: 100 },
    { from: '198.18.1.1/32', table: MGMT_TABLE, priority: 100 },
  ]);
  assert.deepEqual(table(nic), [
    '198.18.9.0/24 via - dev if-mgmt',
    '198.18.200.0/24 via 198.18.9.1 dev if-mgmt',
    '198.18.1.0/24 via - dev if-port1',
    '0.0.0.0/0 via 198.18.1.254 dev if-port1',
  ]);
  assert.deepEqual(
    nic.routes.filter((r) => r.table === undefined).map((r) => r.dst),
    ['0.0.0.0/0'],
    'the main table keeps the data routes alone',
  );
  assert.deepEqual(
    workers.latest.init.plan.ports.map((p) => p.name),
    ['port2'],
    'port1 is neither taken over nor given a virtual MAC',
  );
  assert.deepEqual(events('warn'), []);

  await apply({ ...reserved.ha, haMgmtStatus: false }, reserved.dp);
  assert.deepEqual(nic.rules, [], 'ha-mgmt-status disable takes the rules away');
  assert.deepEqual(table(nic), []);

  const released = reserving(MGMT_ENTRY);
  await apply(released.ha, released.dp);
  assert.deepEqual(nic.link('if-port1')?.addresses, [], 'port1 no longer reserved belongs to the primary again');
  assert.deepEqual(nic.link('if-mgmt')?.addresses, ['198.18.9.10/24'], "the mgmt port stays the unit's own");
  const armed = workers.latest.posted.filter((m) => m.type === 'arm').at(-1);
  assert.deepEqual(
    armed?.type === 'arm' && armed.plan.ports.map((p) => p.name),
    ['port1', 'port2'],
    'the worker is re-armed with port1 in the plan',
  );
  assert.deepEqual(table(nic), ['198.18.9.0/24 via - dev if-mgmt', '198.18.200.0/24 via 198.18.9.1 dev if-mgmt']);
});

test('management routes: a changed entry replaces its route, a removed one goes; kernel refusals and unusable entries are reported, the rest applied', async (c) => {
  const { nic, apply } = setUp(c);
  const first = reserving([...MGMT_ENTRY, ...PORT1_ENTRY]);
  await apply(first.ha, first.dp);
  const mark = nic.journal.length;
  const second = reserving([
    'edit 1',
    'set interface "mgmt"',
    'set dst 198.18.200.0 255.255.255.0',
    'set gateway 198.18.9.2',
    'next',
    'edit 3',
    'set interface "port2"',
    'set dst 198.18.201.0 255.255.255.0',
    'set gateway 198.18.7.1',
    'next',
  ]);
  const unaddressed = { ...second.dp, interfaces: second.dp.interfaces.filter((i) => i.name !== 'port1') };
  await apply(
    {
      ...second.ha,
      mgmtInterfaces: [
        ...second.ha.mgmtInterfaces,
        { id: 4, interface: 'port1', dst: '198.18.202.0/24', gateway: '198.18.1.254' },
      ],
    },
    unaddressed,
  );
  assert.deepEqual(table(nic), [
    '198.18.9.0/24 via - dev if-mgmt',
    '198.18.200.0/24 via 198.18.9.2 dev if-mgmt',
    '198.18.2.0/24 via - dev if-port2',
  ]);
  assert.deepEqual(nic.rules, [
    { from: '198.18.9.10/32', table: MGMT_TABLE, priority: 100 },
    { from: '198.18.2.1/32', table: MGMT_TABLE, priority: 100 },
  ]);
  assert.deepEqual(
    nic.journal.slice(mark).filter((e) => /Rule|table/.test(e) && e.startsWith('remove')),
    [
      'removeRule from 198.18.1.1/32 lookup 100 priority 100',
      'removeRoute 198.18.1.0/24 via - dev if-port1 metric 0 table 100',
      'removeRoute 0.0.0.0/0 via 198.18.1.254 dev if-port1 metric 0 table 100',
    ],
    'the stale rule first, then its routes; the route of entry 1 is replaced, not removed',
  );
  const warnings = events('warn');
  assert.ok(
    warnings.some((m) => m.includes('route 198.18.201.0/24 via 198.18.7.1 table 100') && m.includes('errno 101')),
    warnings.join('\n'),
  );
  assert.ok(
    warnings.includes(
      'management routes left out: ha-mgmt-interfaces 4: interface "port1" has no address to manage this unit from',
    ),
    warnings.join('\n'),
  );
});
