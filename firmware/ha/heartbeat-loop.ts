/**
 * The heartbeat worker's loop: a process blocked in poll(2) over the timerfd ticker, the socket
 * to the main process (worker-channel.ts), the rtnetlink link monitor, every heartbeat port and
 * every beacon port. It sends heartbeats, validates what it hears, runs the failure detector
 * and the cluster state machine, and tells the main process what changed. Nothing here waits
 * on the main process, so its load or GC cannot delay a heartbeat or a failure verdict. Beside
 * it: the main process's commands (worker-commands.ts), the data-port beacons
 * (data-beacons.ts), the events' text (event-report.ts), the graceful leave (graceful-leave.ts),
 * the make-before-break stand down (stand-down.ts) and the codec (hb-codec.ts).
 */
import type { ClockDevice, Pollable } from '../../hal/clock/index.js';
import type { FenceDevice } from '../../hal/fence/index.js';
import type { NicDevice } from '../../hal/nic/index.js';
import type { HaSettings } from '../config/ha-settings.js';
import type { Logger } from '../log/logger.js';
import { Histogram } from '../stats/histogram.js';
import { TakeoverExecutor } from '../takeover/executor.js';
import { Lease, type LeaseSettings } from '../takeover/lease.js';
import { samePorts, type TakeoverPlan } from '../takeover/plan.js';
import { HEARTBEAT_WORKER, type HealthStamps } from '../watchdog/health.js';
import { claimsPrimary } from './advert.js';
import { AnnounceWatch } from './announce-watch.js';
import { BeaconPorts } from './beacon-ports.js';
import { Cluster, type ClusterEvent } from './cluster.js';
import { ControlRelay } from './control-relay.js';
import { DataBeacons } from './data-beacons.js';
import { reportEvents } from './event-report.js';
import { GracefulLeave, type LeavingLoop } from './graceful-leave.js';
import { HbCodec } from './hb-codec.js';
import { HbLinks, UNICAST_LINK } from './hb-links.js';
import { DRAIN_LIMIT } from './hb-transport.js';
import { MonitorPorts } from './monitor-ports.js';
import { RejectLog } from './reject-log.js';
import { heartbeatIntervalMs, lostAfterMs } from './settings.js';
import { buildSnapshot } from './snapshot-builder.js';
import { StandDown, standDownHoldMs } from './stand-down.js';
import { FrameType } from './wire/header.js';
import { groupNamesOf, type KeyRingSpec, keyRingProblem } from './wire/key-ring.js';
import type { WorkerChannel } from './worker-channel.js';
import { applyCommands, type CommandTarget } from './worker-commands.js';
import type { FromWorker, WorkerInit, WorkerLinks } from './worker-protocol.js';

const FRAME_BYTES = 1514;
/** The main process's view is refreshed at least this often (counters, "last heard"). */
const SNAPSHOT_EVERY_MS = 250;
const ABSENT: Pollable = { fd: -1 };
/** Poll slots, in the order watchAll() sets them: then one per heartbeat link, then one per beacon port. */
const TICKER = 0;
const COMMANDS = 1;
const LINK_MONITOR = 2;
const FIRST_HB_LINK = 3;

export interface LoopDevices {
  clock: ClockDevice;
  nic: NicDevice;
  fence: FenceDevice;
  /** The next persisted boot id (boot-ids.ts), for when the encoder's sequences run out. */
  nextBootId: () => number;
  /** The watchdog's liveness stamps (firmware/watchdog/health.ts), stamped on every turn. */
  health: HealthStamps;
}

const leaseSettings = (s: HaSettings): LeaseSettings => ({
  intervalMs: heartbeatIntervalMs(s),
  lostThreshold: s.hbLostThreshold,
});

export class HeartbeatLoop implements CommandTarget, LeavingLoop {
  private readonly txBuf = new Uint8Array(FRAME_BYTES);
  private readonly rxBuf = new Uint8Array(FRAME_BYTES);
  private readonly links: HbLinks;
  private readonly beaconPorts: BeaconPorts;
  private readonly beacons: DataBeacons;
  private readonly monitor: MonitorPorts;
  private readonly rejects: RejectLog;
  private readonly jitter = new Histogram();
  private readonly cluster: Cluster;
  private readonly announces = new AnnounceWatch();
  private readonly standDown = new StandDown();
  private readonly takeover: TakeoverExecutor;
  private readonly lease: Lease;
  private readonly ticker;
  private readonly linkMonitor;
  private readonly poller;
  private readonly health: HealthStamps;
  private readonly graceful: GracefulLeave;
  private readonly codec: HbCodec;
  private readonly relay = new ControlRelay();
  private init: WorkerInit;
  private lastTickMs = 0;
  /** The previous turn listened after a stall (Cluster.listening): its end is announced at once. */
  private listened = false;
  private lastSnapshotMs = 0;
  private schedFifo = false;
  private leaving = false;
  private watched: Pollable[] = [];
  /** Remote link failover: counted as one more monitored port, up while the ping verdict is ok. */
  private remoteLink = { counted: false, failed: false };

