/**
 * The typed `config system ha` values the HA runtime uses, as produced by the config schema.
 * Defaults and ranges live in the schema (firmware/config/schema-system.ts), not here.
 */
export type HaMode = 'standalone' | 'a-p' | 'a-a';

export interface HbDev {
  port: string;
  priority: number;
}

export interface HaSettings {
  mode: HaMode;
  groupId: number;
  groupName: string;
  password: string;
  priority: number;
  override: boolean;
  hbdev: HbDev[];
  monitor: string[];
  /** `hb-interval` in units of `hb-interval-in-milliseconds`. */
  hbInterval: number;
  hbIntervalUnitMs: 100 | 10;
  hbLostThreshold: number;
  helloHolddownS: number;
  uptimeDiffMarginS: number;
  authentication: boolean;
  encryption: boolean;
  unicastHb: boolean;
  unicastHbPeerip: string;
  /** `gratuitous-arps`: announce the addresses after taking over. */
  gratuitousArps: boolean;
  /** `arps`: how many gratuitous ARPs per address. */
  arps: number;
  /** `arps-interval`, seconds between them. */
  arpsIntervalS: number;
  /** `hb-carrier-failover` (Tandem's own): all direct-cable heartbeat ports losing carrier at once means the peer lost power. */
  hbCarrierFailover: boolean;
  /** Data ports a primary sends its beacon on (`data-beacon` and `data-beacon-dev`, resolved; empty: none). */
  dataBeaconDev: string[];
  /** `failover-hold-time`: minimum seconds between two failovers (0: none). */
  failoverHoldTimeS: number;
  /** `pingserver-monitor-interface`: ports whose link monitors count towards remote link failover. */
  pingserverMonitorInterface: string[];
  /** `pingserver-failover-threshold`: failed-monitor weight that triggers failover (0: any failure). */
  pingserverFailoverThreshold: number;
  /** `pingserver-flip-timeout`, minutes before a unit failed by ping may become primary again. */
  pingserverFlipTimeoutMin: number;
}

export function heartbeatIntervalMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs'>): number {
  return s.hbInterval * s.hbIntervalUnitMs;
}

/** How long a peer may stay silent on every link before it is lost. */
export function lostAfterMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs' | 'hbLostThreshold'>): number {
  return heartbeatIntervalMs(s) * s.hbLostThreshold;
}
