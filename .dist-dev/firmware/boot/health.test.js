/** When an image on trial counts as healthy: the snapshots are the console's (views.fixture.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aloneSnapshot, helloSnapshot, member, pairSnapshot, refusedSnapshot, standaloneSnapshot, } from '../console/views.fixture.js';
import { unhealthyBecause } from './health.js';
const LOST_AFTER_MS = 1200;
const inSync = { serial: 'TDSIM00000000001', self: true, state: 'in-sync', updatedAgoMs: 0 };
function inputs(ha, overrides = {}) {
    return { ha, configSync: inSync, sessionsReady: true, lostAfterMs: LOST_AFTER_MS, ...overrides };
}
test('joined, configuration and sessions in sync: healthy', () => {
    assert.equal(unhealthyBecause(inputs(pairSnapshot())), null);
    const secondary = pairSnapshot();
    secondary.members = [member({ state: 'standby' }), member({ serial: 'TDSIM00000000002', self: false })];
    assert.equal(unhealthyBecause(inputs(secondary)), null, 'as the secondary, beside a working primary');
});
test('standalone: healthy once it runs, whatever the rest says', () => {
    const quiet = { configSync: undefined, sessionsReady: false };
    assert.equal(unhealthyBecause(inputs(standaloneSnapshot(), quiet)), null);
    const leftovers = { ...standaloneSnapshot(), state: 'standby', refused: refusedSnapshot().refused };
    assert.equal(unhealthyBecause(inputs(leftovers, quiet)), null, 'what HA last heard does not count once it is off');
});
test('still in hello', () => {
    assert.equal(unhealthyBecause(inputs(helloSnapshot())), 'HA still in hello');
});
test('a refused unit heard within the lost threshold keeps it unhealthy; one gone quiet no longer counts', () => {
    const snap = refusedSnapshot();
    const lastAgoMs = snap.refused[0]?.lastAgoMs;
    const refusing = 'refusing TDSIM00000000009 (group-id 8 differs from ours (7))';
    assert.equal(unhealthyBecause(inputs(snap)), refusing);
    assert.equal(unhealthyBecause(inputs(snap, { lostAfterMs: lastAgoMs })), refusing, 'heard exactly at the threshold');
    assert.equal(unhealthyBecause(inputs(snap, { lostAfterMs: lastAgoMs - 1 })), null, 'heard before the threshold');
    snap.refused = [
        ...snap.refused,
        { serial: 'TDSIM00000000008', link: 'ha2', reason: 'major version 2 differs from ours (1)', count: 3, lastAgoMs: 10 },
    ];
    assert.equal(unhealthyBecause(inputs(snap)), `${refusing}, TDSIM00000000008 (major version 2 differs from ours (1))`);
});
test('alone: healthy working as the primary, not standing by', () => {
    assert.equal(unhealthyBecause(inputs(aloneSnapshot(), { configSync: undefined, sessionsReady: false })), null);
    const standby = aloneSnapshot();
    standby.state = 'standby';
    standby.members = [member({ serial: 'TDSIM00000000002', state: 'standby' })];
    assert.equal(unhealthyBecause(inputs(standby)), 'no peer, and not working as the primary');
});
test('peers, but none works as the primary', () => {
    const snap = pairSnapshot();
    snap.state = 'standby';
    snap.members = snap.members.map((m) => ({ ...m, state: 'standby' }));
    assert.equal(unhealthyBecause(inputs(snap)), 'no unit of the cluster works as the primary');
});
test('configuration not in sync: config sync missing, unknown, syncing, out of sync', () => {
    const snap = pairSnapshot();
    assert.equal(unhealthyBecause(inputs(snap, { configSync: undefined })), 'config sync is not running');
    assert.equal(unhealthyBecause(inputs(snap, { configSync: { ...inSync, state: 'unknown', reason: 'no hello yet' } })), 'configuration unknown (no hello yet)');
    assert.equal(unhealthyBecause(inputs(snap, { configSync: { ...inSync, state: 'syncing' } })), 'configuration syncing');
    assert.equal(unhealthyBecause(inputs(snap, { configSync: { ...inSync, state: 'out-of-sync', reason: 'global sums differ from the primary' } })), 'configuration out-of-sync (global sums differ from the primary)');
});
test('sessions not ready, all else well', () => {
    assert.equal(unhealthyBecause(inputs(pairSnapshot(), { sessionsReady: false })), 'session table not yet in sync');
});
test('the first reason wins: hello before a refusal, a refusal before config sync', () => {
    const hello = { ...refusedSnapshot(), state: 'hello' };
    assert.equal(unhealthyBecause(inputs(hello, { configSync: undefined })), 'HA still in hello');
    assert.match(unhealthyBecause(inputs(refusedSnapshot(), { configSync: undefined, sessionsReady: false })) ?? '', /^refusing /);
});
//# sourceMappingURL=health.test.js.map