  constructor(
    private readonly dev: LoopDevices,
    init: WorkerInit,
    private readonly channel: WorkerChannel,
    private readonly log: Logger,
  ) {
    this.init = init;
    const now = dev.clock.nowMs();
    this.links = new HbLinks(dev.nic, log, init.identity.serial);
    this.beaconPorts = new BeaconPorts(dev.nic, log, init.identity.serial);
    this.monitor = new MonitorPorts(dev.nic, log);
    this.rejects = new RejectLog(log);
    this.cluster = new Cluster(init.identity, init.settings, now);
    this.codec = new HbCodec(init.identity.serial, init.bootId, dev.nextBootId, init.keys);
    this.cluster.setGroupNames(groupNamesOf(init.keys), now);
    this.beacons = new DataBeacons(
      {
        ports: this.beaconPorts,
        codec: this.codec,
        cluster: this.cluster,
        announces: this.announces,
        rejects: this.rejects,
        txBuf: this.txBuf,
        rxBuf: this.rxBuf,
      },
      init.settings,
    );
    this.takeover = new TakeoverExecutor(dev.nic, init.identity.serial, log, dev.clock);
    this.takeover.arm(init.plan);
    this.lease = new Lease(dev.fence, leaseSettings(init.settings), log);
    this.lease.setPorts(init.plan);
    this.ticker = dev.clock.openTicker(heartbeatIntervalMs(init.settings));
    this.linkMonitor = dev.nic.openLinkMonitor();
    this.poller = dev.clock.openPoller();
    this.health = dev.health;
    this.graceful = new GracefulLeave({
      clock: dev.clock,
      poller: this.poller,
      cluster: this.cluster,
      takeover: this.takeover,
      lease: this.lease,
      log,
    });
    this.applyLinks(init.links, now);
    this.lastTickMs = now;
  }

  /** Runs until the main process asks this unit to leave the cluster (or is gone). */
  run(): void {
    this.start();
    while (this.step());
    this.leave();
  }

  /** Before the first turn: SCHED_FIFO, the commands read so far, the monitored ports as they are, a first heartbeat at once. */
  start(): void {
    this.raisePriority();
    // Commands the main process sent right behind the WorkerInit were read with it: the
    // socket will not wake the poll for them again.
    applyCommands(this.channel, this, this.dev.clock.nowMs());
    this.updateMonitor(this.dev.clock.nowMs());
    this.sendHeartbeat(FrameType.Heartbeat, this.dev.clock.nowMs());
  }

  /** Blocks until the next input or deadline, then runs one turn; false once the main process asked us to leave. */
  step(): boolean {
    const before = this.dev.clock.nowMs();
    // No beacon is due while a primary listens after a stall or holds its ports for a successor.
    const beaconAt = this.sendsBeacons(before) ? this.beacons.nextAt : Number.POSITIVE_INFINITY;
    const wakeIn = Math.min(this.cluster.nextWakeAt(before), beaconAt, this.standDown.deadline) - before;
    this.poller.wait(Math.max(0, Math.ceil(Math.min(wakeIn, SNAPSHOT_EVERY_MS))));
    this.turn(this.dev.clock.nowMs());
    return !this.leaving;
  }

  /** Leaves the cluster (graceful-leave.ts), closes every device and tells the main process. */
  leave(): void {
    const released = this.graceful.run(this);
    if (released) this.post({ type: 'gave-up', ...released });
    this.takeover.close();
    this.lease.close();
    this.links.close();
    this.beaconPorts.close();
    this.linkMonitor.close();
    this.ticker.close();
    this.post({ type: 'left' });
  }

  /** While leaving: consumes what woke the poll, so it does not wake again at once; heartbeats still count. */
  consumeWoken(now: number): void {
    if (this.poller.readable(TICKER)) this.ticker.take();
    if (this.poller.readable(COMMANDS)) this.readCommands();
    if (this.poller.readable(LINK_MONITOR)) this.linkMonitor.read();
    for (let i = 0; i < this.links.links.length; i++) if (this.poller.readable(FIRST_HB_LINK + i)) this.drain(i, now);
  }

