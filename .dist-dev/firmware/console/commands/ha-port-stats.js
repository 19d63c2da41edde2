import { formatAgo, formatUptime, table } from '../format.js';
export function renderPortStats(snap, remote) {
    const out = ['MONDEV stats:'];
    if (snap.monitor.length === 0)
        out.push('    (no monitored port)');
    else {
        const rows = snap.monitor.map((p) => [
            p.name,
            p.ifname,
            p.connected ? 'up' : 'down',
            String(p.downEvents),
            changed(p.lastChangeAgoMs),
        ]);
        out.push(table(['port', 'ifname', 'state', 'down-events', 'last-change'], rows, '    ').trimEnd());
    }
    out.push(...remoteLines(remote));
    return `${out.join('\n')}\n`;
}
function remoteLines(remote) {
    if (!remote)
        return ['PINGSVR stats:', '    (remote link monitoring is not running)'];
    const out = [`PINGSVR stats: remote link ${verdict(remote)}`];
    if (remote.reason)
        out.push(`    ${remote.reason}`);
    out.push(`    failover threshold ${remote.threshold}, failed weight ${remote.failedWeight}, ` +
        `flip timeout ${remote.flipTimeoutMin} min`);
    out.push(`    probing: ${remote.active ? 'yes (primary)' : 'no (only the primary probes)'}`);
    if (remote.monitors.length === 0) {
        out.push('    (no link monitor)');
        return out;
    }
    const header = [
        'monitor',
        'srcintf',
        'source',
        'ha-priority',
        'counted',
        'server',
        'state',
        'sent',
        'replies',
        'lost',
        'last-rtt',
        'last-change',
    ];
    out.push(table(header, remote.monitors.flatMap(monitorRows), '    ').trimEnd());
    for (const m of remote.monitors) {
        if (m.socketError)
            out.push(`    ${m.name}: cannot probe from ${m.srcintf}: ${m.socketError}`);
    }
    return out;
}
function verdict(remote) {
    if (!remote.failed)
        return 'ok';
    const left = remote.holdRemainingMs === null ? '' : `, held ${formatUptime(remote.holdRemainingMs)} more`;
    return `failed${left}`;
}
function monitorRows(m) {
    return m.servers.map((s) => [
        m.name,
        m.srcintf,
        m.source ?? 'auto',
        String(m.haPriority),
        m.counted ? 'yes' : 'no',
        s.server,
        s.state,
        String(s.sent),
        String(s.replies),
        String(s.lost),
        s.lastRttMs === null ? '-' : `${s.lastRttMs.toFixed(2)} ms`,
        changed(s.lastChangeAgoMs),
    ]);
}
function changed(agoMs) {
    return agoMs === null ? 'never' : `${formatAgo(agoMs)} ago`;
}
//# sourceMappingURL=ha-port-stats.js.map