/**
 * The session sync worker's loop: a poll over the link monitor, the conntrack event socket
 * (while primary) and every sync port, for at most IDLE_MS at a time, then a yield to the
 * thread's event loop (commands from the main thread, the kernel dumps' async reads). Session
 * sync is not on the heartbeat path: a few milliseconds of latency here cost replication lag,
 * never a failover.
 */
import type { ClockDevice, Pollable } from '../../hal/clock/index.js';
import type { ConntrackDevice, ConntrackTable, CtEventSocket, CtEventType } from '../../hal/conntrack/index.js';
import type { L2Device, UdpDevice } from '../../hal/nic/index.js';
import { type KeyRingSpec, keyRingProblem, RingKeys } from '../ha/wire/key-ring.js';
import { deriveSyncKeys } from '../ha/wire/keys.js';
import { FrameOpener } from '../ha/wire/opener.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import type { Logger } from '../log/logger.js';
import { SessionApplier } from './applier.js';
import { PrimarySync } from './primary-sync.js';
import { SecondarySync } from './secondary-sync.js';
import { stateTimeout } from './state-timeouts.js';
import { SYNC_FRAME_TYPE, type SyncBody } from './sync-frames.js';
import { SyncLink } from './sync-link.js';
import { SyncPorts } from './sync-ports.js';
import { sweepSyncedEntries } from './takeover-sweep.js';
import type { FromSyncWorker, SyncRole, SyncSetup, SyncStatus, SyncWorkerInit } from './worker-protocol.js';

const IDLE_MS = 20;
const STATUS_EVERY_MS = 500;
const EVENTS_PER_TURN = 4096;
/** Reads that drop what an overrun left queued, at most: 128k events, twice what the buffer holds. */
const DROP_READS = 32;
/** Bursts of events the socket holds before an overrun (MEASURED.md: no ENOBUFS at 64 MB). */
const EVENT_BUFFER_BYTES = 64 << 20;
/** Epochs of one start: bootId · 2^20 + resyncs, so they grow across restarts too. */
const EPOCHS_PER_BOOT = 2 ** 20;

export interface SyncDevices {
  clock: ClockDevice;
  nic: L2Device & UdpDevice;
  conntrack: ConntrackDevice;
  nextBootId: () => number;
}

export class SyncLoop {
  private readonly table: ConntrackTable;
  private readonly ports: SyncPorts;
  private readonly linkMonitor;
  private readonly poller;
  /**
   * One for the worker's life: its sealer's sequence and its opener's replay state carry on
   * across new settings and new keys, as peers expect of a boot id.
   */
  private readonly link: SyncLink;
  private readonly sealer: FrameSealer;
  private readonly opener: FrameOpener;
  private readonly keys = new RingKeys(deriveSyncKeys);
  private setup: SyncSetup;
  /** The ports the last setup opened (their config as JSON): a setup naming the same keeps them open. */
  private portsKey = '';
  private role: SyncRole = { role: 'idle' };
  private primary: PrimarySync | null = null;
  private secondary: SecondarySync | null = null;
  private events: CtEventSocket | null = null;
  /** Whether `events` carries expectation events too. */
  private eventsWithExpectations = false;
  private watched: Pollable[] = [];
  private lastStatusMs = 0;
  private lastReady = false;
  /** Takeover sweeps running (sweep()). */
  private sweeps = 0;
  private stopped = false;

  constructor(
    private readonly dev: SyncDevices,
    private readonly init: SyncWorkerInit,
    private readonly post: (m: FromSyncWorker) => void,
    private readonly log: Logger,
  ) {
    this.setup = init;
    this.table = dev.conntrack.open();
    this.enableTimestamps();
    this.ports = new SyncPorts(dev.nic, log, init.serial);
    this.linkMonitor = dev.nic.openLinkMonitor();
    this.poller = dev.clock.openPoller();
    const slots = this.keys.slots(init.keys);
    this.sealer = new FrameSealer({
      serial: init.serial,
      ...slots[init.keys.send],
      bootId: init.bootId,
      nextBootId: dev.nextBootId,
    });
    this.opener = new FrameOpener({
      ownSerial: init.serial,
      slots,
      first: init.keys.send,
      accepts: (t) => t === SYNC_FRAME_TYPE,
    });
    this.link = new SyncLink(this.ports, this.sealer, this.opener);
    this.configure(init);
  }

