/** Assembles the HaSnapshot the worker posts to the main process. */
import { type Clock, wallTimeIso } from '../../hal/clock/index.js';
import type { Percentiles } from '../stats/histogram.js';
import type { LeaseView } from '../takeover/lease.js';
import type { Cluster } from './cluster.js';
import type { RelayCounters } from './control-relay.js';
import type { BeaconPortView, HaSnapshot, LinkView, MonitorPortView } from './snapshot.js';
import type { RejectReason } from './wire/decoder.js';
import type { WorkerInit } from './worker-protocol.js';

export interface SnapshotInputs {
  now: number;
  clock: Clock;
  init: WorkerInit;
  cluster: Cluster;
  links: LinkView[];
  monitor: MonitorPortView[];
  rejected: Record<RejectReason, number>;
  schedFifo: boolean;
  logsDropped: number;
  controlRelay: RelayCounters;
  tickJitter: Percentiles;
  lease: LeaseView;
  beaconPorts: BeaconPortView[];
}

export function buildSnapshot(i: SnapshotInputs): HaSnapshot {
  const view = i.cluster.view(i.now);
  const s = i.init.settings;
  return {
    enabled: true,
    state: i.cluster.state,
    stateSinceMs: i.cluster.stateSinceMs,
    stateSinceWall: wallTimeIso(i.clock, i.cluster.stateSinceMs),
    serial: i.init.identity.serial,
    hostname: i.init.identity.hostname,
    groupId: s.groupId,
    groupName: s.groupName,
    mode: s.mode,
    model: i.init.identity.model,
    members: view.members,
    election: view.election ? { ...view.election, atWall: wallTimeIso(i.clock, view.election.atMs) } : null,
    links: i.links,
    monitor: i.monitor,
    rejected: { ...i.rejected, refused: view.refusedFrames },
    refused: view.refused,
    alone: view.alone,
    schedFifo: i.schedFifo,
    logsDropped: i.logsDropped,
    controlRelay: { ...i.controlRelay },
    lateTicks: view.lateChecks,
    maxTickLateMs: view.maxLateMs,
    tickJitter: i.tickJitter,
    lease: i.lease,
    beacons: { ports: i.beaconPorts, rivals: view.beaconRivals, held: view.held },
    nowMs: i.now,
  };
}
