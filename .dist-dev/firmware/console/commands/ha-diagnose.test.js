import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aloneSnapshot, haSettings, helloSnapshot, pairSnapshot, refusedSnapshot } from '../views.fixture.js';
import { renderHaDiagnose, renderHeartbeat } from './ha-diagnose.js';
test('diagnose sys ha status: own state, election, every member, scheduling', () => {
    const out = renderHaDiagnose(pairSnapshot());
    assert.ok(out.startsWith('HA information\nstate: work (primary) since 2026-11-21 15:04:05 (0 days 0:01:23 ago)\n'), out);
    assert.ok(out.includes('election: primary TDSIM00000000001 since 2026-11-21 15:04:05\n'));
    assert.ok(out.includes('    TDSIM00000000001 is selected as the primary because it has the highest priority.\n'));
    assert.ok(out.includes('\nalone: no\nsplit-brain: no\n'));
    assert.ok(out.includes('is_manage_primary=1'));
    const rows = out.split('\n').filter((l) => /^ {4}\d/.test(l));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^ {4}1 +TDSIM00000000001 +TDM-A +work +200 +disable +83\.4s +2\/2 +unset +self +-$/);
    assert.match(rows[1], /^ {4}0 +TDSIM00000000002 +TDM-B +standby +128 +disable +80\.1s +2\/2 +unset +95 ms ago +ha1,ha2$/);
    assert.ok(out.includes('refused peers:\n    none\n'));
    assert.ok(out.includes('scheduling: SCHED_FIFO\nlate ticks: 3 (max 12.4 ms late)\n'));
    assert.ok(out.includes('tick jitter: p50 0.02 ms, p99 0.31 ms, max 1.70 ms over 420 ticks\n'));
});
test('diagnose sys ha status: alone as primary flags a possible split brain; no SCHED_FIFO is said', () => {
    const snap = aloneSnapshot();
    snap.schedFifo = false;
    const out = renderHaDiagnose(snap);
    assert.ok(out.includes('alone: yes (every peer lost)\n'));
    assert.ok(out.includes('split-brain: possible'));
    assert.ok(out.includes('scheduling: SCHED_OTHER (not real-time)\n'));
});
test('diagnose sys ha status: hello has no election yet; failover and silent links are shown', () => {
    const snap = helloSnapshot();
    snap.members[0].failover = true;
    const out = renderHaDiagnose(snap);
    assert.ok(out.includes('state: hello (hello)'));
    assert.ok(out.includes('election: none yet\n'));
    assert.ok(out.includes('is_manage_primary=0'));
    assert.match(out, / set +self/);
});
test('diagnose sys ha status: refused peers listed', () => {
    const out = renderHaDiagnose(refusedSnapshot());
    assert.ok(out.includes('refused peers:\n    TDSIM00000000009 on ha1: group-id 8 differs from ours (7); 12 times, last 400 ms ago\n'));
});
test('diagnose sys ha heartbeat: timers, per-link counters, named validation counters', () => {
    const out = renderHeartbeat(refusedSnapshot(), haSettings());
    const lines = out.split('\n');
    assert.equal(lines[0], 'heartbeat interval 200 ms, peer lost after 6 missed (1200 ms)');
    assert.equal(lines[1], 'HBDEV stats:');
    assert.match(lines[2], /^ {4}link +hb-priority +state +carrier +tx-frames +tx-errors +rx-frames +accepted +last-rx$/);
    assert.match(lines[3], /^ {4}ha1 +50 +up +carrier +1240 +0 +1234 +1230 +95 ms ago$/);
    assert.match(lines[4], /^ {4}ha2 +50 +up +carrier +1239 +0 +1233 +1229 +96 ms ago$/);
    assert.deepEqual(lines.slice(5, 15), [
        'validation counters:',
        '    bad magic         : 0',
        '    bad version       : 0',
        '    bad length        : 0',
        '    wrong group       : 12',
        '    bad auth          : 0',
        '    replayed sequence : 0',
        '    malformed body    : 0',
        '    looped            : 0',
        '    refused           : 12',
    ]);
    assert.equal(lines[15], 'refused peers:');
    assert.match(lines[16], /TDSIM00000000009 on ha1: group-id 8/);
});
test('diagnose sys ha heartbeat: a link never heard and a down link; settings unavailable', () => {
    const snap = aloneSnapshot();
    snap.links.push({ ...snap.links[0], name: 'ha3', lastRxAgoMs: null, up: true, carrier: true });
    const out = renderHeartbeat(snap, null);
    assert.ok(out.startsWith('HBDEV stats:\n'));
    assert.match(out, /ha1 +50 +down +no-carrier .* 3\.4 s ago\n/);
    assert.match(out, /ha3 +50 +up +carrier .* never\n/);
});
test('diagnose sys ha status: the self-fencing lease in each of its states', () => {
    const snap = pairSnapshot();
    assert.ok(renderHaDiagnose(snap).includes('self-fencing lease: held, 431 ms left of 500 ms, 8210 renewals\ndata-port beacons:'));
    snap.lease = { state: 'expired', ttlMs: 500, remainingMs: -1200, renewals: 8210, reason: '' };
    assert.ok(renderHaDiagnose(snap).includes('self-fencing lease: expired 1200 ms ago (ttl 500 ms, 8210 renewals)\n'));
    snap.lease = { state: 'revoked', ttlMs: 500, remainingMs: -1, renewals: 0, reason: '' };
    assert.ok(renderHaDiagnose(snap).includes('self-fencing lease: revoked (not primary; ttl 500 ms, 0 renewals)\n'));
    snap.lease = { state: 'unavailable', ttlMs: 500, remainingMs: 0, renewals: 0, reason: 'fence: attach failed (errno 22)' };
    assert.ok(renderHaDiagnose(snap).includes('self-fencing lease: unavailable (fence: attach failed (errno 22))\n'));
    snap.lease = null;
    assert.doesNotMatch(renderHaDiagnose(snap), /self-fencing/);
});
test('diagnose sys ha status: data-port beacons, a rival seen on them, a held failover', () => {
    const snap = pairSnapshot();
    assert.match(renderHaDiagnose(snap), /^data-port beacons: port1 \(sent 1200, heard 0\)$/m);
    snap.beacons = {
        ports: [{ name: 'port1', carrier: false, txFrames: 3, rxAccepted: 9 }],
        rivals: [{ serial: 'TDSIM00000000002', port: 'port1', agoMs: 120 }],
        held: { to: 'standby', untilMs: snap.nowMs + 42_000 },
    };
    const out = renderHaDiagnose(snap);
    assert.match(out, /^data-port beacons: port1 \(no carrier, sent 3, heard 9\)$/m);
    assert.match(out, /^ {4}TDSIM00000000002 is primary, seen on port1 120 ms ago without heartbeats$/m);
    assert.match(out, /^failover held \(failover-hold-time\): change to standby waits 42\.0 s more$/m);
    snap.beacons = { ports: [], rivals: [], held: { to: 'work', untilMs: Number.POSITIVE_INFINITY } };
    assert.match(renderHaDiagnose(snap), /^data-port beacons: off\nfailover held \(failover-hold-time\): change to work waits until the primary hands over$/m);
});
//# sourceMappingURL=ha-diagnose.test.js.map