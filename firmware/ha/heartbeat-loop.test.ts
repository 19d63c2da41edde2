/**
 * The heartbeat worker's loop on fakes: the clock device (fake time moves in the poller's wait),
 * the NIC, the fence, and a stream pair for the socket to the main process. Frames from a peer are made by
 * the real encoder; what the loop sends is read back by the real decoder.
 */
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeFenceDevice } from '../../hal/fence/fence.fake.js';
import type { IpcStream } from '../../hal/ipc/index.js';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { ETH_HEADER_LEN, writeEthernetHeader } from '../../lib/ethernet.js';
import type { HaSettings } from '../config/ha-settings.js';
import { recordingLog } from '../log/logger.testkit.js';
import type { TakeoverPlan } from '../takeover/plan.js';
import { HEALTH_BYTES, HEARTBEAT_WORKER, HealthStamps } from '../watchdog/health.js';
import type { Advert } from './advert.js';
import { HANDOVER_WAIT_MS } from './graceful-leave.js';
import { HeartbeatLoop } from './heartbeat-loop.js';
import { haSettings, identity, peerAdvert } from './net.fake.js';
import { HA_ETHERTYPE, HA_MULTICAST_MAC } from './wire/addresses.js';
import { type DecodeResult, HeartbeatDecoder } from './wire/decoder.js';
import { HeartbeatEncoder } from './wire/encoder.js';
import { FrameType } from './wire/header.js';
import { keySpecOf, oneKeyRing } from './wire/key-ring.js';
import { deriveKeys } from './wire/keys.js';
import { encodeMessage, MessageReader, WorkerChannel } from './worker-channel.js';
import type { FromWorker, ToWorker, WorkerInit, WorkerLinks } from './worker-protocol.js';

const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
const PASSWORD = 'secret';
const VMAC = '02:54:44:07:00:00';
const HELLO_MS = 5000;
const plan = (ipv4 = ['198.18.1.1/24']): TakeoverPlan => ({
  announce: true,
  routes: [],
  ports: [{ name: 'port1', ifname: 'port1', virtualMac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 0), ipv4, ipv6: [] }],
});

/** A peer on ha1: its frames made by the real encoder, with its own sequence. */
class Peer {
  readonly #encoder: HeartbeatEncoder;

  constructor(
    readonly serial: string,
    password = PASSWORD,
  ) {
    this.#encoder = new HeartbeatEncoder({
      serial,
      groupId: 7,
      keys: deriveKeys(password),
      encryption: false,
      bootId: 1,
      nextBootId: () => 2,
    });
  }

  /** Seals with `password` from now on, the sequence carrying on. */
  rekey(password: string): void {
    this.#encoder.setKeys({ groupId: 7, keys: deriveKeys(password), encryption: false });
  }

  frame(type: FrameType, over: Partial<Advert> = {}): Uint8Array {
    const buf = new Uint8Array(1514);
    this.#encoder.setAdvert(peerAdvert(this.serial, { priority: 100, ...over }));
    const end = this.#encoder.encode(type, buf, ETH_HEADER_LEN);
    writeEthernetHeader(buf, HA_MULTICAST_MAC, Uint8Array.of(2, 0, 0, 0, 0, 0x42), HA_ETHERTYPE);
    return buf.slice(0, end);
  }
}

/** What a peer makes of a frame unit A sent. */
function decodeAsPeer(frame: Uint8Array, password = PASSWORD): DecodeResult & { ok: true } {
  const d = new HeartbeatDecoder({ ownSerial: B, slots: [{ groupId: 7, keys: deriveKeys(password), encryption: false }] });
  const r = d.decode(frame, ETH_HEADER_LEN, frame.length);
  assert.ok(r.ok, `unit A sent a frame a peer refuses: ${r.ok ? '' : r.reason}`);
  return r;
}

/** The ports setUp's worker starts with: two heartbeat links and a beacon port. */
const SET_UP_LINKS: WorkerLinks = {
  hbdev: [
    { name: 'ha1', ifname: 'ha1', priority: 50 },
    { name: 'ha2', ifname: 'ha2', priority: 50 },
  ],
  monitor: [],
  beacon: [{ name: 'port1', ifname: 'port1' }],
};