  /** One pass: inputs first (so frames that arrived during a stall count), then timers. */
  private turn(now: number): void {
    this.health.stamp(HEARTBEAT_WORKER, now);
    this.channel.hold();
    // Before any input: a frame, a command or a link event settles the election as it comes in.
    const state = this.cluster.state;
    const primary = this.cluster.primary();
    this.cluster.resumeFromStall(now);
    if (this.poller.readable(COMMANDS)) this.onCommands(now);
    if (this.poller.readable(LINK_MONITOR)) this.onLinkEvents(now);
    for (let i = 0; i < this.links.links.length; i++) {
      if (!this.poller.readable(FIRST_HB_LINK + i)) continue;
      this.drain(i, now);
      // A frame that moved the role is acted on now. The same heartbeat on the other links
      // (0.1–0.4 ms to open each in the rig) waits for the next turn: still readable, they
      // wake it at once.
      if (this.cluster.state !== state) break;
    }
    const firstBeacon = FIRST_HB_LINK + this.links.links.length;
    for (let i = 0; i < this.beaconPorts.ports.length; i++) {
      if (this.poller.readable(firstBeacon + i)) this.beacons.drain(i, now);
    }
    this.cluster.tick(now);
    const changed = this.cluster.state !== state || this.cluster.primary() !== primary;
    const events = this.cluster.drainEvents();
    // A primary standing down tells its successor first ("take over now"), and holds the
    // ports until it works (stand-down.ts).
    const handingOver = this.takeover.active && this.cluster.state !== 'work' && !this.standDown.holding;
    if (handingOver) this.sendHeartbeat(FrameType.Heartbeat, now);
    // The data ports follow the role before anything else: this is the traffic gap.
    for (const e of events) this.noteForAnnounce(e);
    this.followRole(now);
    const listening = this.cluster.listening(now);
    if (this.poller.readable(TICKER)) {
      this.ticker.take();
      this.jitter.record(now - this.lastTickMs - heartbeatIntervalMs(this.init.settings));
      this.lastTickMs = now;
      if (!listening && !this.standDown.holding) this.sendHeartbeat(FrameType.Heartbeat, now);
    } else if (((changed && !handingOver) || this.listened) && !listening && !this.standDown.holding) {
      // A new role is announced at once, not at the next tick: peers converge one interval
      // sooner. So is the end of listening after a stall.
      this.sendHeartbeat(FrameType.Heartbeat, now);
    }
    const listenedUntilNow = this.listened && !listening;
    this.listened = listening;
    if (this.sendsBeacons(now)) this.beacons.sendIfDue(now);
    if (events.length > 0) reportEvents(this.log, events);
    // The end of listening renewed the lease: the console and the rig see it at once.
    if (events.length > 0 || listenedUntilNow || now - this.lastSnapshotMs >= SNAPSHOT_EVERY_MS) this.postSnapshot(now);
    this.relay.endTurn((frames) => this.channel.post({ type: 'control-frames', frames }));
    this.channel.release();
  }

  /**
   * Takes over or gives up the data ports when the role changed (holding them for a successor
   * first, stand-down.ts), and announces afresh while we stay primary whenever the virtual MAC
   * may have been learnt elsewhere (announce-watch.ts). A unit that gave up sends one more
   * heartbeat at once: the release is done, and its successor announces again on that frame.
   */
  private followRole(now: number): void {
    const primary = this.cluster.state === 'work';
    const heldBefore = this.standDown.holding;
    if (primary) this.standDown.cancel();
    if (primary && !this.takeover.active) {
      this.lease.renew(now);
      const r = this.takeover.takeOver();
      this.announces.announced();
      const after = this.dev.clock.nowMs();
      this.post({
        type: 'took-over',
        atMs: now,
        tookMs: after - now,
        phases: { ...this.takeover.phases },
        announced: r.announced,
        failures: r.failures,
      });
    } else if (!primary && this.takeover.active && this.releaseDue(now)) {
      this.lease.revoke();
      const failures = this.takeover.giveUp();
      this.post({ type: 'gave-up', atMs: now, tookMs: this.dev.clock.nowMs() - now, failures });
      this.sendHeartbeat(FrameType.Heartbeat, now);
      this.beacons.sendAfterGivingUp(now);
    }
    // Renewed only here, after the election of this turn: a unit resuming from a stall gets
    // its lease back only once it has heard its peers and is still primary.
    if (this.cluster.listening(now)) return;
    // Renewed with a heartbeat sent: not while holding for a successor, whose detector counts
    // from our last frame. The renewal of the turn that began the hold, with its frame, lasts
    // (lost threshold − 1) intervals, longer than any hold.
    const holding = this.standDown.holding;
    if (this.takeover.active && !(heldBefore && holding)) this.lease.renew(now);
    // Reasons wait out a hold: a unit primary again announces them.
    if (holding) return;
    const due = this.announces.take(this.takeover.active);
    if (due === null) return;
    if (due.elsewhere) this.post({ type: 'carried-elsewhere', atMs: now, reason: due.why });
    if (this.takeover.plan.announce) {
      this.takeover.announce();
      this.post({ type: 'announce-round', atMs: now, reason: due.why });
    }
  }

