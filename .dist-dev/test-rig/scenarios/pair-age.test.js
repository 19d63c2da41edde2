/**
 * A pair with override disabled (FortiOS default): age decides before priority, so a
 * recovered unit does not take the role back; heartbeat link cuts; split brain and healing;
 * graceful shutdown; the serial console (login first) over the rig's real pty.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstLogin } from '../console-login.testkit.js';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const LOST_AFTER_MS = 100 * 10;
// B has the higher priority. A 5 s margin: two boards booted together on a loaded machine may
// start their heartbeat workers a second or more apart, yet count as equal; once a unit has
// restarted (after the steps before, tens of seconds), age decides.
// Beacons off: these steps make a split brain by cutting the heartbeat links alone, which
// data-port beacons would prevent (beacons.test.ts); what is tested is the heal itself.
const common = { marginS: 5, lostThreshold: 10, hbIntervalMs: 100, haLines: ['set data-beacon disable'] };
const steps = [];
const step = (name, body) => steps.push([name, body]);
step('equal ages: the higher priority unit is elected', async (sr) => {
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'one primary');
    assert.equal(boardStatus(s, 'B').primary, 'B');
    assert.match(boardStatus(s, 'A').ha?.election?.reason ?? '', /highest priority/);
});
step('the serial console answers over the real pty, after a first login', async (sr) => {
    const line = await sr.rig.console('A');
    let seen = '';
    line.on('data', (c) => (seen += c.toString()));
    try {
        await firstLogin(line, line);
        await sr.until(() => /admin logged in on /.test(sr.log('A')), 'the login in the event log', 10_000);
        for (const ch of 'get system ha statuz\x7fs\r')
            line.write(ch);
        await sr.until(() => /Secondary\s+: TDM-A/.test(seen) && /TDM-A # $/.test(seen), 'console answer', 10_000);
        assert.ok(seen.includes('get system ha statuz\b \bs\r\n'), 'echo with backspace erased');
        assert.match(seen, /Primary\s+: TDM-B\s+, TDSIM00000000002/);
        line.write('get system ha nonsense\r');
        await sr.until(() => /command parse error before 'nonsense'/.test(seen), 'error line', 10_000);
    }
    finally {
        line.destroy();
    }
});
step('kill -9 of the primary: the secondary takes over', async (sr) => {
    const kill = await sr.cli(['fault', 'kill', 'B']);
    const s = await sr.until((x) => stateOf(x, 'A') === 'work', 'A takes over');
    const took = (boardStatus(s, 'A').ha?.stateSinceMs ?? 0) - kill.atMs;
    assert.ok(took > 0 && took < LOST_AFTER_MS + 2000, `takeover ${took.toFixed(0)} ms after the kill`);
    assert.match(sr.log('A'), /peer TDSIM00000000002 lost: no heartbeat on any link/);
});
step('override disabled: the restarted higher-priority unit stays secondary (age wins)', async (sr) => {
    await sr.cli(['fault', 'restart', 'B']);
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'pair formed again', 30_000);
    assert.equal(boardStatus(s, 'B').primary, 'A');
    assert.match(boardStatus(s, 'B').ha?.election?.reason ?? '', /largest value of uptime/);
});
step('one of two heartbeat links cut: no failover', async (sr) => {
    const before = await sr.rig.status();
    const since = boardStatus(before, 'B').ha?.stateSinceMs;
    await sr.cli(['fault', 'cut', 'ha1']);
    // Wait until B has noticed the cut (A is now heard on ha2 only), then past the lost threshold.
    await sr.until((x) => {
        const a = boardStatus(x, 'B').ha?.members.find((m) => m.serial === 'TDSIM00000000001');
        return a?.links.join() === 'ha2';
    }, 'A heard on ha2 only');
    const t0 = (await sr.rig.status()).nowMs;
    const s = await sr.until((x) => x.nowMs - t0 > 3 * LOST_AFTER_MS, 'three lost-thresholds later', 30_000);
    assert.equal(stateOf(s, 'A'), 'work');
    assert.equal(stateOf(s, 'B'), 'standby');
    assert.equal(boardStatus(s, 'B').ha?.stateSinceMs, since, 'B never changed state');
});
step('every heartbeat link cut: both act as primary (split brain)', async (sr) => {
    await sr.cli(['fault', 'cut', 'ha2']);
    const s = await sr.until((x) => stateOf(x, 'A') === 'work' && stateOf(x, 'B') === 'work', 'both primary');
    assert.equal(boardStatus(s, 'B').ha?.alone, true);
});
step('links restored: exactly one primary again', async (sr) => {
    await sr.cli(['fault', 'restore', 'ha1']);
    await sr.cli(['fault', 'restore', 'ha2']);
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'healed to one primary');
    assert.equal(boardStatus(s, 'A').ha?.alone, false);
});
step('SIGTERM of the primary: the peer takes over well before the lost threshold', async (sr) => {
    const s0 = await sr.rig.status();
    const primary = stateOf(s0, 'A') === 'work' ? 'A' : 'B';
    const other = primary === 'A' ? 'B' : 'A';
    const term = await sr.cli(['fault', 'term', primary]);
    const s = await sr.until((x) => stateOf(x, other) === 'work', `${other} takes over`);
    const took = (boardStatus(s, other).ha?.stateSinceMs ?? 0) - term.atMs;
    assert.ok(took < LOST_AFTER_MS / 2, `takeover ${took.toFixed(0)} ms after SIGTERM (threshold ${LOST_AFTER_MS} ms)`);
    assert.match(sr.log(other), /left the cluster \(graceful shutdown\)/);
});
test('a pair with override disabled', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 128 }), rigConfig(1, { ...common, priority: 200 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    for (const [name, body] of steps)
        await t.test(name, () => body(sr));
});
//# sourceMappingURL=pair-age.test.js.map