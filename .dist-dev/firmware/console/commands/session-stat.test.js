import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTO, TCP_STATE } from '../../../hal/conntrack/index.js';
import { primarySyncStatus, readySecondaryStatus, secondarySyncStatus } from '../sync-status.fixture.js';
import { renderSessionStat } from './session-stat.js';
function tally(overrides = {}) {
    return {
        walked: 152,
        byProto: new Map([
            [PROTO.TCP, 123],
            [PROTO.UDP, 27],
            [PROTO.ICMP, 1],
            [47, 1],
        ]),
        tcpStates: new Map([
            [TCP_STATE.TIME_WAIT, 2],
            [TCP_STATE.ESTABLISHED, 118],
            [TCP_STATE.SYN_SENT, 3],
        ]),
        synced: 0,
        expectations: 1,
        ...overrides,
    };
}
test('FortiOS lines first: session_count from the kernel counter, exp_count, TCP sessions by state', () => {
    const lines = renderSessionStat(153, tally(), null).split('\n');
    assert.deepEqual(lines.slice(0, 5), [
        'misc info: session_count=153 exp_count=1',
        'TCP sessions:',
        '    3 in SYN_SENT state',
        '    118 in ESTABLISHED state',
        '    2 in TIME_WAIT state',
    ]);
});
test("Tandem's lines are labelled: by protocol, synced entries, sync off", () => {
    const out = renderSessionStat(153, tally(), null);
    assert.ok(out.endsWith('sessions by protocol (Tandem): tcp=123 udp=27 icmp=1 proto-47=1 (152 listed by the dump)\n' +
        'synced from the primary (Tandem, conntrack mark bit 31): 0\n' +
        'session sync (Tandem): off\n'), out);
    const empty = renderSessionStat(0, tally({ walked: 0, byProto: new Map(), tcpStates: new Map(), expectations: 0 }), null);
    assert.ok(empty.startsWith('misc info: session_count=0 exp_count=0\nTCP sessions:\nsessions by protocol (Tandem): tcp=0 udp=0 icmp=0 (0 listed'));
});
test('as primary: what was synced, deleted, skipped by reason, held by the delay, resyncs, link frames, rejected frames', () => {
    const out = renderSessionStat(28500, tally(), primarySyncStatus());
    const from = out.indexOf('session sync (Tandem)');
    assert.deepEqual(out.slice(from).split('\n'), [
        'session sync (Tandem): primary, ports in use: port3',
        '    primary: events=5000 synced=4800 deleted=150 resyncs=1 event-overruns=0',
        '    expectations: synced=3 deleted=2',
        '    skipped by pickup policy: local=40 connectionless=10',
        '    session-pickup-delay: held=12 released=300 ended-young=4500 released-early=0',
        '    link: tx-frames=1212 tx-failed=0 rx-frames=600',
        '    rejected frames: bad-auth=2',
        '',
    ]);
});
test("as secondary: the secondary's counters, what it applied and what the kernel refused, by errno", () => {
    const out = renderSessionStat(12040, tally({ synced: 12000 }), secondarySyncStatus());
    assert.match(out, /^synced from the primary \(Tandem, conntrack mark bit 31\): 12000$/m);
    const from = out.indexOf('session sync (Tandem)');
    assert.deepEqual(out.slice(from).split('\n'), [
        'session sync (Tandem): secondary, ports in use: port3',
        '    secondary: not-from-primary=0 bad-records=0 unknown-records=0 reconciled=0 stale-deleted=0',
        '    applied: created=12000 replaced=3 updated=120 deleted=150 absent=2',
        '    applied expectations: created=3 deleted=1 without-master=1',
        '    refused by the kernel: EEXIST=1 errno-71=2',
        '    link: tx-frames=600 tx-failed=0 rx-frames=1212',
        '    rejected frames: none',
        '',
    ]);
    const ready = renderSessionStat(28510, tally(), readySecondaryStatus());
    assert.match(ready, /^ {4}secondary: not-from-primary=0 bad-records=0 unknown-records=0 reconciled=1 stale-deleted=4$/m);
});
test('idle (no peer), no ports up, nothing skipped', () => {
    const status = primarySyncStatus();
    status.role = 'idle';
    status.portsInUse = [];
    status.primary = null;
    const out = renderSessionStat(5, tally(), status);
    assert.ok(out.includes('session sync (Tandem): idle, ports in use: none\n    link: '), out);
    const quiet = primarySyncStatus();
    quiet.primary.counters.skipped = {};
    assert.match(renderSessionStat(5, tally(), quiet), /^ {4}skipped by pickup policy: none$/m);
});
//# sourceMappingURL=session-stat.test.js.map