  /** New settings or ports; the keys change only by setKeys, and the role's state stays. */
  configure(setup: SyncSetup): void {
    this.setup = setup;
    const s = setup.settings;
    const ports = { dedicated: setup.dedicated, fallback: setup.fallback, unicastPeer: s.unicastHb ? s.unicastHbPeerip : null };
    // Re-opening drops the frames queued on the ports: only a change of the ports does it, not
    // every commit (config sync may bring many a second).
    const key = JSON.stringify(ports);
    if (key !== this.portsKey) this.ports.open(ports);
    this.portsKey = key;
    this.primary?.setPolicy(s.sessionPickup, new Set(setup.localAddresses));
    if (this.primary && this.primary.syncsExpectations !== this.eventsWithExpectations) this.subscribe();
    this.watchAll();
  }

  /** A new key ring (docs/config-sync-plan.md §6); one the main thread should never send is logged and left out. */
  setKeys(ring: KeyRingSpec): void {
    const problem = keyRingProblem(ring);
    if (problem !== null) {
      this.log.event(`session sync keys unchanged: the main thread sent ${problem}`, 'error');
      return;
    }
    const slots = this.keys.slots(ring);
    this.sealer.setKeys(slots[ring.send]);
    this.opener.setSlots(slots, ring.send);
  }

  /**
   * (Re)subscribes to the conntrack events the primary's policy needs: expectation events only
   * with `session-pickup-expectation`. Events raised while the socket changes are lost to it,
   * but a policy change resyncs every secondary from a dump that starts after.
   */
  private subscribe(): void {
    this.events?.close();
    const withExpectations = this.primary?.syncsExpectations ?? false;
    const types: CtEventType[] = ['new', 'update', 'destroy'];
    if (withExpectations) types.push('exp-new', 'exp-destroy');
    this.events = this.dev.conntrack.subscribe({ types, rcvbufBytes: EVENT_BUFFER_BYTES });
    this.eventsWithExpectations = withExpectations;
  }

  setRole(role: SyncRole): void {
    const now = this.dev.clock.nowMs();
    const was = this.role.role;
    this.role = role;
    if (role.role === 'primary') {
      this.secondary = null;
      if (!this.primary) {
        this.primary = new PrimarySync(
          {
            table: this.table,
            openTable: () => this.dev.conntrack.open(),
            link: this.link,
            log: this.log,
            epochBase: this.init.bootId * EPOCHS_PER_BOOT,
            wallMs: () => this.dev.clock.wallMs(),
          },
          this.setup.settings.sessionPickup,
        );
        this.primary.setPolicy(this.setup.settings.sessionPickup, new Set(this.setup.localAddresses));
        this.subscribe();
        if (was === 'secondary') void this.sweep();
      }
      this.primary.setPeers(role.secondaries, now);
    } else {
      this.primary?.close();
      this.primary = null;
      this.events?.close();
      this.events = null;
      if (role.role === 'secondary') {
        this.secondary ??= new SecondarySync(
          this.init.serial,
          this.table,
          new SessionApplier(this.table),
          this.link,
          this.log,
          this.dev.clock,
        );
        this.secondary.setPrimary(role.primary);
      } else {
        if (this.secondary) void this.sweep();
        this.secondary = null;
      }
    }
    this.watchAll();
  }

  /** Runs turns until stop(), yielding to the event loop between them. */
  run(): void {
    const turn = () => {
      if (this.stopped) return;
      try {
        this.turn();
      } catch (err) {
        this.log.event(`session sync turn failed: ${(err as Error).stack ?? err}`, 'error');
      }
      setImmediate(turn);
    };
    turn();
  }

