/**
 * The heartbeat worker's loop: one thread blocked in poll(2) over the timerfd ticker, the
 * wake-up eventfd, the rtnetlink link monitor and every heartbeat port. It sends heartbeats,
 * validates what it hears, runs the failure detector and the cluster state machine, and tells
 * the main thread what changed. Nothing here waits on the main thread, so its load or GC cannot
 * delay a heartbeat or a failure verdict.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { ClockDevice, Pollable } from '../../hal/clock/index.js';
import type { FenceDevice } from '../../hal/fence/index.js';
import type { NicDevice } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import { Histogram } from '../stats/histogram.js';
import { TakeoverExecutor } from '../takeover/executor.js';
import { Lease, type LeaseSettings } from '../takeover/lease.js';
import { samePorts } from '../takeover/plan.js';
import { HEARTBEAT_WORKER, HealthStamps } from '../watchdog/health.js';
import { claimsPrimary } from './advert.js';
import { AnnounceWatch } from './announce-watch.js';
import { BeaconPorts } from './beacon-ports.js';
import { beaconTiming } from './beacons.js';
import { Cluster, type ClusterEvent } from './cluster.js';
import { HbLinks } from './hb-links.js';
import { MonitorPorts } from './monitor-ports.js';
import { RejectLog } from './reject-log.js';
import { type HaSettings, heartbeatIntervalMs } from './settings.js';
import { buildSnapshot } from './snapshot-builder.js';
import { HeartbeatDecoder } from './wire/decoder.js';
import { HeartbeatEncoder } from './wire/encoder.js';
import { FrameType } from './wire/header.js';
import { deriveKeys } from './wire/keys.js';
import type { FromWorker, ToWorker, WorkerInit, WorkerLinks } from './worker-protocol.js';

const FRAME_BYTES = 1514;
/** Frames drained per port per wake-up, so a flood on one link cannot starve the others. */
const DRAIN_LIMIT = 256;
/** The main thread's view is refreshed at least this often (counters, "last heard"). */
const SNAPSHOT_EVERY_MS = 250;
const ABSENT: Pollable = { fd: -1 };
/** Poll slots, in the order watchAll() sets them: then one per heartbeat link, then one per beacon port. */
const TICKER = 0;
const WAKER = 1;
const LINK_MONITOR = 2;
const FIRST_HB_LINK = 3;
/** How long a leaving primary keeps forwarding while waiting for its successor to work. */
const HANDOVER_WAIT_MS = 100;

export interface LoopDevices {
  clock: ClockDevice;
  nic: NicDevice;
  fence: FenceDevice;
  /** The next persisted boot id (boot-ids.ts), for when the encoder's sequences run out. */
  nextBootId: () => number;
}

const leaseSettings = (s: HaSettings): LeaseSettings => ({
  intervalMs: heartbeatIntervalMs(s),
  lostThreshold: s.hbLostThreshold,
});

export class HeartbeatLoop {
  private readonly txBuf = new Uint8Array(FRAME_BYTES);
  private readonly rxBuf = new Uint8Array(FRAME_BYTES);
  private readonly links: HbLinks;
  private readonly beacons: BeaconPorts;
  /** When this unit, while primary, sends its next data-port beacon. */
  private nextBeaconAt = 0;
  private readonly monitor: MonitorPorts;
  private readonly rejects: RejectLog;
  private readonly jitter = new Histogram();
  private readonly cluster: Cluster;
  private readonly announces = new AnnounceWatch();
  private readonly takeover: TakeoverExecutor;
  private readonly lease: Lease;
  private readonly ticker;
  private readonly waker;
  private readonly linkMonitor;
  private readonly poller;
  private readonly health: HealthStamps;
  private encoder!: HeartbeatEncoder;
  private decoder!: HeartbeatDecoder;
  private init: WorkerInit;
  private lastTickMs = 0;
  private lastSnapshotMs = 0;
  private schedFifo = false;
  private leaving = false;
  private watched: Pollable[] = [];
  /** Remote link failover: counted as one more monitored port, up while the ping verdict is ok. */
  private remoteLink = { counted: false, failed: false };

