/**
 * Who is who for the control channel's users: this unit, the primary (if any unit is) and the
 * peers, as the latest HA snapshot says. Config sync takes pushes only from the unit this view
 * names primary, so a split brain's losing side cannot overwrite the winner's config.
 */
import { primaryOf } from '../ha/snapshot.js';
export function clusterView(snap) {
    const peers = snap.members.filter((m) => !m.self).map((m) => m.serial);
    if (!snap.enabled || snap.mode === 'standalone')
        return { self: snap.serial, primary: snap.serial, peers: [] };
    return { self: snap.serial, primary: primaryOf(snap), peers };
}
export function isPrimaryView(view) {
    return view.primary === view.self;
}
//# sourceMappingURL=cluster-view.js.map