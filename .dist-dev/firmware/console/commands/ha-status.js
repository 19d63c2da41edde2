import { enableDisable, formatAgo, formatUptime, padRight, slashDate, wallClock } from '../format.js';
import { configStatusLines } from './ha-config-sync.js';
import { clusterIndexes, healthStatus, heartbeatAddress, isStandalone, modeLabel, operatingOrder, refusalLine, roleLabel, selfMember, } from './ha-roles.js';
import { readinessLine } from './session-sync.js';
/**
 * `override` comes from the configuration when the snapshot has no entry for this unit yet.
 * `sync`: session sync's status, for this unit's readiness as a secondary (null: sync is off).
 * `configSync`: each unit's config sync state (null: config sync is not running).
 */
export function renderHaStatus(snap, configured, sync = null, configSync = null, rollout = null) {
    if (isStandalone(snap))
        return 'HA Health Status: OK\nMode: standalone\n';
    const self = selfMember(snap);
    const lines = [`HA Health Status: ${healthStatus(snap)}`];
    for (const r of snap.refused)
        lines.push(`    refused ${refusalLine(r)}`);
    lines.push(`Model: ${snap.model}`, `Mode: ${modeLabel(snap.mode)}`, `Group Name: ${snap.groupName}`, `Group ID: ${snap.groupId}`, 'Debug: 0', 
    // The cluster has existed as long as its longest-running member has been in HA.
    `Cluster Uptime: ${formatUptime(Math.max(0, ...snap.members.map((m) => m.ageMs)))}`, `Cluster state change time: ${wallClock(snap.stateSinceWall)}`);
    if (snap.state === 'hello')
        lines.push('state: hello (negotiating)');
    lines.push('Primary selected using:');
    if (snap.election)
        lines.push(`    <${slashDate(snap.election.atWall)}> ${snap.election.reason}`);
    else
        lines.push('    <none yet>');
    const pickup = configured?.sessionPickup;
    lines.push(`ses_pickup: ${enableDisable(pickup?.tcp ?? false)}, ses_pickup_delay=${enableDisable(pickup?.delay ?? false)}`);
    const readiness = readinessLine(sync);
    if (readiness)
        lines.push(readiness);
    lines.push(`override: ${enableDisable(self?.override ?? configured?.override ?? false)}`);
    if (configSync)
        lines.push(...configStatusLines(configSync));
    lines.push(...firmwareLines(snap, rollout));
    lines.push('HBDEV stats:');
    if (snap.links.length === 0)
        lines.push('    (no heartbeat device)');
    for (const link of snap.links)
        lines.push(`    ${hbdevLine(link)}`);
    const index = clusterIndexes(snap.members);
    const order = operatingOrder(snap.members);
    for (const m of order) {
        lines.push(`${roleLabel(m.state)}: ${padRight(m.hostname, 16)}, ${m.serial}, HA cluster index = ${index.get(m.serial)}`);
    }
    lines.push('number of vcluster: 1');
    const selfIndex = self ? (index.get(self.serial) ?? 0) : 0;
    lines.push(`vcluster 1: ${snap.state} ${heartbeatAddress(selfIndex)}`);
    order.forEach((m, i) => {
        lines.push(`${roleLabel(m.state).trimEnd()}: ${m.serial}, HA operating index = ${i}`);
    });
    return `${lines.join('\n')}\n`;
}
function hbdevLine(link) {
    const heard = link.lastRxAgoMs === null ? 'never heard' : `last heard ${formatAgo(link.lastRxAgoMs)} ago`;
    return (`${link.name}: ${link.up ? 'up' : 'down'}, ${link.carrier ? 'carrier' : 'no-carrier'}, ` +
        `rx-packets=${link.rxFrames} tx-packets=${link.txFrames} tx-errors=${link.txErrors}, ${heard}`);
}
/**
 * A rolling upgrade's progress (while it runs, and how it ended), and each unit's firmware
 * whenever they differ (mid-upgrade, or a unit that rolled back). Nothing when all agree and no
 * rollout was run.
 */
function firmwareLines(snap, rollout) {
    const lines = [];
    if (rollout) {
        const at = rollout.state === 'running' ? `, unit ${Math.min(rollout.step + 1, rollout.units.length)} of ${rollout.units.length}` : '';
        lines.push(`Firmware upgrade: ${rollout.mode} to ${rollout.version}, ${rollout.state}${at}: ${rollout.detail}`);
    }
    const versions = new Set(snap.members.map((m) => m.firmware));
    if (rollout || versions.size > 1) {
        lines.push('Firmware:');
        for (const m of snap.members)
            lines.push(`    ${m.serial}: ${m.firmware}`);
    }
    return lines;
}
//# sourceMappingURL=ha-status.js.map