  constructor(
    private readonly dev: LoopDevices,
    init: WorkerInit,
    private readonly port: MessagePort,
    private readonly log: Logger,
  ) {
    this.init = init;
    const now = dev.clock.nowMs();
    this.links = new HbLinks(dev.nic, log);
    this.beacons = new BeaconPorts(dev.nic, log);
    this.monitor = new MonitorPorts(dev.nic, log);
    this.rejects = new RejectLog(log);
    this.cluster = new Cluster(init.identity, init.settings, now);
    this.takeover = new TakeoverExecutor(dev.nic, init.identity.serial, log);
    this.takeover.arm(init.plan);
    this.lease = new Lease(dev.fence, leaseSettings(init.settings), log);
    this.lease.setPorts(init.plan);
    this.ticker = dev.clock.openTicker(heartbeatIntervalMs(init.settings));
    this.waker = dev.clock.adoptWaker(init.wakerFd);
    this.linkMonitor = dev.nic.openLinkMonitor();
    this.poller = dev.clock.openPoller();
    this.health = new HealthStamps(init.health);
    this.applyLinks(init.links, now);
    this.makeCodec();
    this.lastTickMs = now;
  }

  /** Runs until the main thread asks this unit to leave the cluster. */
  run(): void {
    this.raisePriority();
    this.updateMonitor(this.dev.clock.nowMs());
    this.sendHeartbeat(FrameType.Heartbeat, this.dev.clock.nowMs());
    while (!this.leaving) {
      const before = this.dev.clock.nowMs();
      const wakeIn = Math.min(this.cluster.nextWakeAt(before) - before, SNAPSHOT_EVERY_MS);
      this.poller.wait(Math.max(0, Math.ceil(wakeIn)));
      this.turn(this.dev.clock.nowMs());
    }
    this.leave();
  }

  /** One pass: inputs first (so frames that arrived during a stall count), then timers. */
  private turn(now: number): void {
    this.health.stamp(HEARTBEAT_WORKER, now);
    if (this.poller.readable(WAKER)) this.onWake(now);
    if (this.poller.readable(LINK_MONITOR)) this.onLinkEvents(now);
    for (let i = 0; i < this.links.links.length; i++) {
      if (this.poller.readable(FIRST_HB_LINK + i)) this.drain(i, now);
    }
    const firstBeacon = FIRST_HB_LINK + this.links.links.length;
    for (let i = 0; i < this.beacons.ports.length; i++) {
      if (this.poller.readable(firstBeacon + i)) this.drainBeacons(i, now);
    }
    const state = this.cluster.state;
    const primary = this.cluster.primary();
    this.cluster.tick(now);
    const changed = this.cluster.state !== state || this.cluster.primary() !== primary;
    const events = this.cluster.drainEvents();
    // A primary standing down tells its successor first ("take over now"): the successor
    // claims the ports while this unit releases them, instead of after.
    const handingOver = this.takeover.active && this.cluster.state !== 'work';
    if (handingOver) this.sendHeartbeat(FrameType.Heartbeat, now);
    // The data ports follow the role before anything else: this is the traffic gap.
    for (const e of events) this.noteForAnnounce(e);
    this.followRole(now);
    if (this.poller.readable(TICKER)) {
      this.ticker.take();
      this.jitter.record(now - this.lastTickMs - heartbeatIntervalMs(this.init.settings));
      this.lastTickMs = now;
      this.sendHeartbeat(FrameType.Heartbeat, now);
    } else if (changed && !handingOver) {
      // A new role is announced at once, not at the next tick: peers converge one interval sooner.
      this.sendHeartbeat(FrameType.Heartbeat, now);
    }
    if (this.takeover.active && now >= this.nextBeaconAt) this.sendBeacons(now);
    if (events.length > 0) this.report(events);
    if (events.length > 0 || now - this.lastSnapshotMs >= SNAPSHOT_EVERY_MS) this.postSnapshot(now);
  }

