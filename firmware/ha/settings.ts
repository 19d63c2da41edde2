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
}

export function heartbeatIntervalMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs'>): number {
  return s.hbInterval * s.hbIntervalUnitMs;
}

/** How long a peer may stay silent on every link before it is lost. */
export function lostAfterMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs' | 'hbLostThreshold'>): number {
  return heartbeatIntervalMs(s) * s.hbLostThreshold;
}