  /**
   * Ends session sync. A secondary first gives its synced entries their kernel timeouts back:
   * no primary will delete them any more, and the hold would keep them for days.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.secondary) await this.sweep();
    this.primary?.close();
    this.events?.close();
    this.ports.close();
    this.linkMonitor.close();
    this.table.close();
  }

  private turn(): void {
    const before = this.dev.clock.nowMs();
    // A takeover sweep reads the table a dump chunk per turn of the event loop: no sleeping between chunks.
    const due = Math.min(
      this.sweeps > 0 ? before : Infinity,
      this.primary?.nextWakeAt(before) ?? Infinity,
      this.secondary?.nextWakeAt(before) ?? Infinity,
      before + IDLE_MS,
    );
    this.poller.wait(Math.max(0, Math.ceil(due - before)));
    const now = this.dev.clock.nowMs();
    if (this.poller.readable(0)) {
      let changed = false;
      for (const ev of this.linkMonitor.read()) if (this.ports.onLinkEvent(ev)) changed = true;
      if (changed) this.watchAll();
    }
    if (this.events && this.poller.readable(1)) {
      const r = this.events.read(EVENTS_PER_TURN);
      if (r.overrun) this.dropQueuedEvents(r.events.length);
      this.primary?.onEvents(r.events, r.overrun, now);
    }
    const first = 2;
    for (let i = 0; i < this.ports.ports.length; i++) {
      const port = this.ports.ports[i];
      if (port && this.poller.readable(first + i)) this.link.drain(port, (serial, body) => this.onBody(serial, body, now));
    }
    this.primary?.tick(now);
    this.secondary?.tick(now);
    // The primary is the sessions' source: ready by definition.
    const ready = this.primary !== null || (this.secondary?.ready ?? false);
    if (ready !== this.lastReady) {
      this.lastReady = ready;
      this.post({ type: 'ready', ready });
    }
    if (now - this.lastStatusMs >= STATUS_EVERY_MS) {
      this.lastStatusMs = now;
      this.post({ type: 'status', status: this.status(now) });
    }
  }

  private onBody(serial: string, body: SyncBody, now: number): void {
    if (body.kind === 2) this.primary?.onAck(serial, body, now);
    else this.secondary?.onBody(serial, body, now);
  }

  /** Poll slots: link monitor, conntrack events (-1 when not primary), then one per sync port. */
  private watchAll(): void {
    this.watched = [this.linkMonitor, this.events ?? { fd: -1 }, ...this.ports.ports.map((p) => p.transport ?? { fd: -1 })];
    this.poller.watch(this.watched);
  }

  /**
   * Start times on every session from now on, whatever the role and the delay setting: a
   * secondary may become primary, and the delay may be turned on, at any time, and an entry
   * made before the switch has no stamp for good. Without them the delay holds only the
   * sessions it sees open, and a resync sends the young ones at once (delay.ts).
   */
  private enableTimestamps(): void {
    try {
      this.dev.conntrack.enableTimestamps();
    } catch (err) {
      this.log.event(
        `conntrack start times unavailable (${(err as Error).message}): after a resync, session-pickup-delay ` +
          'holds only the sessions it saw open',
        'warn',
      );
    }
  }

  /**
   * After an overrun the socket still holds events raised before the resync's dump starts, some
   * of them before the events that were lost: as live changes they would win over the dump
   * (PrimarySync.onEvents drops the ones read with the overrun). The dump has them all.
   */
  private dropQueuedEvents(read: number): void {
    for (let n = read, reads = 0; n === EVENTS_PER_TURN && reads < DROP_READS && this.events; reads++) {
      n = this.events.read(EVENTS_PER_TURN).events.length;
    }
  }

  /**
   * Synced entries become this kernel's own: state timeouts back, mark cleared (takeover-sweep.ts).
   * Through a table handle of its own: a handle runs one dump at a time, and a resync's
   * reconciliation may still be walking this.table.
   */
  private async sweep(): Promise<void> {
    let table: ConntrackTable | null = null;
    this.sweeps++;
    try {
      table = this.dev.conntrack.open();
      const r = await sweepSyncedEntries(table, stateTimeout);
      this.log.info(`${r.swept} synced sessions are this unit's own now: their timeouts are the kernel's again`);
    } catch (err) {
      this.log.warn(`restoring the timeouts of synced sessions failed: ${(err as Error).message}`);
    } finally {
      this.sweeps--;
      table?.close();
    }
  }

  private status(now: number): SyncStatus {
    return {
      role: this.role.role,
      portsInUse: this.ports.inUse.map((p) => p.name),
      link: { ...this.link.counters },
      rejected: { ...this.link.opener.counters },
      primary: this.primary ? { counters: structuredClone(this.primary.counters), feeds: this.primary.views(now) } : null,
      secondary: this.secondary
        ? {
            counters: { ...this.secondary.counters },
            view: this.secondary.view(now),
            applied: structuredClone(this.secondary.appliedCounters),
          }
        : null,
      kernelSessions: this.table.count(),
    };
  }
}
