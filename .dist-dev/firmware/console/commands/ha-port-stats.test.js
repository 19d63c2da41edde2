import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkMonitorView, monitoredPorts, pairSnapshot, pingServer, remoteLinkView } from '../views.fixture.js';
import { renderPortStats } from './ha-port-stats.js';
const snap = () => ({ ...pairSnapshot(), monitor: monitoredPorts() });
test('port-stats: monitored ports, then every ping server of every link monitor', () => {
    assert.equal(renderPortStats(snap(), remoteLinkView()), [
        'MONDEV stats:',
        '    port   ifname    state  down-events  last-change',
        '    port1  tdm-a-p1  up     0            never',
        '    port2  tdm-a-p2  down   2            3.4 s ago',
        'PINGSVR stats: remote link ok',
        '    failover threshold 5, failed weight 0, flip timeout 60 min',
        '    probing: yes (primary)',
        '    monitor    srcintf  source      ha-priority  counted  server        state  sent  replies  lost  last-rtt  last-change',
        '    wan-check  port2    198.18.2.1  5            yes      198.18.2.254  alive  1240  1239     1     0.42 ms   never',
        '    wan-check  port2    198.18.2.1  5            yes      198.18.2.253  alive  1240  1240     0     0.38 ms   never',
        '    lan-check  port1    auto        1            no       198.18.1.254  dead   1240  0        1240  -         12.5 s ago',
        '',
    ].join('\n'));
});
test('port-stats: a failed verdict says why and how long it is held; a secondary says it does not probe', () => {
    const out = renderPortStats(snap(), remoteLinkView({
        active: false,
        failed: true,
        holdRemainingMs: 3_552_000,
        failedWeight: 5,
        reason: 'link-monitor wan-check (port2) lost every server: failed weight 5 >= pingserver-failover-threshold 5',
        monitors: [
            linkMonitorView({ failed: true, probing: false, servers: [pingServer({ state: 'dead', lastChangeAgoMs: 48_000 })] }),
        ],
    }));
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(4, 8), [
        'PINGSVR stats: remote link failed, held 0 days 0:59:12 more',
        '    link-monitor wan-check (port2) lost every server: failed weight 5 >= pingserver-failover-threshold 5',
        '    failover threshold 5, failed weight 5, flip timeout 60 min',
        '    probing: no (only the primary probes)',
    ]);
    assert.match(lines[9], /^ {4}wan-check +port2 +198\.18\.2\.1 +5 +yes +198\.18\.2\.254 +dead +1240 +1239 +1 +0\.42 ms +48\.0 s ago$/);
});
test('port-stats: a monitor that cannot open its socket says why', () => {
    const error = 'icmp eth9: openPinger: SO_BINDTODEVICE eth9 failed (errno 19, ENODEV (No such device))';
    const out = renderPortStats(snap(), remoteLinkView({ monitors: [linkMonitorView({ socketError: error })] }));
    assert.ok(out.endsWith(`    wan-check: cannot probe from port2: ${error}\n`), out);
});
test('port-stats: nothing monitored, no link monitor, no remote link monitoring at all', () => {
    const bare = { ...pairSnapshot(), monitor: [] };
    assert.ok(renderPortStats(bare, remoteLinkView()).startsWith('MONDEV stats:\n    (no monitored port)\nPINGSVR stats:'));
    assert.ok(renderPortStats(bare, remoteLinkView({ monitors: [] })).endsWith('    probing: yes (primary)\n    (no link monitor)\n'));
    assert.equal(renderPortStats(bare, null), 'MONDEV stats:\n    (no monitored port)\nPINGSVR stats:\n    (remote link monitoring is not running)\n');
});
//# sourceMappingURL=ha-port-stats.test.js.map