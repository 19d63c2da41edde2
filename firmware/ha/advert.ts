/**
 * What a unit tells its peers in every heartbeat: the inputs of the election and the facts the
 * peers check before accepting it into the cluster. Carried as the CBOR body of a heartbeat
 * frame (firmware/ha/wire/).
 */
import type { HaMode } from '../config/ha-settings.js';

export type HaState = 'hello' | 'work' | 'standby';

export interface Advert {
  /** Firmware version "major.minor.patch"; peers refuse a different major. */
  firmware: string;
  model: string;
  groupName: string;
  mode: HaMode;
  hostname: string;
  state: HaState;
  priority: number;
  override: boolean;
  /** HA age in whole seconds: time since start, the last monitored-port failure or reset-uptime. */
  ageS: number;
  monitorUp: number;
  monitorTotal: number;
  /** `execute ha failover set` is in force on this unit. */
  failover: boolean;
  hbIntervalMs: number;
  lostThreshold: number;
  /** Serial of the unit the sender believes is primary, or "" when none. */
  primary: string;
  /**
   * The unit's session table is in sync (or needs none: session pickup off, or it is the
   * primary): the election prefers such a unit (election.ts). Protocol 1.1; a 1.0 sender is
   * taken as ready.
   */
  sessionsReady: boolean;
}

/** Whether `serial`'s advert claims the primary role: in work, naming itself. */
export function claimsPrimary(serial: string, a: Advert): boolean {
  return a.state === 'work' && a.primary === serial;
}