/** `reports`: the worker's writes to the main process go in the journal too, as "report". */
function setUp(c: TestContext, settings: Partial<HaSettings> = {}, o: { links?: WorkerLinks; reports?: boolean } = {}) {
  const journal: string[] = [];
  const timeline: { at: number; entry: string }[] = [];
  const logLines: string[] = [];
  const clock = new FakeClockDevice();
  const nic = new FakeNic(clock, { journal });
  for (const ifname of ['ha1', 'ha2', 'port1']) nic.addLink(ifname);
  const fence = new FakeFenceDevice({ journal, hasInterface: (ifname) => nic.link(ifname) !== undefined });
  const ipc = new FakeIpc(clock.fds);
  const health = new HealthStamps(ipc.createSharedMemory(HEALTH_BYTES));
  const [mainEnd, stream] = ipc.streamPair();
  const workerEnd: IpcStream = {
    fd: stream.fd,
    read: (buf) => stream.read(buf),
    write(buf, length) {
      if (o.reports) journal.push('report');
      return stream.write(buf, length);
    },
    close: () => stream.close(),
  };
  const reports = new MessageReader();
  const init: WorkerInit = {
    identity: identity(A),
    settings: haSettings(settings),
    keys: oneKeyRing(keySpecOf(haSettings(settings))),
    links: o.links ?? SET_UP_LINKS,
    plan: plan(),
    bootId: 1,
    fifoPriority: 0,
    bootIdPath: '',
    fencePins: '',
  };
  const channel = new WorkerChannel(workerEnd);
  const loop = new HeartbeatLoop({ clock, nic, fence, nextBootId: () => 2, health }, init, channel, recordingLog(logLines));
  const readBuf = new Uint8Array(64 * 1024);
  const fromWorker: FromWorker[] = [];
  let seen = 0;
  const collect = () => {
    for (let n = mainEnd.read(readBuf); n > 0; n = mainEnd.read(readBuf)) reports.push(readBuf.subarray(0, n));
    for (let m = reports.next(); m !== undefined; m = reports.next()) fromWorker.push(m as FromWorker);
    for (; seen < journal.length; seen++) timeline.push({ at: clock.nowMs(), entry: journal[seen] ?? '' });
  };
  const t = {
    channel,
    clock,
    nic,
    fence: fence.fence,
    health,
    journal,
    timeline,
    logLines,
    /** Sends a command the way HaRuntime does, on the worker's socket. */
    send(msg: ToWorker): void {
      const bytes = encodeMessage(msg);
      assert.equal(mainEnd.write(bytes, bytes.length), bytes.length, 'the socket took the whole command');
    },
    start(): void {
      loop.start();
      collect();
    },
    /** One turn; false once the loop was asked to leave. */
    step(): boolean {
      const more = loop.step();
      collect();
      return more;
    },
    /** Turns until `done` (checked after each), at most `max` of them. */
    stepUntil(done: () => boolean, max = 1000): void {
      for (let i = 0; i < max; i++) {
        if (done()) return;
        t.step();
      }
      assert.fail(`not reached in ${max} turns (now ${clock.nowMs()} ms)`);
    },
    leave(): void {
      loop.leave();
      collect();
    },
    /** Unit A's state by its latest snapshot. */
    state(): string | undefined {
      const last = fromWorker.filter((m) => m.type === 'snapshot').at(-1);
      return last?.snapshot.state;
    },
    posted(type: FromWorker['type']): FromWorker[] {
      return fromWorker.filter((m) => m.type === type);
    },
    /** The types of every message posted so far, in order. */
    postedTypes(): FromWorker['type'][] {
      return fromWorker.map((m) => m.type);
    },
    /** Journal entries from index `from` on. */
    since(from: number): string[] {
      return journal.slice(from);
    },
  };
  c.after(() => {
    mainEnd.close();
    workerEnd.close();
  });
  return t;
}

type Rig = ReturnType<typeof setUp>;

/** Unit A alone through hello into work. */
function primaryAlone(t: Rig): void {
  t.start();
  t.stepUntil(() => t.posted('took-over').length === 1);
}

/**
 * Unit A primary, and peer B standby (it loses on priority), heard on ha1 every interval for
 * `heardMs` after A took over; turns run until `runMs` after it.
 */
function primaryWithPeer(c: TestContext, heardMs: number, runMs: number): { t: Rig; peer: Peer } {
  const t = setUp(c);
  primaryAlone(t);
  const peer = new Peer(B);
  for (let at = HELLO_MS; at <= HELLO_MS + heardMs; at += 200) {
    t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { primary: A }), at);
  }
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + runMs);
  return { t, peer };
}

const indexOf = (entries: string[], entry: string, from = 0): number => {
  const i = entries.indexOf(entry, from);
  assert.ok(i >= 0, `no "${entry}" in ${JSON.stringify(entries.slice(from))}`);
  return i;
};

test('becoming primary: the lease is renewed before the takeover, which the main thread hears of', (c) => {
  const t = setUp(c);
  t.start();
  const hb = t.journal.filter((e) => e === 'send ha1 0x8890').length;
  assert.equal(hb, 1, 'a first heartbeat at once');
  t.stepUntil(() => t.posted('took-over').length === 1);
  assert.equal(t.clock.nowMs(), HELLO_MS, 'alone, at the end of hello-holddown');
  const took = t.timeline.filter((e) => e.at === HELLO_MS).map((e) => e.entry);
  const renew = indexOf(took, `fence renew ${HELLO_MS + 1000}`);
  const mac = indexOf(took, `setMac port1 ${VMAC}`);
  assert.ok(renew < mac, `lease renewed before the virtual MAC: ${took.join(', ')}`);
  assert.ok(indexOf(took, 'addAddress port1 198.18.1.1/24') > mac);
  assert.ok(indexOf(took, 'forwarding on') > mac);
  assert.ok(indexOf(took, 'send port1 0x0806') > indexOf(took, 'forwarding on'), 'the first gratuitous ARP');
  assert.equal(t.nic.link('port1')?.addresses.join(), '198.18.1.1/24');
  const tookOver = t.posted('took-over')[0];
  assert.ok(tookOver?.type === 'took-over');
  assert.equal(tookOver.atMs, HELLO_MS);
  assert.equal(tookOver.announced, 1);
  assert.deepEqual(tookOver.failures, []);
  assert.equal(t.state(), 'work');
});