  /**
   * Takes over or gives up the data ports when the role changed, and announces afresh while we
   * stay primary whenever the virtual MAC may have been learnt elsewhere (announce-watch.ts).
   * A unit that gave up sends one more heartbeat at once: the release is done, and its
   * successor announces again on that frame.
   */
  private followRole(now: number): void {
    const primary = this.cluster.state === 'work';
    if (primary && !this.takeover.active) {
      this.lease.renew(now);
      const r = this.takeover.takeOver();
      this.announces.announced();
      const after = this.dev.clock.nowMs();
      this.post({ type: 'took-over', atMs: now, tookMs: after - now, announced: r.announced, failures: r.failures });
    } else if (!primary && this.takeover.active) {
      this.lease.revoke();
      const failures = this.takeover.giveUp();
      this.post({ type: 'gave-up', atMs: now, tookMs: this.dev.clock.nowMs() - now, failures });
      this.sendHeartbeat(FrameType.Heartbeat, now);
      // A rival that sees us only on the data ports learns at once that we let go.
      this.sendBeacons(now);
      this.nextBeaconAt = 0;
    }
    // Renewed only here, after the election of this turn: a unit resuming from a stall gets
    // its lease back only if it is still primary.
    if (this.takeover.active) this.lease.renew(now);
    const why = this.announces.take(this.takeover.active && this.takeover.plan.announce);
    if (why !== null) {
      this.takeover.announce();
      this.post({ type: 'announce-round', atMs: now, reason: why });
    }
  }

  private sendHeartbeat(type: FrameType, now: number): void {
    this.encoder.setAdvert(this.cluster.advert(now));
    this.links.sendAll(this.encoder, type, this.txBuf);
  }

  /** Beacons go out every beacon period while primary, the first one as soon as we take over. */
  private sendBeacons(now: number): void {
    this.encoder.setAdvert(this.cluster.advert(now));
    this.beacons.sendAll(this.encoder, this.txBuf);
    this.nextBeaconAt = now + beaconTiming(this.init.settings).periodMs;
  }

  private drainBeacons(index: number, now: number): void {
    const port = this.beacons.ports[index];
    const t = port?.transport;
    if (!port || !t) return;
    for (let n = 0; n < DRAIN_LIMIT; n++) {
      const end = t.recv(this.rxBuf);
      if (end < 0) return;
      const r = this.decoder.decode(this.rxBuf, t.payloadOffset, end);
      if (!r.ok) {
        this.rejects.note(r.reason, port.name, now, r.serial, r.groupId);
        continue;
      }
      // Heartbeats belong on heartbeat links: on a data port only beacons count.
      if (r.type !== FrameType.Beacon) continue;
      port.rxAccepted++;
      this.announces.frame(r.serial, claimsPrimary(r.serial, r.advert));
      this.cluster.beacon(r.serial, port.name, r.advert, now);
    }
  }

  private drain(index: number, now: number): void {
    const link = this.links.links[index];
    const t = link?.transport;
    if (!link || !t) return;
    for (let n = 0; n < DRAIN_LIMIT; n++) {
      const end = t.recv(this.rxBuf);
      if (end < 0) return;
      const r = this.decoder.decode(this.rxBuf, t.payloadOffset, end);
      if (!r.ok) {
        this.rejects.note(r.reason, link.name, now, r.serial, r.groupId);
        continue;
      }
      if (r.type === FrameType.Beacon) continue;
      link.rxAccepted++;
      link.lastRxMs = now;
      if (r.type === FrameType.Leave) {
        // A leave frame while we already hold the ports: the leaving primary has just
        // released them (it sends one more after releasing), and the frames it forwarded until
        // then may have taught the switches its port again. Announce, so they learn ours.
        if (this.takeover.active) this.takeover.announce();
        this.cluster.leave(r.serial, r.advert, now);
      } else {
        this.announces.frame(r.serial, claimsPrimary(r.serial, r.advert));
        this.cluster.receive(r.serial, link.name, r.advert, now);
      }
    }
  }

  private noteForAnnounce(e: ClusterEvent): void {
    if (e.kind === 'joined') this.announces.joined(e.serial);
    else if (e.kind === 'lost' || e.kind === 'left') this.announces.gone(e.serial);
    else if (e.kind === 'stall') this.announces.stalled(e.lateMs);
  }

