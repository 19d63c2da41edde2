import { primaryOf } from '../ha/snapshot.js';
/** Null when healthy, else why not (for the log). */
export function unhealthyBecause(i) {
    const { ha } = i;
    if (!ha.enabled)
        return null;
    if (ha.state === 'hello')
        return 'HA still in hello';
    const refused = ha.refused.filter((r) => r.lastAgoMs <= i.lostAfterMs);
    if (refused.length > 0) {
        return `refusing ${refused.map((r) => `${r.serial} (${r.reason})`).join(', ')}`;
    }
    const peers = ha.members.filter((m) => !m.self);
    if (peers.length === 0)
        return ha.state === 'work' ? null : 'no peer, and not working as the primary';
    if (primaryOf(ha) === null)
        return 'no unit of the cluster works as the primary';
    const sync = i.configSync;
    if (sync === undefined)
        return 'config sync is not running';
    if (sync.state !== 'in-sync')
        return `configuration ${sync.state}${sync.reason ? ` (${sync.reason})` : ''}`;
    if (!i.sessionsReady)
        return 'session table not yet in sync';
    return null;
}
//# sourceMappingURL=health.js.map