test('a heartbeat from a peer becomes a cluster input; a frame the decoder refuses is counted', (c) => {
  const t = setUp(c);
  t.start();
  const peer = new Peer(B);
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat), 30);
  t.step();
  assert.equal(t.clock.nowMs(), 30, 'the frame ends the wait');
  assert.ok(t.logLines.includes(`event info peer host-${B} (${B}) joined on ha1`), t.logLines.join('\n'));
  const stranger = new Peer('TDSIM00000000003', 'another password');
  t.nic.deliver('ha2', stranger.frame(FrameType.Heartbeat), 60);
  t.step();
  assert.equal(t.clock.nowMs(), 60);
  const snapshots = t.posted('snapshot').length;
  t.stepUntil(() => t.posted('snapshot').length > snapshots);
  const snap = t.posted('snapshot').at(-1);
  assert.ok(snap?.type === 'snapshot');
  assert.deepEqual(
    snap.snapshot.members.map((m) => m.serial),
    [A, B],
  );
  assert.equal(snap.snapshot.links.find((l) => l.name === 'ha1')?.rxAccepted, 1);
  assert.equal(snap.snapshot.links.find((l) => l.name === 'ha2')?.rxAccepted, 0);
  assert.equal(snap.snapshot.rejected.badAuth, 1);
});

test('standing down: "take over now" goes first; the ports are held until the successor works, then released with the lease revoked first', (c) => {
  const { t, peer } = primaryWithPeer(c, 2000, 500);
  assert.equal(t.state(), 'work', 'A wins on priority');
  const mark = t.journal.length;
  t.send({ type: 'failover', on: true });
  t.step();
  const at = t.clock.nowMs();
  const told = t.since(mark).filter((e) => !e.startsWith('fence renew'));
  assert.deepEqual(told, ['send ha1 0x8890', 'send ha2 0x8890'], 'told, and nothing released yet');
  const first = decodeAsPeer(t.nic.sentOn('ha1').at(-1) ?? new Uint8Array());
  assert.equal(first.advert.state, 'standby', 'the frame before the release already says standby');
  assert.equal(first.advert.primary, B);
  assert.equal(t.nic.forwarding, true);
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B }), at + 2);
  const released = t.journal.length;
  t.step();
  assert.equal(t.clock.nowMs(), at + 2, "the successor's heartbeat ends the wait");
  const turn = t.since(released);
  assert.equal(turn[0], 'fence revoke', turn.join(', '));
  const off = indexOf(turn, 'forwarding off');
  const own = indexOf(turn, 'setMac port1 02:00:00:00:00:04');
  assert.ok(indexOf(turn, 'removeAddress port1 198.18.1.1/24') > off);
  assert.deepEqual(turn.slice(own + 1), ['send ha1 0x8890', 'send ha2 0x8890', 'send port1 0x8890']);
  assert.ok(t.logLines.includes('info successor works 2.00 ms after this unit stood down'), t.logLines.join('\n'));
  const gaveUp = t.posted('gave-up')[0];
  assert.ok(gaveUp?.type === 'gave-up');
  assert.equal(gaveUp.atMs, at + 2);
  assert.equal(t.fence.revoked, true);
  assert.equal(t.nic.forwarding, false);
});

/** A primary with `failover set` at `at`, B working 2 ms later: A has released the ports. */
function handedOverToB(c: TestContext): { t: Rig; peer: Peer; at: number } {
  const { t, peer } = primaryWithPeer(c, 2000, 500);
  t.send({ type: 'failover', on: true });
  t.step();
  const at = t.clock.nowMs();
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B }), at + 2);
  t.step();
  assert.equal(t.posted('gave-up').length, 1);
  return { t, peer, at };
}

test('a unit standing down at a heal tells its peer at once, on a link whose carrier is back but not yet reported', (c) => {
  const t = setUp(c, { override: true });
  primaryAlone(t);
  t.nic.setLink('ha1', { carrier: false });
  t.nic.setLink('ha2', { carrier: false });
  t.step();
  // The cable is back and carries frames; the kernel has not reported its carrier yet.
  t.nic.setLink('ha1', { carrier: true }, { reported: false });
  const at = t.clock.nowMs();
  const winner = { state: 'work' as const, primary: B, priority: 250, override: true };
  t.nic.deliver('ha1', new Peer(B).frame(FrameType.Heartbeat, winner), at + 1);
  const mark = t.timeline.length;
  t.stepUntil(() => t.posted('gave-up').length === 1, 20);
  const turn = t.timeline.slice(mark).map((e) => e.entry);
  const released = turn.findIndex((e) => e.startsWith('setMac port1') && !e.endsWith(VMAC));
  assert.ok(released >= 0, `the ports were not released: ${turn.join(', ')}`);
  assert.ok(turn.indexOf('send ha1 0x8890', released) > released, `no heartbeat on ha1 after the release: ${turn.join(', ')}`);
  assert.equal(decodeAsPeer(t.nic.sentOn('ha1').at(-1) ?? new Uint8Array()).advert.primary, B, 'it says B is primary');
});

test('a role a frame brings is announced in the same turn, not at the next tick', (c) => {
  const { t, peer, at } = handedOverToB(c);
  // B sets failover too: the election goes by priority again, and A wins it on B's frame.
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B, failover: true }), at + 50);
  const mark = t.timeline.length;
  t.step();
  assert.equal(t.clock.nowMs(), at + 50);
  assert.equal(t.posted('took-over').length, 2, 'A took over again');
  const turn = t.timeline.slice(mark).map((e) => e.entry);
  const sent = turn.lastIndexOf('send ha1 0x8890');
  assert.ok(sent > indexOf(turn, `setMac port1 ${VMAC}`), `no heartbeat after the takeover in its turn: ${turn.join(', ')}`);
  assert.equal(decodeAsPeer(t.nic.sentOn('ha1').at(-1) ?? new Uint8Array()).advert.state, 'work');
});

