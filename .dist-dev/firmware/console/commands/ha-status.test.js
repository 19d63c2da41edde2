import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aloneSnapshot, haSettings, helloSnapshot, member, pairSnapshot, refusedSnapshot, standaloneSnapshot, } from '../views.fixture.js';
import { renderHaStatus } from './ha-status.js';
const lines = (text) => text.split('\n');
test('a formed pair: FortiOS header, election, hbdevs, member list, vcluster', () => {
    const out = renderHaStatus(pairSnapshot(), haSettings());
    assert.ok(out.endsWith('\n'));
    assert.deepEqual(lines(out).slice(0, 13), [
        'HA Health Status: OK',
        'Model: TANDEM-SIM',
        'Mode: HA A-P',
        'Group Name: tandem-rig',
        'Group ID: 7',
        'Debug: 0',
        'Cluster Uptime: 0 days 0:01:23',
        'Cluster state change time: 2026-11-21 15:04:05',
        'Primary selected using:',
        '    <2026/11/21 15:04:05> TDSIM00000000001 is selected as the primary because it has the highest priority.',
        'ses_pickup: disable, ses_pickup_delay=disable',
        'override: disable',
        'HBDEV stats:',
    ]);
    assert.ok(out.includes('    ha1: up, carrier, rx-packets=1234 tx-packets=1240 tx-errors=0, last heard 95 ms ago\n'));
    assert.ok(out.includes('    ha2: up, carrier, rx-packets=1233 tx-packets=1239 tx-errors=0, last heard 96 ms ago\n'));
    // Cluster index follows serials (highest = 0); the operating index follows roles.
    assert.ok(out.endsWith('Primary     : TDM-A           , TDSIM00000000001, HA cluster index = 1\n' +
        'Secondary   : TDM-B           , TDSIM00000000002, HA cluster index = 0\n' +
        'number of vcluster: 1\n' +
        'vcluster 1: work 169.254.0.2\n' +
        'Primary: TDSIM00000000001, HA operating index = 0\n' +
        'Secondary: TDSIM00000000002, HA operating index = 1\n'), out);
    assert.ok(!out.includes('hello'));
});
test('seen from the secondary, the primary is still listed first', () => {
    const snap = pairSnapshot();
    snap.state = 'standby';
    snap.serial = 'TDSIM00000000002';
    snap.members = [
        member({ serial: 'TDSIM00000000002', hostname: 'TDM-B', state: 'standby' }),
        member({ serial: 'TDSIM00000000001', hostname: 'TDM-A', state: 'work', self: false, lastHeardAgoMs: 80 }),
    ];
    const out = renderHaStatus(snap, null);
    const roles = lines(out).filter((l) => /^(Primary|Secondary) +:/.test(l));
    assert.deepEqual(roles, [
        'Primary     : TDM-A           , TDSIM00000000001, HA cluster index = 1',
        'Secondary   : TDM-B           , TDSIM00000000002, HA cluster index = 0',
    ]);
    assert.ok(out.includes('vcluster 1: standby 169.254.0.1\n'));
});
test('hello: says it is negotiating and that nobody is elected yet', () => {
    const out = renderHaStatus(helloSnapshot(), null);
    assert.ok(out.includes('\nstate: hello (negotiating)\n'));
    assert.ok(out.includes('Primary selected using:\n    <none yet>\n'));
    assert.ok(out.includes('ha1: up, carrier, rx-packets=0 tx-packets=1240 tx-errors=0, never heard\n'));
    assert.ok(out.includes('vcluster 1: hello 169.254.0.1\n'));
    assert.ok(!/^Primary +:/m.test(out));
});
test('alone: a warning in the health line, link down shown', () => {
    const out = renderHaStatus(aloneSnapshot(), null);
    assert.ok(out.startsWith('HA Health Status: WARNING: running alone\n'));
    assert.ok(out.includes('    ha1: down, no-carrier,'));
    assert.ok(out.includes('Primary     : TDM-B           , TDSIM00000000002, HA cluster index = 0\n'));
    assert.ok(!out.includes('Secondary'));
});
test('refused peers: an error in the health line, each peer with its reason', () => {
    const out = renderHaStatus(refusedSnapshot(), null);
    assert.deepEqual(lines(out).slice(0, 3), [
        'HA Health Status: ERROR: 1 refused peer(s)',
        '    refused TDSIM00000000009 on ha1: group-id 8 differs from ours (7); 12 times, last 400 ms ago',
        'Model: TANDEM-SIM',
    ]);
    const two = refusedSnapshot();
    two.alone = true;
    two.refused.push({ serial: 'TDSIM00000000009', link: 'ha2', reason: 'group-id 8 differs from ours (7)', count: 1, lastAgoMs: 30 }, { serial: 'TDSIM00000000010', link: 'ha1', reason: 'model FGT-X differs from ours', count: 3, lastAgoMs: 1500 });
    const out2 = renderHaStatus(two, null);
    assert.ok(out2.startsWith('HA Health Status: ERROR: 2 refused peer(s)\n'), 'distinct serials, error before warning');
    assert.ok(out2.includes('TDSIM00000000009 on ha2: group-id 8 differs from ours (7); 1 time, last 30 ms ago'));
    assert.ok(out2.includes('TDSIM00000000010 on ha1: model FGT-X differs from ours; 3 times, last 1.5 s ago'));
});
test('standalone: health and mode only, nothing cluster-related', () => {
    assert.equal(renderHaStatus(standaloneSnapshot(), null), 'HA Health Status: OK\nMode: standalone\n');
    const disabled = pairSnapshot();
    disabled.enabled = false;
    assert.equal(renderHaStatus(disabled, null), 'HA Health Status: OK\nMode: standalone\n');
});
test('override: from the unit itself, or from the configuration before it is listed', () => {
    const snap = pairSnapshot();
    snap.members[0].override = true;
    assert.ok(renderHaStatus(snap, haSettings()).includes('\noverride: enable\n'));
    const empty = pairSnapshot();
    empty.members = [];
    assert.ok(renderHaStatus(empty, haSettings({ override: true })).includes('\noverride: enable\n'));
    assert.ok(renderHaStatus(empty, haSettings()).includes('\nCluster Uptime: 0 days 0:00:00\n'));
});
test('a-a mode and a unit without heartbeat devices', () => {
    const snap = pairSnapshot();
    snap.mode = 'a-a';
    snap.links = [];
    const out = renderHaStatus(snap, null);
    assert.ok(out.includes('\nMode: HA A-A\n'));
    assert.ok(out.includes('HBDEV stats:\n    (no heartbeat device)\n'));
});
test('ses_pickup: session-pickup and session-pickup-delay from the configuration, defaults when it cannot be read', () => {
    const off = { tcp: false, connectionless: false, expectation: false, nat: false, delay: false };
    const line = (out) => lines(out).find((l) => l.startsWith('ses_pickup'));
    const cases = [
        [null, 'ses_pickup: disable, ses_pickup_delay=disable'],
        [haSettings({ sessionPickup: { ...off, tcp: true } }), 'ses_pickup: enable, ses_pickup_delay=disable'],
        [haSettings({ sessionPickup: { ...off, tcp: true, delay: true } }), 'ses_pickup: enable, ses_pickup_delay=enable'],
        // The other options widen what is synced; FortiOS's line does not show them.
        [
            haSettings({ sessionPickup: { tcp: true, connectionless: true, expectation: true, nat: true, delay: false } }),
            'ses_pickup: enable, ses_pickup_delay=disable',
        ],
    ];
    for (const [configured, expected] of cases)
        assert.equal(line(renderHaStatus(pairSnapshot(), configured)), expected);
    assert.ok(renderHaStatus(pairSnapshot(), null).includes(`\nses_pickup: disable, ses_pickup_delay=disable\noverride: disable\n`));
    assert.ok(!renderHaStatus(standaloneSnapshot(), haSettings({ sessionPickup: { ...off, tcp: true } })).includes('ses_pickup'));
});
//# sourceMappingURL=ha-status.test.js.map