/**
 * Commands from the main process to the heartbeat loop (worker-protocol.ts), applied in the
 * order they were sent once the loop has read them from its socket (worker-channel.ts).
 */
import type { HaSettings } from '../config/ha-settings.js';
import type { TakeoverPlan } from '../takeover/plan.js';
import type { KeyRingSpec } from './wire/key-ring.js';
import type { ToWorker, WorkerLinks } from './worker-protocol.js';

/** What the main process can ask of the heartbeat loop; `now` is the turn's time. */
export interface CommandTarget {
  /** New settings, links and hostname (the configuration changed). */
  reconfigure(settings: HaSettings, links: WorkerLinks, hostname: string, now: number): void;
  /** A new key ring for the heartbeats. */
  setKeys(ring: KeyRingSpec, now: number): void;
  /** A new takeover plan to hold (and to apply at once while primary). */
  arm(plan: TakeoverPlan, now: number): void;
  setRemoteLink(counted: boolean, failed: boolean, now: number): void;
  setFailover(on: boolean, now: number): void;
  setProbation(on: boolean, now: number): void;
  setSessionsReady(ready: boolean, now: number): void;
  resetUptime(now: number): void;
  clearStats(): void;
  /** Leave the cluster once this turn is done. */
  requestLeave(): void;
  /** Send control frames on the unicast link (control-relay.ts). */
  sendControl(frames: Uint8Array[]): void;
}

/** Where the loop finds the commands it has read. */
export interface CommandSource {
  next(): ToWorker | undefined;
}

/** Applies every command read so far, in order. */
export function applyCommands(source: CommandSource, target: CommandTarget, now: number): void {
  for (let m = source.next(); m !== undefined; m = source.next()) applyCommand(m, target, now);
}

function applyCommand(msg: ToWorker, target: CommandTarget, now: number): void {
  switch (msg.type) {
    case 'settings':
      target.reconfigure(msg.settings, msg.links, msg.hostname, now);
      break;
    case 'keys':
      target.setKeys(msg.ring, now);
      break;
    case 'arm':
      target.arm(msg.plan, now);
      break;
    case 'remote-link':
      target.setRemoteLink(msg.counted, msg.failed, now);
      break;
    case 'failover':
      target.setFailover(msg.on, now);
      break;
    case 'probation':
      target.setProbation(msg.on, now);
      break;
    case 'sessions-ready':
      target.setSessionsReady(msg.ready, now);
      break;
    case 'reset-uptime':
      target.resetUptime(now);
      break;
    case 'clear-stats':
      target.clearStats();
      break;
    case 'leave':
      target.requestLeave();
      break;
    case 'control-send':
      target.sendControl(msg.frames);
      break;
  }
}