test('taking over from a peer that stands down: announced again on its frame after the release, though its step down came on both links', (c) => {
  const { t, peer, at } = handedOverToB(c);
  // B stands down in turn (failover set on both): its frame goes out on ha1 and ha2 together.
  const down = { state: 'standby' as const, primary: A, failover: true };
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, down), at + 50);
  t.nic.deliver('ha2', peer.frame(FrameType.Heartbeat, down), at + 50);
  t.stepUntil(() => t.posted('took-over').length === 2);
  const rounds = () => t.posted('announce-round').map((m) => (m.type === 'announce-round' ? m.reason : ''));
  const before = rounds().length;
  // B's frames after its release, on both links again.
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, down), at + 53);
  t.nic.deliver('ha2', peer.frame(FrameType.Heartbeat, down), at + 53);
  t.stepUntil(() => t.clock.nowMs() >= at + 53);
  assert.deepEqual(rounds().slice(before), [`${B} released the data ports`]);
});

test('a peer that claimed the role while this unit held the ports: its sessions moved, said even with announcements off', (c) => {
  const { t, peer } = primaryWithPeer(c, 2000, 500);
  t.send({ type: 'arm', plan: { ...plan(), announce: false } });
  t.step();
  const rounds = t.posted('announce-round').length;
  const carried = () => t.posted('carried-elsewhere').map((m) => (m.type === 'carried-elsewhere' ? m.reason : ''));
  assert.deepEqual(carried(), [`${B} joined`], 'it may have held the ports while this unit could not hear it');
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B }), HELLO_MS + 520);
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + 520);
  assert.deepEqual(carried().slice(1), [`${B} claimed the primary role`]);
  assert.equal(t.posted('announce-round').length, rounds, 'gratuitous ARPs off: nothing announced');
});

test('standing down with no successor working: the ports, the lease and silence are held 100 ms at most, then a heartbeat at once', (c) => {
  const { t, peer } = primaryWithPeer(c, 2000, 800);
  // Standing down between ticks: the tick and the beacon due at +1000 fall inside the hold.
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { primary: A }), HELLO_MS + 950);
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + 950);
  t.send({ type: 'failover', on: true });
  t.step();
  const at = t.clock.nowMs();
  assert.equal(at, HELLO_MS + 950);
  const mark = t.timeline.length;
  t.stepUntil(() => t.posted('gave-up').length === 1);
  assert.equal(t.clock.nowMs(), at + HANDOVER_WAIT_MS, 'released at the end of the hold');
  const held = t.timeline.slice(mark).filter((e) => e.at < at + HANDOVER_WAIT_MS);
  assert.deepEqual(
    held.filter((e) => e.entry.startsWith('send')),
    [],
    'no tick heartbeat or beacon while the ports are held: the next frame must follow the release',
  );
  assert.deepEqual(
    held.filter((e) => e.entry.startsWith('fence renew')),
    [],
    "no renewal without a heartbeat: B's detector counts from A's last frame",
  );
  const release = t.timeline.slice(mark).map((e) => e.entry);
  const renewedUntil = Number(
    t.journal
      .filter((e) => e.startsWith('fence renew'))
      .at(-1)
      ?.split(' ')[2],
  );
  assert.ok(renewedUntil > at + HANDOVER_WAIT_MS, `still forwarding, so the lease outlasts the hold (until ${renewedUntil})`);
  assert.ok(indexOf(release, 'fence revoke') < indexOf(release, 'send ha1 0x8890'));
  assert.ok(t.logLines.some((l) => l.includes(`no successor took over within ${HANDOVER_WAIT_MS} ms of standing down`)));
});

test('primary again before the successor works: the held ports stay, and heartbeats go on', (c) => {
  const { t } = primaryWithPeer(c, 2000, 500);
  t.send({ type: 'failover', on: true });
  t.step();
  const at = t.clock.nowMs();
  t.send({ type: 'failover', on: false });
  t.step();
  assert.equal(t.state(), 'work');
  const mark = t.journal.length;
  t.stepUntil(() => t.clock.nowMs() >= at + 3 * HANDOVER_WAIT_MS);
  assert.deepEqual(t.posted('gave-up'), []);
  assert.equal(t.nic.forwarding, true);
  assert.ok(t.since(mark).includes('send ha1 0x8890'), 'ticks again');
});

test("the hold is bounded by the peers' detectors: none below a lost threshold of 3", (c) => {
  const { t } = primaryWithPeer(c, 2000, 500);
  t.send({ type: 'settings', settings: haSettings({ hbInterval: 1, hbLostThreshold: 2 }), links: SET_UP_LINKS, hostname: A });
  t.step();
  const mark = t.journal.length;
  t.send({ type: 'failover', on: true });
  t.step();
  const turn = t.since(mark);
  assert.ok(turn.includes('fence revoke'), `released in the same turn at threshold 2: ${turn.join(', ')}`);
});

test('beacons: every beacon period while primary, one more right after giving up, none as secondary', (c) => {
  const { t } = primaryWithPeer(c, 4000, 1600);
  t.send({ type: 'failover', on: true });
  t.step();
  const stoodDownAt = t.clock.nowMs();
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + 3000);
  const gaveUp = t.posted('gave-up')[0];
  assert.ok(gaveUp?.type === 'gave-up');
  const gaveUpAt = gaveUp.atMs;
  const beacons = t.timeline.filter((e) => e.entry === 'send port1 0x8890').map((e) => e.at);
  // (lost threshold 1200 − interval 200) / 2 = 500 ms: the loop wakes for each, between ticks.
  assert.deepEqual(beacons, [HELLO_MS, HELLO_MS + 500, HELLO_MS + 1000, HELLO_MS + 1500, gaveUpAt]);
  assert.equal(stoodDownAt, HELLO_MS + 1600);
  assert.equal(gaveUpAt, stoodDownAt + HANDOVER_WAIT_MS, 'no successor took over: released at the end of the hold');
  for (const frame of t.nic.sentOn('port1').filter((f) => f[12] === 0x88)) {
    assert.equal(decodeAsPeer(frame).type, FrameType.Beacon);
  }
});

