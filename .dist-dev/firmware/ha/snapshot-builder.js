/** Assembles the HaSnapshot the worker posts to the main process. */
import { wallTimeIso } from '../../hal/clock/index.js';
export function buildSnapshot(i) {
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
//# sourceMappingURL=snapshot-builder.js.map