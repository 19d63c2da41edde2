/**
 * The HA runtime's main-process side: starts the heartbeat worker process when HA is on,
 * forwards operator commands to it, keeps its latest snapshot for the console, and logs its
 * events.
 */
import { portIfname } from '../../board/ports.js';
import type { BoardDefinition } from '../../board/types.js';
import { type ClockDevice, wallTimeIso } from '../../hal/clock/index.js';
import type { L2Device } from '../../hal/nic/index.js';
import type { HaSettings } from '../config/ha-settings.js';
import type { HaControl } from '../console/ha-control.js';
import { createLogger, type LogRecord } from '../log/logger.js';
import { EMPTY_PLAN, type TakeoverPlan } from '../takeover/plan.js';
import type { Timers } from '../time/timers.js';
import { HEARTBEAT_WORKER, type HealthStamps } from '../watchdog/health.js';
import type { ClusterIdentity } from './cluster.js';
import { LinkEventFlush } from './link-flush.js';
import type { HaSnapshot } from './snapshot.js';
import { emptyCounters } from './wire/decoder.js';
import { type KeyRingSpec, keySpecOf, oneKeyRing } from './wire/key-ring.js';
import { type SpareWorker, spawnSpareWorkerProcess, startWorkerProcess } from './worker-process.js';
import type { FromWorker, TakeoverEvent, ToWorker, WorkerInit, WorkerLinks } from './worker-protocol.js';

const log = createLogger('ha');