test('beacons go out on a data port whose carrier is back but not yet reported', (c) => {
  const { t } = primaryWithPeer(c, 4000, 600);
  t.nic.setLink('port1', { carrier: false });
  t.step();
  t.nic.setLink('port1', { carrier: true }, { reported: false });
  const from = t.clock.nowMs();
  t.stepUntil(() => t.clock.nowMs() >= from + 1000);
  const beacons = t.timeline.filter((e) => e.entry === 'send port1 0x8890' && e.at > from);
  assert.ok(beacons.length >= 2, `beacons in the second after: ${beacons.length}`);
});

test('leaving as primary: leave frames, then the data ports are held until the successor works', (c) => {
  const { t, peer } = primaryWithPeer(c, 1000, 500);
  t.send({ type: 'leave' });
  assert.equal(t.step(), false, 'the loop ends once asked to leave');
  const start = t.clock.nowMs();
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B }), start + 7);
  const mark = t.journal.length;
  t.leave();
  const left = t.since(mark);
  assert.deepEqual(left.slice(0, 4), ['send ha1 0x8890', 'send ha2 0x8890', 'send ha1 0x8890', 'send ha2 0x8890']);
  const sent = t.nic.sentOn('ha1');
  const types = sent.slice(-3).map((f) => decodeAsPeer(f).type);
  assert.deepEqual(types, [FrameType.Leave, FrameType.Leave, FrameType.Leave], 'two before the release, one after');
  assert.equal(t.clock.nowMs(), start + 7, 'released the moment the successor works');
  assert.ok(t.logLines.includes('info successor works 7.00 ms after the leave frames'), t.logLines.join('\n'));
  const revoke = indexOf(left, 'fence revoke');
  assert.ok(revoke < indexOf(left, 'forwarding off'));
  assert.equal(left.at(-1), 'fence close');
  // The main process's announcement rounds stop on it: with the fence closed, a round after the
  // release would teach the switches this unit's ports for the virtual MAC.
  const gaveUp = t.posted('gave-up');
  assert.equal(gaveUp.length, 1);
  assert.equal(gaveUp[0]?.type === 'gave-up' && gaveUp[0].atMs, start + 7);
  assert.deepEqual(t.posted('left'), [{ type: 'left' }]);
  assert.ok(t.postedTypes().indexOf('gave-up') < t.postedTypes().indexOf('left'), 'the release is told before the end');
  assert.equal(t.nic.portsOf('ha1').length, 0, 'every port closed');
});

test('leaving as primary with no successor: the ports are released after at most 100 ms, the lease renewed meanwhile', (c) => {
  const { t } = primaryWithPeer(c, 500, 450);
  t.send({ type: 'leave' });
  t.step();
  const start = t.clock.nowMs();
  const mark = t.journal.length;
  t.leave();
  assert.equal(t.clock.nowMs(), start + HANDOVER_WAIT_MS);
  assert.ok(t.logLines.some((l) => l.includes(`no successor took over within ${HANDOVER_WAIT_MS} ms`)));
  const left = t.since(mark);
  const renewals = left.filter((e) => e.startsWith('fence renew'));
  assert.ok(renewals.length > 0, 'still forwarding, so still renewing');
  assert.ok(left.lastIndexOf(renewals.at(-1) ?? '') < indexOf(left, 'fence revoke'));
  assert.equal(t.nic.forwarding, false);
});

test('leaving as secondary: leave frames and no wait', (c) => {
  const t = setUp(c);
  t.start();
  t.step();
  t.send({ type: 'leave' });
  assert.equal(t.step(), false);
  const start = t.clock.nowMs();
  t.leave();
  assert.equal(t.clock.nowMs(), start);
  assert.deepEqual(
    t.nic
      .sentOn('ha1')
      .slice(-2)
      .map((f) => decodeAsPeer(f).type),
    [FrameType.Leave, FrameType.Leave],
  );
  assert.deepEqual(t.posted('left'), [{ type: 'left' }]);
  assert.deepEqual(t.posted('gave-up'), [], 'a secondary held no ports');
});

test('the watchdog stamp is written on every turn', (c) => {
  const t = setUp(c);
  t.start();
  assert.equal(t.health.ageMs(HEARTBEAT_WORKER, 0), null, 'not before the first turn');
  for (let i = 0; i < 5; i++) {
    t.step();
    assert.equal(t.health.ageMs(HEARTBEAT_WORKER, t.clock.nowMs()), 0, `turn ${i} at ${t.clock.nowMs()} ms`);
  }
  t.clock.clock.advance(700);
  assert.equal(t.health.ageMs(HEARTBEAT_WORKER, t.clock.nowMs()), 700);
});

