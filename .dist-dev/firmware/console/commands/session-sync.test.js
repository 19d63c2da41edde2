import assert from 'node:assert/strict';
import { test } from 'node:test';
import { primarySyncStatus, readySecondaryStatus, secondarySyncStatus, senderStatus } from '../sync-status.fixture.js';
import { haSettings, pairSnapshot } from '../views.fixture.js';
import { renderHaDiagnose } from './ha-diagnose.js';
import { renderHaStatus } from './ha-status.js';
/** From the session sync section to the end. */
const section = (out) => out.slice(out.indexOf('session sync:')).split('\n');
test('diagnose sys ha status as primary: the delay, per secondary the stream and the resync while it runs', () => {
    assert.deepEqual(section(renderHaDiagnose(pairSnapshot(), primarySyncStatus())), [
        'session sync: primary, ports in use: port3',
        '    session-pickup-delay: 12 sessions younger than 30 s held; 300 sent at 30 s, 4500 ended younger (never sent), 0 sent early (too many held)',
        '    secondary TDSIM00000000002: epoch 4294967297, streaming',
        '        in flight 3, lag 2.4 ms, srtt 0.4 ms, rto 200 ms, backlog 0',
        '        sent 1200, acked 1197, retransmits 12 (fast 3, spurious 1), give-ups 0',
        '        resync: running, 42.1% (12000 of 28500 sessions), 85000/s, 171 ms left',
        '',
    ]);
});
test('diagnose sys ha status as primary: a stream that needs a resync says why; no resync line once done', () => {
    const status = primarySyncStatus();
    const primary = status.primary;
    primary.counters.delay = { held: 0, released: 0, endedYoung: 0, releasedEarly: 0 }; // no line: the delay never held a session
    const feed = primary.feeds[0];
    feed.stream = senderStatus({ state: 'needs-resync', reason: 'gave up on seq 17 after 8 retransmissions', giveUps: 1 });
    feed.resync = null;
    feed.backlog = 12;
    const lines = section(renderHaDiagnose(pairSnapshot(), status));
    assert.equal(lines[1], '    secondary TDSIM00000000002: epoch 4294967297, needs resync (gave up on seq 17 after 8 retransmissions)');
    assert.match(lines[2], /, backlog 12$/);
    assert.match(lines[3], /, give-ups 1$/);
    assert.equal(lines[4], '');
    primary.feeds = [];
    assert.deepEqual(section(renderHaDiagnose(pairSnapshot(), status)).slice(1), ['    no secondary to feed', '']);
});
test('diagnose sys ha status as secondary: the primary followed, gaps, reconcile progress, ready', () => {
    assert.deepEqual(section(renderHaDiagnose(pairSnapshot(), secondarySyncStatus())), [
        'session sync: secondary, ports in use: port3',
        '    primary followed: TDSIM00000000001, epoch 4294967297, streaming, next seq 1200',
        '        delivered 1200, duplicates 3, gaps seen 2, repaired 2, out of order 5, held 0',
        '        reconcile: receiving, 42.1% (12000 of 28500 sessions), 85000/s, time left unknown, 0 stale so far',
        '    ready: no',
        '',
    ]);
    const ready = section(renderHaDiagnose(pairSnapshot(), readySecondaryStatus()));
    assert.equal(ready[3], '        reconcile: complete, 28510 sessions received, 4 stale removed');
    assert.equal(ready[4], '    ready: yes');
});
test('diagnose sys ha status as secondary: waiting, removing stale sessions, a lost stream', () => {
    const status = secondarySyncStatus();
    const view = status.secondary.view;
    view.reconcile = { ...view.reconcile, state: 'waiting' };
    assert.equal(section(renderHaDiagnose(pairSnapshot(), status))[3], '        reconcile: waiting for the primary to begin a resync');
    view.reconcile = { ...view.reconcile, state: 'reconciling', percent: 99.9, timeLeftMs: 1500, stale: 7 };
    assert.equal(section(renderHaDiagnose(pairSnapshot(), status))[3], '        reconcile: removing stale sessions, 99.9% (12000 of 28500 sessions), 85000/s, 1.5 s left, 7 stale so far');
    view.stream = { ...view.stream, state: 'needs-resync', reason: 'batch 90 beyond the window' };
    view.primary = null;
    assert.equal(section(renderHaDiagnose(pairSnapshot(), status))[1], '    primary followed: none, epoch 4294967297, needs resync (batch 90 beyond the window), next seq 1200');
});
test('diagnose sys ha status without session sync: no section, the rest unchanged', () => {
    const plain = renderHaDiagnose(pairSnapshot());
    assert.doesNotMatch(plain, /session sync/);
    assert.equal(renderHaDiagnose(pairSnapshot(), null), plain);
    assert.ok(renderHaDiagnose(pairSnapshot(), primarySyncStatus()).startsWith(plain));
});
test("get system ha status: this secondary's readiness after ses_pickup; nothing as primary or with sync off", () => {
    const settings = haSettings();
    const after = (out) => out.split('\n')[out.split('\n').findIndex((l) => l.startsWith('ses_pickup')) + 1];
    assert.equal(after(renderHaStatus(pairSnapshot(), settings, secondarySyncStatus())), 'Session sync: syncing (42%)');
    assert.equal(after(renderHaStatus(pairSnapshot(), settings, readySecondaryStatus())), 'Session sync: ready');
    assert.equal(after(renderHaStatus(pairSnapshot(), settings, primarySyncStatus())), 'override: disable');
    assert.equal(renderHaStatus(pairSnapshot(), settings, null), renderHaStatus(pairSnapshot(), settings));
    assert.doesNotMatch(renderHaStatus(pairSnapshot(), settings), /Session sync/);
});
//# sourceMappingURL=session-sync.test.js.map