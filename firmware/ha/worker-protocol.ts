/**
 * Messages between the main process and the heartbeat worker process, framed on their socket
 * by worker-channel.ts. The first message the worker reads is its WorkerInit.
 */

import type { HaSettings } from '../config/ha-settings.js';
import type { LogRecord } from '../log/logger.js';
import type { TakeoverPhases } from '../takeover/executor.js';
import type { TakeoverPlan } from '../takeover/plan.js';
import type { ClusterIdentity } from './cluster.js';
import type { HaSnapshot } from './snapshot.js';
import type { KeyRingSpec } from './wire/key-ring.js';

/** The worker process's inherited fds: its socket to the main process, the watchdog's stamps. */
export const WORKER_STREAM_FD = 3;
export const WORKER_HEALTH_FD = 4;

/** A board port the worker uses: its front-panel name and kernel interface. */
export interface WorkerPort {
  name: string;
  ifname: string;
}

export interface WorkerLinks {
  /** Heartbeat devices in hbdev order, with their hbdev priority. */
  hbdev: (WorkerPort & { priority: number })[];
  monitor: WorkerPort[];
  /** Data ports a primary beacons on (beacons.ts). */
  beacon: WorkerPort[];
}

export interface WorkerInit {
  identity: ClusterIdentity;
  /** Everything but the keys, which the ring says (`keys`). */
  settings: HaSettings;
  /** What heartbeats are sealed and opened with (wire/key-ring.ts). */
  keys: KeyRingSpec;
  links: WorkerLinks;
  /** What to take over on becoming primary (firmware/takeover/plan.ts). */
  plan: TakeoverPlan;
  bootId: number;
  /** SCHED_FIFO priority to ask for (0: do not ask). */
  fifoPriority: number;
  /** Where the boot id counter lives in flash (boot-ids.ts). */
  bootIdPath: string;
  /** The board's bpffs folder for the fence's pins (hal/fence). */
  fencePins: string;
}

export type ToWorker =
  /** The configuration changed; the keys change only by `keys`. */
  | { type: 'settings'; settings: HaSettings; links: WorkerLinks; hostname: string }
  /** A new key ring (docs/config-sync-plan.md §6). */
  | { type: 'keys'; ring: KeyRingSpec }
  | { type: 'arm'; plan: TakeoverPlan }
  | { type: 'failover'; on: boolean }
  /** This boot's firmware image is on trial until found healthy (firmware/boot/probation.ts). */
  | { type: 'probation'; on: boolean }
  /** The ping-server verdict (firmware/monitor/): counts as one more monitored port while `counted`. */
  | { type: 'remote-link'; counted: boolean; failed: boolean }
  /** Session sync's readiness for the election (election.ts `sessions`). */
  | { type: 'sessions-ready'; ready: boolean }
  | { type: 'reset-uptime' }
  | { type: 'clear-stats' }
  | { type: 'leave' }
  /** Control frames (HA payloads) to send on the unicast link, UDP 703 (control-relay.ts). */
  | { type: 'control-send'; frames: Uint8Array[] };

/** What the worker did on the data ports, for the main process to finish (announcement rounds, monitors). */
export type TakeoverEvent =
  /** Became primary: the fast path ran at `atMs`, its first announcement included. */
  | { type: 'took-over'; atMs: number; tookMs: number; phases: TakeoverPhases; announced: number; failures: string[] }
  /** Stopped being primary: data ports released at `atMs`. */
  | { type: 'gave-up'; atMs: number; tookMs: number; failures: string[] }
  /** Still primary while the virtual MAC may have been learnt elsewhere (announce-watch.ts): announce afresh. */
  | { type: 'announce-round'; atMs: number; reason: string }
  /**
   * Holding the data ports after another unit may have carried the traffic meanwhile (a split
   * brain, a dual primary, this unit's stall): the sessions this kernel tracked moved on there.
   */
  | { type: 'carried-elsewhere'; atMs: number; reason: string };

export type FromWorker =
  | { type: 'snapshot'; snapshot: HaSnapshot }
  /** A frame from primary `by` opened with the ring's next key: the worker seals with it now (hb-codec.ts followPrimary). */
  | { type: 'key-switched'; by: string }
  | { type: 'log'; record: LogRecord }
  | TakeoverEvent
  | { type: 'left' }
  /** Control frames that arrived on the unicast link, as they came (control-relay.ts). */
  | { type: 'control-frames'; frames: Uint8Array[] }
  /** The kernel reported link changes: the main process brings the watched ports' next ones forward (link-flush.ts). */
  | { type: 'link-events' };
