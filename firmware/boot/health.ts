/**
 * Whether the image this unit runs is healthy, for its probation (probation.ts): in a cluster,
 * joined (standing as primary or secondary, refusing no unit), its configuration in sync with
 * the primary's and its session table too; alone, working as the primary. A unit in standalone
 * mode is healthy once it runs.
 */
import type { MemberSyncStatus } from '../control/config-sync.js';
import { type HaSnapshot, primaryOf } from '../ha/snapshot.js';

export interface HealthInputs {
  ha: HaSnapshot;
  /** This unit's own entry of config sync's status; undefined while config sync does not run. */
  configSync: MemberSyncStatus | undefined;
  sessionsReady: boolean;
  /** The lost threshold: a refused unit heard within it is still there. */
  lostAfterMs: number;
}

/** Null when healthy, else why not (for the log). */
export function unhealthyBecause(i: HealthInputs): string | null {
  const { ha } = i;
  if (!ha.enabled) return null;
  if (ha.state === 'hello') return 'HA still in hello';
  const refused = ha.refused.filter((r) => r.lastAgoMs <= i.lostAfterMs);
  if (refused.length > 0) {
    return `refusing ${refused.map((r) => `${r.serial} (${r.reason})`).join(', ')}`;
  }
  const peers = ha.members.filter((m) => !m.self);
  if (peers.length === 0) return ha.state === 'work' ? null : 'no peer, and not working as the primary';
  if (primaryOf(ha) === null) return 'no unit of the cluster works as the primary';
  const sync = i.configSync;
  if (sync === undefined) return 'config sync is not running';
  if (sync.state !== 'in-sync') return `configuration ${sync.state}${sync.reason ? ` (${sync.reason})` : ''}`;
  if (!i.sessionsReady) return 'session table not yet in sync';
  return null;
}
