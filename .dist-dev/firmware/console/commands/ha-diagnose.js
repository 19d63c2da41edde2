import { heartbeatIntervalMs, lostAfterMs } from '../../ha/settings.js';
import { enableDisable, formatAgo, formatSeconds, formatUptime, table, wallClock } from '../format.js';
import { clusterIndexes, isStandalone, refusalLine, roleName, selfMember } from './ha-roles.js';
import { syncSectionLines } from './session-sync.js';
/** `sync`: session sync's status, shown as a section while sync is on (null: off). */
export function renderHaDiagnose(snap, sync = null) {
    const self = selfMember(snap);
    const out = ['HA information'];
    const since = formatUptime(snap.nowMs - snap.stateSinceMs);
    out.push(`state: ${snap.state} (${roleName(snap.state)}) since ${wallClock(snap.stateSinceWall)} (${since} ago)`);
    out.push(`model=${snap.model}, mode=${snap.mode}, group-id=${snap.groupId}, group-name=${snap.groupName}, ` +
        `serial=${snap.serial}, hostname=${snap.hostname}`);
    if (isStandalone(snap))
        out.push('HA is not enabled (mode standalone)');
    if (snap.election) {
        out.push(`election: primary ${snap.election.primary} since ${wallClock(snap.election.atWall)}`);
        out.push(`    ${snap.election.reason}`);
    }
    else {
        out.push('election: none yet');
    }
    out.push(`alone: ${snap.alone ? 'yes (every peer lost)' : 'no'}`);
    // With no peer heard, a unit acting as primary cannot know whether its peer does the same.
    const splitBrain = snap.alone && snap.state === 'work';
    out.push(`split-brain: ${splitBrain ? 'possible (acting as primary with every peer lost)' : 'no'}`);
    out.push(`HA group member information: is_manage_primary=${self?.state === 'work' ? 1 : 0}`);
    out.push(memberTable(snap.members).trimEnd());
    out.push('refused peers:');
    if (snap.refused.length === 0)
        out.push('    none');
    for (const r of snap.refused)
        out.push(`    ${refusalLine(r)}`);
    if (snap.lease)
        out.push(leaseLine(snap.lease));
    if (snap.enabled)
        out.push(...beaconLines(snap.beacons, snap.nowMs));
    out.push(`scheduling: ${snap.schedFifo ? 'SCHED_FIFO' : 'SCHED_OTHER (not real-time)'}`);
    if (snap.logsDropped > 0)
        out.push(`worker log records dropped (main process not reading): ${snap.logsDropped}`);
    out.push(`late ticks: ${snap.lateTicks} (max ${snap.maxTickLateMs.toFixed(1)} ms late)`);
    const j = snap.tickJitter;
    if (j) {
        out.push(`tick jitter: p50 ${j.p50Ms.toFixed(2)} ms, p99 ${j.p99Ms.toFixed(2)} ms, max ${j.maxMs.toFixed(2)} ms ` +
            `over ${j.count} ticks`);
    }
    out.push(...syncSectionLines(sync));
    return `${out.join('\n')}\n`;
}
function beaconLines(b, nowMs) {
    const ports = b.ports.map((p) => `${p.name} (${p.carrier ? '' : 'no carrier, '}sent ${p.txFrames}, heard ${p.rxAccepted})`);
    const out = [`data-port beacons: ${ports.length > 0 ? ports.join(', ') : 'off'}`];
    for (const r of b.rivals)
        out.push(`    ${r.serial} is primary, seen on ${r.port} ${r.agoMs.toFixed(0)} ms ago without heartbeats`);
    if (b.held) {
        const until = Number.isFinite(b.held.untilMs)
            ? `${((b.held.untilMs - nowMs) / 1000).toFixed(1)} s more`
            : 'until the primary hands over';
        out.push(`failover held (failover-hold-time): change to ${b.held.to} waits ${until}`);
    }
    return out;
}
function leaseLine(l) {
    const head = `self-fencing lease: ${l.state}`;
    switch (l.state) {
        case 'unavailable':
            return `${head} (${l.reason})`;
        case 'held':
            return `${head}, ${l.remainingMs.toFixed(0)} ms left of ${l.ttlMs} ms, ${l.renewals} renewals`;
        case 'expired':
            return `${head} ${(-l.remainingMs).toFixed(0)} ms ago (ttl ${l.ttlMs} ms, ${l.renewals} renewals)`;
        case 'revoked':
            return `${head} (not primary; ttl ${l.ttlMs} ms, ${l.renewals} renewals)`;
    }
}
function memberTable(members) {
    const index = clusterIndexes(members);
    const rows = members.map((m) => [
        String(index.get(m.serial)),
        m.serial,
        m.hostname,
        m.state,
        String(m.priority),
        enableDisable(m.override),
        formatSeconds(m.ageMs),
        `${m.monitorUp}/${m.monitorTotal}`,
        m.failover ? 'set' : 'unset',
        m.self ? 'self' : `${formatAgo(m.lastHeardAgoMs)} ago`,
        m.self ? '-' : m.links.join(',') || 'none',
    ]);
    const header = [
        'index',
        'serial',
        'hostname',
        'state',
        'priority',
        'override',
        'age',
        'monitor',
        'failover',
        'last-heard',
        'links',
    ];
    return table(header, rows, '    ');
}
const COUNTERS = [
    ['badMagic', 'bad magic'],
    ['badVersion', 'bad version'],
    ['badLength', 'bad length'],
    ['wrongGroup', 'wrong group'],
    ['badAuth', 'bad auth'],
    ['replayed', 'replayed sequence'],
    ['malformedBody', 'malformed body'],
    ['looped', 'looped'],
    ['refused', 'refused'],
];
export function renderHeartbeat(snap, settings) {
    const out = [];
    if (settings) {
        out.push(`heartbeat interval ${heartbeatIntervalMs(settings)} ms, peer lost after ${settings.hbLostThreshold} ` +
            `missed (${lostAfterMs(settings)} ms)`);
    }
    out.push('HBDEV stats:');
    if (snap.links.length === 0)
        out.push('    (no heartbeat device)');
    else {
        const rows = snap.links.map((l) => [
            l.name,
            String(l.hbPriority),
            l.up ? 'up' : 'down',
            l.carrier ? 'carrier' : 'no-carrier',
            String(l.txFrames),
            String(l.txErrors),
            String(l.rxFrames),
            String(l.rxAccepted),
            l.lastRxAgoMs === null ? 'never' : `${formatAgo(l.lastRxAgoMs)} ago`,
        ]);
        const header = ['link', 'hb-priority', 'state', 'carrier', 'tx-frames', 'tx-errors', 'rx-frames', 'accepted', 'last-rx'];
        out.push(table(header, rows, '    ').trimEnd());
    }
    out.push('validation counters:');
    const width = Math.max(...COUNTERS.map(([, label]) => label.length));
    for (const [key, label] of COUNTERS)
        out.push(`    ${label.padEnd(width)} : ${snap.rejected[key] ?? 0}`);
    out.push('refused peers:');
    if (snap.refused.length === 0)
        out.push('    none');
    for (const r of snap.refused)
        out.push(`    ${refusalLine(r)}`);
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=ha-diagnose.js.map