test('commands from the main process: new settings re-time the ticker, a new plan while primary is applied and announced', (c) => {
  const t = setUp(c);
  primaryAlone(t);
  const ticker = t.clock.tickers[0];
  assert.equal(ticker?.periodMs, 200);
  const settings = haSettings({ hbInterval: 1 });
  const links = {
    hbdev: [{ name: 'ha1', ifname: 'ha1', priority: 50 }],
    monitor: [],
    beacon: [{ name: 'port1', ifname: 'port1' }],
  };
  t.send({ type: 'settings', settings, links, hostname: 'fw-a' });
  t.send({ type: 'arm', plan: plan(['198.18.1.1/24', '198.18.1.50/32']) });
  const mark = t.journal.length;
  t.step();
  assert.equal(ticker.periodMs, 100);
  assert.ok(t.since(mark).includes('addAddress port1 198.18.1.50/32'));
  const round = t.posted('announce-round').at(-1);
  assert.ok(round?.type === 'announce-round');
  assert.equal(round.reason, 'the data ports changed');
  assert.equal(t.posted('carried-elsewhere').length, 0, 'no other unit carried the traffic');
  t.stepUntil(() => t.nic.sentOn('ha1').length > 0 && decodeAsPeer(t.nic.sentOn('ha1').at(-1)!).advert.hostname === 'fw-a');
  assert.equal(t.nic.portsOf('ha2').length, 0, 'ha2 is no heartbeat link any more');
});

test('new settings that leave the ports as they were keep them open: no frame queued there is lost', (c) => {
  const t = setUp(c);
  t.start();
  // Every raw port ever opened, closed ones included: a re-open adds one.
  const opened = () => ['ha1', 'ha2', 'port1'].map((i) => t.nic.rawPorts.filter((p) => p.ifname === i).length);
  const before = opened();
  const links = SET_UP_LINKS;
  for (let i = 0; i < 20; i++) t.send({ type: 'settings', settings: haSettings({ priority: 100 + i }), links, hostname: 'fw-a' });
  t.step();
  assert.deepEqual(opened(), before, 'twenty commits, no port opened again');
  t.send({ type: 'settings', settings: haSettings(), links: { ...links, hbdev: [links.hbdev[0]!] }, hostname: 'fw-a' });
  t.step();
  assert.ok(opened()[0]! > before[0]!, 'a change of the hbdev ports opens them anew');
  assert.equal(t.nic.portsOf('ha2').length, 0);
});

test('settings every 50 ms (a burst of synced commits) keep the heartbeat ticker going at its interval', (c) => {
  const t = setUp(c);
  t.start();
  const links = SET_UP_LINKS;
  const ticks = () => {
    const s = t.posted('snapshot').at(-1);
    return s?.type === 'snapshot' ? s.snapshot.tickJitter.count : 0;
  };
  const from = t.clock.nowMs();
  const before = ticks();
  // A peer's heartbeat every 50 ms wakes the loop then; a command arrives right behind each.
  const peer = new Peer(B);
  for (let at = from + 50; at <= from + 2000; at += 50) {
    t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat), at);
    t.stepUntil(() => t.clock.nowMs() >= at);
    t.send({ type: 'settings', settings: haSettings(), links, hostname: 'fw-a' });
    t.step();
  }
  t.stepUntil(() => t.posted('snapshot').length > 0 && t.clock.nowMs() >= from + 2300);
  // 200 ms heartbeats (haSettings' interval) for 2 s: about 10 ticks; none if each command restarted the ticker.
  assert.ok(ticks() - before >= 9, `${ticks() - before} ticks in 2 s`);
});

test('commands that were read together with the WorkerInit are applied before the first heartbeat', (c) => {
  const t = setUp(c);
  t.send({ type: 'failover', on: true });
  // worker.ts reads its WorkerInit with one fill(), which takes whatever followed it too.
  t.channel.fill();
  t.start();
  const first = t.nic.sentOn('ha1')[0];
  assert.ok(first, 'a first heartbeat at once');
  assert.equal(decodeAsPeer(first).advert.failover, true, 'the failover command took effect without a further wake-up');
});

/**
 * Unit A primary with peer B heard for 400 ms; then A stalls (no turn) for 3x the lost
 * threshold, while B's frames queue or are lost. Returns when A resumes (before its turn).
 */
function stalledPrimary(c: TestContext, sessionPickup: boolean, stallMs = 3600): { t: Rig; peer: Peer; resumeAt: number } {
  const pickup = { tcp: sessionPickup, connectionless: false, expectation: false, nat: false, delay: false };
  const t = setUp(c, { sessionPickup: pickup });
  primaryAlone(t);
  const peer = new Peer(B);
  for (let at = HELLO_MS; at <= HELLO_MS + 400; at += 200)
    t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { primary: A }), at);
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + 500);
  const resumeAt = t.clock.nowMs() + stallMs;
  t.clock.clock.advanceTo(resumeAt);
  return { t, peer, resumeAt };
}

test('a stall too short for peers to lose this unit is announced, not carried elsewhere; a long one is both', (c) => {
  const reasons = (t: Rig, type: 'announce-round' | 'carried-elsewhere') =>
    t.posted(type).flatMap((m) => (m.type === type && /stall/.test(m.reason) ? [m.reason] : []));
  // 200 ms × 6: peers lose this unit after 1200 ms of silence.
  const short = stalledPrimary(c, false, 600);
  short.t.nic.deliver('ha1', short.peer.frame(FrameType.Heartbeat, { primary: A }), short.resumeAt + 50);
  short.t.stepUntil(() => short.t.clock.nowMs() >= short.resumeAt + 300);
  assert.equal(reasons(short.t, 'announce-round').length, 1, 'announced afresh');
  assert.deepEqual(reasons(short.t, 'carried-elsewhere'), [], 'no peer could have taken over');
  const long = stalledPrimary(c, false, 1200);
  long.t.nic.deliver('ha1', long.peer.frame(FrameType.Heartbeat, { primary: A }), long.resumeAt + 50);
  long.t.stepUntil(() => long.t.clock.nowMs() >= long.resumeAt + 300);
  assert.equal(reasons(long.t, 'carried-elsewhere').length, 1, 'peers may have lost it and taken over');
});