/** The heartbeat worker as the runtime drives it: a process (worker-process.ts), or a stand-in in tests (worker.fake.ts). */
export interface HeartbeatWorker {
  postMessage(msg: ToWorker): void;
  terminate(): Promise<number>;
  on(event: 'message', listener: (msg: FromWorker) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

/** How long a graceful leave may take before the worker is simply stopped. */
const LEAVE_TIMEOUT_MS = 1000;
export const FIFO_PRIORITY = 50;

export interface HaRuntimeOptions {
  board: BoardDefinition;
  identity: ClusterIdentity;
  clock: ClockDevice;
  timers: Timers;
  /** A boot id greater than every earlier one, for each worker start (boot-ids.ts). */
  nextBootId: () => number;
  /** Where worker log records go (the main process's sink). */
  onLog: (record: LogRecord) => void;
  /** The watchdog's liveness stamps: the worker stamps each turn while it runs. */
  health: HealthStamps;
  /** Starts the heartbeat worker sharing the stamps at `healthFd` (default: worker-process.ts). */
  startWorker?: (init: WorkerInit, healthFd: number) => HeartbeatWorker;
  /** Replaces spawnSpareWorkerProcess (prewarm) in tests. */
  spawnSpare?: (healthFd: number) => SpareWorker;
  /** For bringing the kernel's reports of the watched ports forward (link-flush.ts); none: they come when they come. */
  nic?: Pick<L2Device, 'linkState'>;
}

export class HaRuntime implements HaControl {
  private worker: HeartbeatWorker | null = null;
  private latest: HaSnapshot;
  private settings: HaSettings | null = null;
  /** The heartbeats' key ring (setKeys); null until the first. */
  private keys: KeyRingSpec | null = null;
  private hostname: string;
  private plan: TakeoverPlan = EMPTY_PLAN;
  private remoteLink = { counted: false, failed: false };
  private sessionsReady = true;
  private probation = false;
  /** A worker process started ahead (prewarm), waiting for its init. */
  private spare: SpareWorker | null = null;
  private readonly listeners: ((s: HaSnapshot) => void)[] = [];
  private readonly takeoverListeners: ((e: TakeoverEvent) => void)[] = [];
  private readonly keySwitchListeners: ((by: string) => void)[] = [];
  private readonly controlListeners: ((frames: Uint8Array[]) => void)[] = [];
  private readonly linkFlush: LinkEventFlush | null;

  constructor(private readonly opts: HaRuntimeOptions) {
    this.hostname = opts.identity.hostname;
    this.latest = this.initialSnapshot(false);
    this.linkFlush = opts.nic ? new LinkEventFlush(opts.nic, opts.timers) : null;
  }

  /** Applies (new) settings and hostname: starts, reconfigures or stops the worker. */
  async apply(settings: HaSettings, hostname: string): Promise<void> {
    this.hostname = hostname;
    const wasOn = this.settings !== null && this.settings.mode !== 'standalone';
    this.settings = settings;
    this.linkFlush?.watch(settings.mode === 'standalone' ? [] : this.watchedLinks(settings));
    if (settings.mode === 'standalone') {
      this.linkFlush?.close();
      this.discardSpare();
      if (wasOn) await this.leave();
      this.setSnapshot(this.initialSnapshot(false));
      return;
    }
    if (this.worker) this.send({ type: 'settings', settings, links: this.links(settings), hostname });
    else this.startWorker(settings);
  }

  /**
   * The key ring heartbeats are sealed and opened with (docs/config-sync-plan.md §6); settings
   * never change the keys of a running worker. A worker started before the first ring takes
   * the settings' own key alone.
   */
  setKeys(ring: KeyRingSpec): void {
    this.keys = ring;
    this.send({ type: 'keys', ring });
  }

  /** The worker sealed with the ring's next key on its own: a frame from primary `by` opened with it. */
  onKeySwitched(listener: (by: string) => void): void {
    this.keySwitchListeners.push(listener);
  }

  /** Arms the worker with what to take over on becoming primary (and applies it now if it is). */
  arm(plan: TakeoverPlan): void {
    this.plan = plan;
    this.send({ type: 'arm', plan });
  }

  /** The worker took over, gave up, or asks for a fresh announcement round. */
  onTakeover(listener: (e: TakeoverEvent) => void): void {
    this.takeoverListeners.push(listener);
  }

  /** Control frames the worker relays from UDP 703 (firmware/control/, `unicast-hb`). */
  onControlFrames(listener: (frames: Uint8Array[]) => void): void {
    this.controlListeners.push(listener);
  }

  /** Control frames for the worker to send on UDP 703; false when no worker runs. */
  sendControl(frames: Uint8Array[]): boolean {
    if (!this.worker) return false;
    this.send({ type: 'control-send', frames });
    return true;
  }

  /** True while HA runs (the worker owns the data ports). */
  get running(): boolean {
    return this.worker !== null;
  }

  snapshot(): HaSnapshot {
    return this.latest;
  }

  onSnapshot(listener: (s: HaSnapshot) => void): void {
    this.listeners.push(listener);
  }

  setFailover(on: boolean): void {
    this.send({ type: 'failover', on });
  }

  /** This boot's firmware image is on trial (firmware/boot/probation.ts): see Cluster.setProbation. */
  setProbation(on: boolean): void {
    if (on === this.probation) return;
    this.probation = on;
    this.send({ type: 'probation', on });
  }

  /** The ping-server verdict for the election (`counted`: some ping server monitors count). */
  setRemoteLink(counted: boolean, failed: boolean): void {
    this.remoteLink = { counted, failed };
    this.send({ type: 'remote-link', counted, failed });
  }

  /** Whether this unit's session table is in sync, for the election (firmware/sessions/runtime.ts). */
  setSessionsReady(ready: boolean): void {
    if (ready === this.sessionsReady) return;
    this.sessionsReady = ready;
    this.send({ type: 'sessions-ready', ready });
  }

  resetUptime(): void {
    this.send({ type: 'reset-uptime' });
  }

  clearStats(): void {
    this.send({ type: 'clear-stats' });
  }

  /**
   * Starts the heartbeat worker's process now, before its settings and takeover plan are known:
   * it loads its modules while the rest of the firmware starts, and `apply` hands it its init.
   * Cold start to the first hello was 0.95 s p50 natively, a quarter of it the worker's start.
   */
  prewarm(): void {
    if (this.worker || this.spare) return;
    this.spare = (this.opts.spawnSpare ?? spawnSpareWorkerProcess)(this.opts.health.memory.fd);
  }

  private discardSpare(): void {
    this.spare?.discard();
    this.spare = null;
  }

  /** Graceful shutdown: the worker sends leave frames so peers take over at once. */
  leave(): Promise<void> {
    this.discardSpare();
    this.linkFlush?.close();
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = this.opts.timers.after(LEAVE_TIMEOUT_MS, () => {
        log.warn('heartbeat worker did not leave in time; stopping it');
        void worker.terminate();
      });
      worker.once('exit', () => {
        cancel();
        resolve();
      });
      this.send({ type: 'leave' });
    });
  }