  /** Whether the ports are to be released now: no hold for a successor, or the end of one (logged). */
  private releaseDue(now: number): boolean {
    const end = this.standDown.poll(
      now,
      standDownHoldMs(this.init.settings),
      this.cluster.someoneElseClaims(now),
      this.cluster.hasPeers,
    );
    if (end === null) return false;
    if (!end.held) return true;
    if (end.successorWorked) this.log.info(`successor works ${end.afterMs.toFixed(2)} ms after this unit stood down`);
    else
      this.log.event(
        `no successor took over within ${end.afterMs.toFixed(0)} ms of standing down; releasing the data ports`,
        'warn',
      );
    return true;
  }

  /** A primary beacons on the data ports, except while listening after a stall or holding them for a successor. */
  private sendsBeacons(now: number): boolean {
    return this.takeover.active && !this.cluster.listening(now) && !this.standDown.holding;
  }

  /** Sends a frame of `type` with this unit's advert on every heartbeat link. */
  sendHeartbeat(type: FrameType, now: number): void {
    const encoder = this.codec.encoder;
    encoder.setAdvert(this.cluster.advert(now));
    this.links.sendAll(encoder, type, this.txBuf);
  }

  private drain(index: number, now: number): void {
    const link = this.links.links[index];
    const t = link?.transport;
    if (!link || !t) return;
    for (let n = 0; n < DRAIN_LIMIT; n++) {
      const end = t.recv(this.rxBuf);
      if (end < 0) return;
      if (this.relay.take(this.rxBuf, t.payloadOffset, end)) continue;
      const r = this.codec.decoder.decode(this.rxBuf, t.payloadOffset, end);
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
        if (this.codec.followPrimary(r.serial, r.advert, r.slot)) this.post({ type: 'key-switched', by: r.serial });
        this.announces.frame(r.serial, claimsPrimary(r.serial, r.advert), link.name);
        this.cluster.receive(r.serial, link.name, r.advert, now);
      }
    }
  }

  private noteForAnnounce(e: ClusterEvent): void {
    if (e.kind === 'joined') this.announces.joined(e.serial, e.hello);
    else if (e.kind === 'lost' || e.kind === 'left') this.announces.gone(e.serial, e.kind === 'lost');
    else if (e.kind === 'stall') {
      // Peers lose this unit after a silence of lostAfterMs. The stall counts from this unit's
      // last turn, and its last heartbeat may have gone out up to an interval before that one,
      // which was itself up to an interval before the tick that came late.
      const s = this.init.settings;
      this.announces.stalled(e.lateMs, e.lateMs + 2 * heartbeatIntervalMs(s) >= lostAfterMs(s));
    }
  }

  private onCommands(now: number): void {
    this.readCommands();
    applyCommands(this.channel, this, now);
    if (this.channel.closed && !this.leaving) {
      this.log.event(
        `the main process ${this.channel.broken ? `sent ${this.channel.broken}` : 'closed its end'}: the heartbeat worker leaves the cluster`,
        'error',
      );
      this.requestLeave();
    }
  }

  /** Reads what the main process sent; once it closed its end, the poll no longer watches it. */
  private readCommands(): void {
    this.channel.fill();
    if (this.channel.closed && this.watched[COMMANDS] !== ABSENT) this.watchAll();
  }

  reconfigure(settings: HaSettings, links: WorkerLinks, hostname: string, now: number): void {
    // Re-opening the ports costs their queued frames and milliseconds each: a commit that did
    // not change them (most do not, and config sync may bring many a second) leaves them open.
    const before = this.init;
    const portsChanged =
      JSON.stringify(before.links) !== JSON.stringify(links) ||
      before.settings.unicastHb !== settings.unicastHb ||
      before.settings.unicastHbPeerip !== settings.unicastHbPeerip;
    this.init = { ...this.init, settings, links, identity: { ...this.init.identity, hostname } };
    this.cluster.setHostname(hostname);
    this.cluster.setSettings(settings, now);
    // setPeriod restarts the timer from now: done on every commit, commits coming faster than
    // the interval (a config sync burst) would keep the next heartbeat from ever being due.
    if (heartbeatIntervalMs(settings) !== heartbeatIntervalMs(before.settings))
      this.ticker.setPeriod(heartbeatIntervalMs(settings));
    this.lease.setTiming(leaseSettings(settings));
    this.beacons.setTiming(settings);
    if (portsChanged) this.applyLinks(links, now);
  }

  /** A new key ring from the main process; one it should never send is logged and left out. */
  setKeys(ring: KeyRingSpec, now: number): void {
    const problem = keyRingProblem(ring);
    if (problem !== null) {
      this.log.event(`heartbeat keys unchanged: the main process sent ${problem}`, 'error');
      return;
    }
    this.codec.setKeys(ring);
    this.cluster.setGroupNames(groupNamesOf(ring), now);
  }

  arm(plan: TakeoverPlan, now: number): void {
    const changed = !samePorts(this.takeover.plan, plan);
    this.takeover.arm(plan);
    if (changed) this.lease.setPorts(plan);
    // A primary whose addresses changed tells the segment about the new ones; one holding its
    // ports for a successor does if it becomes primary again.
    if (changed && this.takeover.active && this.standDown.holding) this.announces.portsChanged();
    else if (changed && this.takeover.active && plan.announce) {
      this.takeover.announce();
      this.post({ type: 'announce-round', atMs: now, reason: 'the data ports changed' });
    }
  }

  setRemoteLink(counted: boolean, failed: boolean, now: number): void {
    this.remoteLink = { counted, failed };
    this.updateMonitor(now);
  }

  setFailover(on: boolean, now: number): void {
    this.cluster.setFailover(on, now);
  }

  setProbation(on: boolean, now: number): void {
    this.cluster.setProbation(on, now);
  }

  setSessionsReady(ready: boolean, now: number): void {
    this.cluster.setSessionsReady(ready, now);
  }

  resetUptime(now: number): void {
    this.cluster.resetUptime(now);
  }

  clearStats(): void {
    this.jitter.reset();
  }

  requestLeave(): void {
    this.leaving = true;
  }

  sendControl(frames: Uint8Array[]): void {
    this.relay.send(frames, this.links.links.find((l) => l.name === UNICAST_LINK)?.transport ?? null);
  }

  private onLinkEvents(now: number): void {
    let monitorChanged = false;
    let reopened = false;
    const events = this.linkMonitor.read();
    if (events.length > 0) this.post({ type: 'link-events' });
    for (const ev of events) {
      const link = this.links.onLinkEvent(ev) ?? this.beaconPorts.onLinkEvent(ev);
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
    this.beaconPorts.open(links.beacon);
    this.monitor.set(links.monitor);
    this.updateMonitor(now);
    this.watchAll();
  }

  /**
   * Poll order is fixed: ticker, commands, link monitor, one slot per hb link, one per beacon
   * port. A port that could not be opened holds fd -1, which poll(2) ignores, until a link
   * event reopens it.
   */
  private watchAll(): void {
    const ports = this.links.links.map((l) => l.transport ?? ABSENT);
    const beacons = this.beaconPorts.ports.map((p) => p.transport ?? ABSENT);
    const commands = this.channel.closed ? ABSENT : this.channel.stream;
    this.watched = [this.ticker, commands, this.linkMonitor, ...ports, ...beacons];
    this.poller.watch(this.watched);
  }

  private raisePriority(): void {
    if (this.init.fifoPriority <= 0) return;
    const r = this.dev.clock.raiseThreadPriority(this.init.fifoPriority);
    this.schedFifo = r.ok;
    if (r.ok) this.log.info(`heartbeat worker runs at SCHED_FIFO priority ${this.init.fifoPriority}`);
    else
      this.log.event(`heartbeat worker could not get SCHED_FIFO (${r.reason}); heartbeat timing may suffer under load`, 'warn');
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
      rejected: this.codec.decoder.counters,
      schedFifo: this.schedFifo,
      logsDropped: this.channel.logsDropped,
      controlRelay: this.relay.counters,
      tickJitter: this.jitter.percentiles(),
      lease: this.lease.view(now),
      beaconPorts: this.beaconPorts.views(),
    });
    this.post({ type: 'snapshot', snapshot });
  }

  private post(msg: FromWorker): void {
    this.channel.post(msg);
  }
}