test("resumed from a long stall, the peer's claim lost: A is silent and renews no lease until it hears B, then stands down (stale sessions)", (c) => {
  const { t, peer, resumeAt } = stalledPrimary(c, true);
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { state: 'work', primary: B }), resumeAt + 150);
  const mark = t.journal.length;
  t.stepUntil(() => t.posted('gave-up').length === 1);
  assert.equal(t.clock.nowMs(), resumeAt + 150, 'stands down on the first fresh frame');
  const before = t.since(mark).slice(0, t.since(mark).indexOf('fence revoke'));
  assert.deepEqual(
    before.filter((e) => e.startsWith('send port1') || e.startsWith('fence renew')),
    [],
    `no lease and no beacon while listening: ${before.join(', ')}`,
  );
  assert.deepEqual(
    before.filter((e) => e.startsWith('send ha')),
    ['send ha1 0x8890', 'send ha2 0x8890'],
    'the only heartbeat before the release is the hand-over',
  );
  assert.equal(decodeAsPeer(t.nic.sentOn('ha1').at(-1) ?? new Uint8Array()).advert.sessionsReady, false);
});

test('resumed from a long stall with nobody claiming the role: A speaks and renews its lease once it heard B', (c) => {
  const { t, peer, resumeAt } = stalledPrimary(c, true);
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { primary: A }), resumeAt + 150);
  const mark = t.journal.length;
  t.step();
  assert.deepEqual(
    t.since(mark).filter((e) => e.startsWith('send') || e.startsWith('fence')),
    [],
    'nothing in the turn that resumed',
  );
  t.stepUntil(() => t.clock.nowMs() >= resumeAt + 150);
  const turn = t.since(mark);
  assert.ok(turn.includes(`fence renew ${resumeAt + 150 + 1000}`), turn.join(', '));
  assert.ok(turn.includes('send ha1 0x8890'), turn.join(', '));
  assert.equal(t.state(), 'work');
  const snap = t.posted('snapshot').at(-1);
  assert.ok(snap?.type === 'snapshot');
  assert.equal(snap.snapshot.lease?.state, 'held', 'a snapshot at the end of listening shows the lease renewed');
  assert.equal(t.posted('gave-up').length, 0);
});

test("keys: a ring from the main process re-keys A's heartbeats in sequence; the primary's first frame with the next key switches A at once", (c) => {
  const t = setUp(c);
  t.start();
  const peer = new Peer(B);
  const primaryB = { priority: 200, state: 'work', primary: B, ageS: 3600 } as const;
  const SWITCH_AT = 6000;
  for (let at = 100; at < SWITCH_AT; at += 200) t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, primaryB), at);
  // B, primary, switches to the next key; one standby frame first, which switches nobody.
  peer.rekey('next');
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { ...primaryB, state: 'standby', primary: '' }), SWITCH_AT);
  for (let at = SWITCH_AT + 100; at < 8000; at += 200) t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, primaryB), at);
  t.stepUntil(() => t.clock.nowMs() >= 5500);
  assert.equal(t.state(), 'standby', 'B is primary');
  const logsBefore = t.logLines.length;
  const cur = { groupId: 7, groupName: 'prod', password: PASSWORD, encryption: false };
  t.send({ type: 'keys', ring: { slots: [cur, { ...cur, password: 'next' }], send: 0 } });
  t.stepUntil(() => t.clock.nowMs() >= SWITCH_AT);
  assert.equal(t.posted('key-switched').length, 0, 'a frame with the next key from a unit not primary switches nothing');
  const sentBefore = t.nic.sentOn('ha1').length;
  t.stepUntil(() => t.posted('key-switched').length > 0);
  assert.equal(t.clock.nowMs(), SWITCH_AT + 100, "at B's first frame as primary with the next key");
  assert.deepEqual(t.posted('key-switched'), [{ type: 'key-switched', by: B }]);
  t.stepUntil(() => t.clock.nowMs() >= 8000);
  // Every frame A sent opens at a peer holding both keys, none a replay: one sequence throughout.
  const both = new HeartbeatDecoder({
    ownSerial: B,
    slots: [PASSWORD, 'next'].map((p) => ({ groupId: 7, keys: deriveKeys(p), encryption: false })),
  });
  const slots = t.nic.sentOn('ha1').map((f) => {
    const r = both.decode(f, ETH_HEADER_LEN, f.length);
    assert.ok(r.ok, `refused: ${r.ok ? '' : r.reason}`);
    return r.slot;
  });
  assert.deepEqual(new Set(slots.slice(0, sentBefore)), new Set([0]));
  assert.deepEqual(new Set(slots.slice(sentBefore + 1)), new Set([1]), 'sealed with the next key after the switch');
  decodeAsPeer(t.nic.sentOn('ha1').at(-1)!, 'next');
  // The grace window over, the main process drops the old key: B's next-key frames still count.
  t.send({ type: 'keys', ring: { slots: [{ ...cur, password: 'next' }], send: 0 } });
  for (let at = 8100; at < 9000; at += 200) t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, primaryB), at);
  t.stepUntil(() => t.clock.nowMs() >= 9000);
  assert.equal(t.state(), 'standby');
  assert.deepEqual(t.logLines.slice(logsBefore), [], 'no state change, nobody lost');
  const snap = t.posted('snapshot').at(-1);
  assert.ok(snap?.type === 'snapshot');
  assert.equal(snap.snapshot.rejected.badAuth, 0);
});

