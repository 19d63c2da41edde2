/**
 * The HA runtime's state as the console and the rig see it. Produced by the heartbeat worker,
 * posted to the main process on every change; plain data (CBOR on the worker's socket).
 */
import type { LeaseView } from '../takeover/lease.js';
import type { HaState } from './advert.js';
import type { RejectReason } from './wire/decoder.js';

export interface MemberView {
  serial: string;
  hostname: string;
  /** The firmware version the member runs (its adverts say). */
  firmware: string;
  state: HaState;
  priority: number;
  override: boolean;
  ageMs: number;
  monitorUp: number;
  monitorTotal: number;
  failover: boolean;
  /** Milliseconds since the last heartbeat from this member (0 for self). */
  lastHeardAgoMs: number;
  /** Heartbeat links this member was heard on within the lost threshold. */
  links: string[];
  self: boolean;
}

export interface LinkView {
  name: string;
  hbPriority: number;
  up: boolean;
  carrier: boolean;
  txFrames: number;
  txErrors: number;
  rxFrames: number;
  /** Accepted heartbeats received on this link. */
  rxAccepted: number;
  lastRxAgoMs: number | null;
}

/** A data port a primary beacons on (firmware/ha/beacons.ts). */
export interface BeaconPortView {
  name: string;
  carrier: boolean;
  txFrames: number;
  /** Accepted beacons received on this port (a peer's, while it was primary). */
  rxAccepted: number;
}

/** A `monitor` port as the election counts it, with its history since start. */
export interface MonitorPortView {
  name: string;
  ifname: string;
  /** Admin up with carrier. */
  connected: boolean;
  /** Times it went from connected to not connected. */
  downEvents: number;
  /** Milliseconds since it last changed; null when it has not changed since start. */
  lastChangeAgoMs: number | null;
}

export interface RefusalView {
  serial: string;
  link: string;
  reason: string;
  count: number;
  lastAgoMs: number;
}

export interface ElectionView {
  primary: string;
  /** FortiOS-style sentence: "<serial> is selected as the primary because it has ...". */
  reason: string;
  atMs: number;
  atWall: string;
}

export interface HaSnapshot {
  enabled: boolean;
  state: HaState;
  stateSinceMs: number;
  stateSinceWall: string;
  serial: string;
  hostname: string;
  groupId: number;
  groupName: string;
  mode: string;
  model: string;
  /** Self first, then peers in election order. */
  members: MemberView[];
  election: ElectionView | null;
  links: LinkView[];
  monitor: MonitorPortView[];
  rejected: Record<RejectReason, number>;
  refused: RefusalView[];
  /** True when this unit runs alone after losing every peer it had. */
  alone: boolean;
  schedFifo: boolean;
  /** Log records the worker dropped because the main process did not read them (worker-channel.ts). */
  logsDropped: number;
  /** Control frames relayed on UDP 703 for the main process, and dropped (control-relay.ts). */
  controlRelay: { relayed: number; dropped: number };
  /** Checks of the failure detector that came late because this board stalled. */
  lateTicks: number;
  maxTickLateMs: number;
  /** |tick interval − hb interval| of the heartbeat ticker since start. */
  tickJitter: { count: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The self-fencing lease (firmware/takeover/lease.ts); null without HA. */
  lease: LeaseView | null;
  /** Data-port beacons: the ports, units seen primary on them without heartbeats, a held failover. */
  beacons: {
    ports: BeaconPortView[];
    rivals: { serial: string; port: string; agoMs: number }[];
    held: { to: string; untilMs: number } | null;
  };
  nowMs: number;
}

/** The unit working as primary as this snapshot sees it: this one's serial when it works, else the member in work, or null while none is. */
export function primaryOf(snap: HaSnapshot): string | null {
  if (snap.state === 'work') return snap.serial;
  return snap.members.find((m) => !m.self && m.state === 'work')?.serial ?? null;
}
