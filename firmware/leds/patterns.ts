/**
 * What the front-panel LEDs show (REFERENCE.md "Front-panel LEDs"). Pure: the unit's state in,
 * one lit colour and pattern per LED role out.
 *
 * - STATUS: 1 Hz while booting, steady once running; a fast (4 Hz) red blink while an alarm
 *   stands (the unit booted from its last good configuration), which the table leaves open.
 * - HA: by role once a peer is in the cluster (steady green primary, 1 Hz green secondary,
 *   4 Hz amber negotiating); without a peer, 4 Hz red when the unit refuses a stranger,
 *   steady amber when it runs alone (peer lost, never found, or a split brain seen on the
 *   data ports), 4 Hz amber while it still says hello. Off in standalone mode.
 * - SYNC: off without a peer; steady when every unit's config is in sync and the sessions are
 *   held; blinking otherwise (a sync on its way, or one that failed and waits for a retry).
 */
import type { MemberSyncState } from '../control/config-sync.js';
import type { HaState } from '../ha/advert.js';

export type LedRole = 'status' | 'ha' | 'sync';
export type LedColour = 'green' | 'amber' | 'red';
export type Blink = 'steady' | '1hz' | '4hz';

/** A role's light: which colour is lit and how; null when the LED is dark. */
export type LedLight = { colour: LedColour; blink: Blink } | null;

export interface LedInputs {
  /** False until the firmware finished starting. */
  running: boolean;
  /** The alarm that stands, if any (the config store's boot source). */
  alarm: string | undefined;
  /** The HA runtime's view; null before its first snapshot. */
  ha: {
    enabled: boolean;
    state: HaState;
    /** Members including this unit. */
    members: number;
    /** Strangers this unit refuses (group, password, model or version mismatch). */
    refused: number;
    /** Units seen primary on the data ports without heartbeats. */
    rivals: number;
  } | null;
  /** Each unit's config sync state, this unit first (ConfigSync.status()). */
  configSync: readonly MemberSyncState[];
  /** Session sync holds the sessions (SessionSyncRuntime.readyForElection). */
  sessionsReady: boolean;
}

export function ledLights(i: LedInputs): Record<LedRole, LedLight> {
  return { status: statusLight(i), ha: haLight(i), sync: syncLight(i) };
}

function statusLight(i: LedInputs): LedLight {
  if (i.alarm !== undefined) return { colour: 'red', blink: '4hz' };
  return { colour: 'green', blink: i.running ? 'steady' : '1hz' };
}

function haLight({ ha }: LedInputs): LedLight {
  if (!ha?.enabled) return null;
  if (ha.members > 1 && ha.rivals === 0) {
    if (ha.state === 'work') return { colour: 'green', blink: 'steady' };
    if (ha.state === 'standby') return { colour: 'green', blink: '1hz' };
    return { colour: 'amber', blink: '4hz' };
  }
  if (ha.refused > 0) return { colour: 'red', blink: '4hz' };
  if (ha.state === 'hello') return { colour: 'amber', blink: '4hz' };
  return { colour: 'amber', blink: 'steady' };
}

function syncLight(i: LedInputs): LedLight {
  if (!i.ha?.enabled || i.ha.members < 2) return null;
  const inSync = i.sessionsReady && i.configSync.length > 1 && i.configSync.every((s) => s === 'in-sync');
  return { colour: 'green', blink: inSync ? 'steady' : '1hz' };
}