test('keys: a ring the main process should never send is logged and leaves the keys as they were', (c) => {
  const t = setUp(c);
  t.start();
  t.send({ type: 'keys', ring: { slots: [], send: 0 } });
  t.step();
  assert.ok(t.logLines.includes('event error heartbeat keys unchanged: the main process sent key ring: expected 1 or 2 slots'));
  t.stepUntil(() => t.nic.sentOn('ha1').length > 1);
  decodeAsPeer(t.nic.sentOn('ha1').at(-1)!);
});

test('with unicast-hb, control frames on UDP 703 are relayed both ways, 64 a turn, the rest dropped and counted', (c) => {
  const t = setUp(c, { unicastHb: true, unicastHbPeerip: '198.18.9.2' });
  t.start();
  /** A control frame as the relay sees it: the HA header's magic and type 5, then anything. */
  const control = (n: number) => Uint8Array.from({ length: 80 }, (_, i) => [0x54, 0x44, 1, 1, 5][i] ?? n);
  const peer = new Peer(B);
  for (let n = 0; n < 70; n++) assert.ok(t.nic.deliverUdp(703, control(n)));
  t.nic.deliverUdp(703, peer.frame(FrameType.Heartbeat).subarray(ETH_HEADER_LEN));
  t.stepUntil(() => t.posted('control-frames').length > 0);
  const relayed = t.posted('control-frames').flatMap((m) => (m.type === 'control-frames' ? m.frames : []));
  assert.deepEqual(
    relayed.map((f) => f[79]),
    Array.from({ length: 64 }, (_, n) => n),
  );
  t.send({ type: 'control-send', frames: Array.from({ length: 70 }, (_, n) => control(100 + n)) });
  const sentControl = () => (t.nic.udpPorts[0]?.sent ?? []).filter((d) => d.data[4] === 5);
  t.stepUntil(() => sentControl().length > 0);
  for (let i = 0; i < 5; i++) t.step();
  assert.equal(sentControl().length, 64, 'the 70 came in one turn: 6 were dropped');
  assert.ok(sentControl().every((d, n) => d.ipv4 === '198.18.9.2' && d.port === 703 && d.data[79] === 100 + n));
  t.stepUntil(() => {
    const s = t.posted('snapshot').at(-1);
    return s?.type === 'snapshot' && s.snapshot.controlRelay.relayed === 128;
  });
  const snap = t.posted('snapshot').at(-1);
  assert.ok(snap?.type === 'snapshot');
  assert.deepEqual(snap.snapshot.controlRelay, { relayed: 128, dropped: 12 });
  assert.equal(snap.snapshot.rejected.badAuth + snap.snapshot.rejected.malformedBody, 0, 'the heartbeat decoder never saw them');
  assert.equal(snap.snapshot.links.find((l) => l.name === 'unicast')?.rxAccepted, 1, "the peer's heartbeat still counts");
});

test('the main process hears of every turn the kernel reported link changes in, so it can bring the next ones forward', (c) => {
  const t = setUp(c);
  t.start();
  t.stepUntil(() => t.clock.nowMs() >= 1000);
  assert.equal(t.posted('link-events').length, 0, 'no link change, no word');
  t.nic.setLink('port1', { carrier: false });
  t.nic.setLink('ha2', { carrier: false });
  t.step();
  assert.equal(t.posted('link-events').length, 1, 'one word for the turn');
});

test('a heartbeat that moves the role is acted on in its turn; the same one on the other link is read in the next', (c) => {
  const { t, peer, at } = handedOverToB(c);
  const pending = (link: string) => (t.nic.portsOf(link)[0]?.rx.readableAt() ?? Number.POSITIVE_INFINITY) <= t.clock.nowMs();
  const down = { state: 'standby' as const, primary: A, failover: true };
  t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, down), at + 50);
  t.nic.deliver('ha2', peer.frame(FrameType.Heartbeat, down), at + 50);
  t.stepUntil(() => t.clock.nowMs() >= at + 50);
  assert.equal(t.posted('took-over').length, 2, 'A took over again in that turn');
  assert.deepEqual([pending('ha1'), pending('ha2')], [false, true], 'the frame on ha2 not read yet');
  t.step();
  assert.equal(t.clock.nowMs(), at + 50, 'it woke the next turn at once');
  assert.equal(pending('ha2'), false, 'and was read then');
});

test('a primary losing a monitored port tells its successor before any report is written to the main process', (c) => {
  const links = { ...SET_UP_LINKS, monitor: [{ name: 'port1', ifname: 'port1' }] };
  const t = setUp(c, { monitor: ['port1'] }, { links, reports: true });
  primaryAlone(t);
  const peer = new Peer(B);
  for (let at = HELLO_MS; at <= HELLO_MS + 1000; at += 200) {
    t.nic.deliver('ha1', peer.frame(FrameType.Heartbeat, { primary: A, monitorUp: 1, monitorTotal: 1 }), at);
  }
  t.stepUntil(() => t.clock.nowMs() >= HELLO_MS + 1000);
  assert.equal(t.state(), 'work');
  const mark = t.journal.length;
  t.nic.setLink('port1', { carrier: false });
  t.step();
  const turn = t.since(mark);
  const told = indexOf(turn, 'send ha1 0x8890');
  assert.equal(decodeAsPeer(t.nic.sentOn('ha1').at(-1) ?? new Uint8Array()).advert.primary, B, 'the frame hands over to B');
  assert.ok(told < indexOf(turn, 'report'), `a report was written before the frame: ${turn.join(', ')}`);
});