  private onWake(now: number): void {
    this.waker.drain();
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (!m) return;
      const msg = m.message as ToWorker;
      switch (msg.type) {
        case 'settings':
          this.init = {
            ...this.init,
            settings: msg.settings,
            links: msg.links,
            identity: { ...this.init.identity, hostname: msg.hostname },
          };
          this.cluster.setHostname(msg.hostname);
          this.cluster.setSettings(msg.settings, now);
          this.ticker.setPeriod(heartbeatIntervalMs(msg.settings));
          this.lease.setTiming(leaseSettings(msg.settings));
          this.applyLinks(msg.links, now);
          this.makeCodec();
          break;
        case 'arm': {
          const changed = !samePorts(this.takeover.plan, msg.plan);
          this.takeover.arm(msg.plan);
          if (changed) this.lease.setPorts(msg.plan);
          // A primary whose addresses changed tells the segment about the new ones.
          if (changed && this.takeover.active && msg.plan.announce) {
            this.takeover.announce();
            this.post({ type: 'announce-round', atMs: now, reason: 'the data ports changed' });
          }
          break;
        }
        case 'remote-link':
          this.remoteLink = { counted: msg.counted, failed: msg.failed };
          this.updateMonitor(now);
          break;
        case 'failover':
          this.cluster.setFailover(msg.on, now);
          break;
        case 'reset-uptime':
          this.cluster.resetUptime(now);
          break;
        case 'clear-stats':
          this.jitter.reset();
          break;
        case 'leave':
          this.leaving = true;
          break;
      }
    }
  }

  private onLinkEvents(now: number): void {
    let monitorChanged = false;
    let reopened = false;
    for (const ev of this.linkMonitor.read()) {
      const link = this.links.onLinkEvent(ev) ?? this.beacons.onLinkEvent(ev);
      if (link?.transport && !this.watched.includes(link.transport)) reopened = true;
      if (this.monitor.onLinkEvent(ev, now)) monitorChanged = true;
    }
    if (reopened) this.watchAll();
    if (monitorChanged) this.updateMonitor(now);
    if (this.init.settings.hbCarrierFailover && this.links.allDark()) {
      this.cluster.peersUnreachable('every heartbeat port lost carrier at once (hb-carrier-failover): the peer lost power', now);
    }
  }

  /**
   * The election's "connected monitored ports": carrier of the `monitor` ports, plus the remote
   * link verdict as one more port when ping servers count (FortiOS treats a failed remote link
   * like a failed monitored interface: the age resets and the unit loses the election).
   */
  private updateMonitor(now: number): void {
    const extra = this.remoteLink.counted ? 1 : 0;
    const up = this.monitor.up + (this.remoteLink.counted && !this.remoteLink.failed ? 1 : 0);
    this.cluster.setMonitor(up, this.monitor.total + extra, now);
  }

  private applyLinks(links: WorkerLinks, now: number): void {
    const s = this.init.settings;
    this.links.open(links.hbdev, s.unicastHb ? s.unicastHbPeerip : null);
    this.beacons.open(links.beacon);
    this.monitor.set(links.monitor);
    this.updateMonitor(now);
    this.watchAll();
  }

  /**
   * Poll order is fixed: ticker, waker, link monitor, one slot per hb link, one per beacon
   * port. A port that could not be opened holds fd -1, which poll(2) ignores, until a link
   * event reopens it.
   */
  private watchAll(): void {
    const ports = this.links.links.map((l) => l.transport ?? ABSENT);
    const beacons = this.beacons.ports.map((p) => p.transport ?? ABSENT);
    this.watched = [this.ticker, this.waker, this.linkMonitor, ...ports, ...beacons];
    this.poller.watch(this.watched);
  }

  private makeCodec(): void {
    const s = this.init.settings;
    const keys = deriveKeys(s.password);
    const serial = this.init.identity.serial;
    // The sequence carries on across a reconfiguration: restarting it under the same boot id
    // would make peers drop our heartbeats as replays.
    this.encoder = new HeartbeatEncoder({
      serial,
      groupId: s.groupId,
      keys,
      encryption: s.encryption,
      bootId: this.encoder?.bootId ?? this.init.bootId,
      lastSeq: this.encoder?.lastSeq ?? 0,
      nextBootId: this.dev.nextBootId,
    });
    const counters = this.decoder?.counters;
    this.decoder = new HeartbeatDecoder({ ownSerial: serial, groupId: s.groupId, keys, encryption: s.encryption });
    if (counters) Object.assign(this.decoder.counters, counters);
  }

  private raisePriority(): void {
    if (this.init.fifoPriority <= 0) return;
    const r = this.dev.clock.raiseThreadPriority(this.init.fifoPriority);
    this.schedFifo = r.ok;
    if (r.ok) this.log.info(`heartbeat worker runs at SCHED_FIFO priority ${this.init.fifoPriority}`);
    else
      this.log.event(`heartbeat worker could not get SCHED_FIFO (${r.reason}); heartbeat timing may suffer under load`, 'warn');
  }

  private report(events: readonly ClusterEvent[]): void {
    for (const e of events) {
      switch (e.kind) {
        case 'state':
          this.log.event(`HA state ${e.from} -> ${e.to}: ${e.reason}`);
          break;
        case 'joined':
          this.log.event(`peer ${e.hostname} (${e.serial}) joined on ${e.link}`);
          break;
        case 'lost':
          this.log.event(`peer ${e.serial} lost: ${e.reason}`, 'warn');
          break;
        case 'left':
          this.log.event(`peer ${e.serial} left the cluster (graceful shutdown)`);
          break;
        case 'refused':
          this.log.event(`refused ${e.serial} on ${e.link}: ${e.reason}`, 'warn');
          break;
        case 'elected':
          this.log.info(`election: ${e.reason}`);
          break;
        case 'beacon':
          this.log.event(
            e.seen
              ? `${e.serial} is primary: seen on data port ${e.port} though its heartbeats stopped (data-port beacon)`
              : `${e.serial} no longer seen primary on the data ports`,
            'warn',
          );
          break;
        case 'held':
          this.log.event(`HA state change to ${e.to} held: ${e.reason}`, 'warn');
          break;
        case 'stall':
          this.log.event(
            `heartbeat worker stalled ${e.lateMs.toFixed(1)} ms (this board, not a peer): not counted against peers`,
            'warn',
          );
          break;
      }
    }
  }

  private postSnapshot(now: number): void {
    this.lastSnapshotMs = now;
    const snapshot = buildSnapshot({
      now,
      clock: this.dev.clock,
      init: this.init,
      cluster: this.cluster,
      links: this.links.views(now),
      monitor: this.monitor.views(now),
      rejected: this.decoder.counters,
      schedFifo: this.schedFifo,
      tickJitter: this.jitter.percentiles(),
      lease: this.lease.view(now),
      beaconPorts: this.beacons.views(),
    });
    this.post({ type: 'snapshot', snapshot });
  }

  /**
   * Graceful shutdown: a last frame on every link says "take over now" (carp's last advert).
   * A primary then keeps forwarding until its successor's heartbeat says it works, at most
   * HANDOVER_WAIT_MS: make before break, so a planned shutdown loses (next to) no packet. The
   * successor reacts to the leave frame itself, not to a timer, so the wait is milliseconds.
   * One more leave frame after releasing makes the successor announce again: switches that
   * relearnt our port from what we forwarded meanwhile would otherwise wait for its next round.
   */
  private leave(): void {
    const start = this.dev.clock.nowMs();
    this.sendHeartbeat(FrameType.Leave, start);
    this.sendHeartbeat(FrameType.Leave, start);
    const handover = this.takeover.active && this.cluster.hasPeers;
    if (handover) this.awaitSuccessor(start + HANDOVER_WAIT_MS);
    this.lease.revoke();
    this.takeover.giveUp();
    if (handover) this.sendHeartbeat(FrameType.Leave, this.dev.clock.nowMs());
    this.takeover.close();
    this.lease.close();
    this.links.close();
    this.beacons.close();
    this.linkMonitor.close();
    this.ticker.close();
    this.post({ type: 'left' });
  }

  private awaitSuccessor(deadline: number): void {
    for (let now = this.dev.clock.nowMs(); now < deadline; now = this.dev.clock.nowMs()) {
      this.poller.wait(Math.max(1, Math.ceil(deadline - now)));
      const at = this.dev.clock.nowMs();
      // Still forwarding until the successor works: the lease must not run out meanwhile.
      if (this.takeover.active) this.lease.renew(at);
      // Consume what else woke the poll, or it would wake again at once and spin.
      if (this.poller.readable(TICKER)) this.ticker.take();
      if (this.poller.readable(WAKER)) this.waker.drain();
      if (this.poller.readable(LINK_MONITOR)) this.linkMonitor.read();
      for (let i = 0; i < this.links.links.length; i++) if (this.poller.readable(FIRST_HB_LINK + i)) this.drain(i, at);
      if (this.cluster.peerWorking()) {
        this.log.info(`successor works ${(at - deadline + HANDOVER_WAIT_MS).toFixed(2)} ms after the leave frames`);
        return;
      }
    }
    this.log.event(`no successor took over within ${HANDOVER_WAIT_MS} ms of the leave frames; releasing the data ports`, 'warn');
  }

  private post(msg: FromWorker): void {
    this.port.postMessage(msg);
  }
}