  private startWorker(settings: HaSettings): void {
    this.setSnapshot(this.initialSnapshot(true));
    const init: WorkerInit = {
      identity: { ...this.opts.identity, hostname: this.hostname },
      settings,
      keys: this.keys ?? oneKeyRing(keySpecOf(settings)),
      links: this.links(settings),
      plan: this.plan,
      bootId: this.opts.nextBootId(),
      fifoPriority: FIFO_PRIORITY,
      fencePins: this.opts.board.fencePins,
      bootIdPath: this.opts.board.storage.bootId,
    };
    // Watched from its start, so a worker that never turns starves the watchdog too.
    this.opts.health.stamp(HEARTBEAT_WORKER, this.opts.clock.nowMs());
    const spare = this.spare;
    this.spare = null;
    const worker = spare ? spare.start(init) : (this.opts.startWorker ?? startWorkerProcess)(init, this.opts.health.memory.fd);
    worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    worker.on('error', (err: Error) => {
      log.event(`heartbeat worker failed: ${err.stack ?? err.message}`, 'error');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    // Whatever ends the worker (leave, failure, terminate), it is gone: nothing may wait on it,
    // and its last snapshot (`work`, for a primary that handed over) no longer says what this
    // unit does: it holds no role until a worker runs again.
    worker.once('exit', () => {
      if (this.worker === worker) {
        this.worker = null;
        this.opts.health.clear(HEARTBEAT_WORKER);
        this.setSnapshot(this.initialSnapshot(true));
      }
    });
    this.worker = worker;
    if (this.remoteLink.counted) this.send({ type: 'remote-link', ...this.remoteLink });
    if (!this.sessionsReady) this.send({ type: 'sessions-ready', ready: false });
    if (this.probation) this.send({ type: 'probation', on: true });
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'snapshot':
        this.setSnapshot(msg.snapshot);
        break;
      case 'log':
        this.opts.onLog(msg.record);
        break;
      case 'took-over':
      case 'gave-up':
      case 'announce-round':
      case 'carried-elsewhere':
        for (const l of this.takeoverListeners) l(msg);
        break;
      case 'key-switched':
        for (const l of this.keySwitchListeners) l(msg.by);
        break;
      case 'control-frames':
        for (const l of this.controlListeners) l(msg.frames);
        break;
      case 'link-events':
        this.linkFlush?.nudge();
        break;
      case 'left':
        break;
    }
  }

  private setSnapshot(s: HaSnapshot): void {
    this.latest = s;
    for (const l of this.listeners) l(s);
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  /** Resolves front-panel port names to this board's interfaces. */
  private links(s: HaSettings): WorkerLinks {
    const ifname = (name: string) => portIfname(this.opts.board.ports, name);
    return {
      hbdev: s.hbdev.map((d) => ({ name: d.port, ifname: ifname(d.port), priority: d.priority })),
      monitor: s.monitor.map((name) => ({ name, ifname: ifname(name) })),
      beacon: s.dataBeaconDev.map((name) => ({ name, ifname: ifname(name) })),
    };
  }

  /** The ports whose carrier moves the role: the heartbeat ports (unless routed: `unicast-hb`) and the monitored ones. */
  private watchedLinks(s: HaSettings): string[] {
    const l = this.links(s);
    return [...(s.unicastHb ? [] : l.hbdev), ...l.monitor].map((p) => p.ifname);
  }

  /** What to show before the worker's first report: standalone, or HA starting in hello. */
  private initialSnapshot(enabled: boolean): HaSnapshot {
    const now = this.opts.clock.nowMs();
    const id = this.opts.identity;
    return {
      enabled,
      state: enabled ? 'hello' : 'work',
      stateSinceMs: now,
      stateSinceWall: wallTimeIso(this.opts.clock, now),
      serial: id.serial,
      hostname: this.hostname,
      groupId: this.settings?.groupId ?? 0,
      groupName: this.settings?.groupName ?? '',
      mode: enabled ? (this.settings?.mode ?? 'standalone') : 'standalone',
      model: id.model,
      members: [],
      election: null,
      links: [],
      monitor: [],
      rejected: emptyCounters(),
      refused: [],
      alone: false,
      schedFifo: false,
      logsDropped: 0,
      controlRelay: { relayed: 0, dropped: 0 },
      lateTicks: 0,
      maxTickLateMs: 0,
      tickJitter: { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 },
      lease: null,
      beacons: { ports: [], rivals: [], held: null },
      nowMs: now,
    };
  }
}
