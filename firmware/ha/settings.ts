/**
 * What the HA runtime derives from the `config system ha` values (the HaSettings contract of
 * firmware/config/ha-settings.ts): the heartbeat interval and how long a silent peer lasts.
 */
import type { HaSettings } from '../config/ha-settings.js';

export function heartbeatIntervalMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs'>): number {
  return s.hbInterval * s.hbIntervalUnitMs;
}

/** How long a peer may stay silent on every link before it is lost. */
export function lostAfterMs(s: Pick<HaSettings, 'hbInterval' | 'hbIntervalUnitMs' | 'hbLostThreshold'>): number {
  return heartbeatIntervalMs(s) * s.hbLostThreshold;
}
