/**
 * The hardware watchdog (issue 7): the sim board's watchdog is a FIFO the rig reads, and a board
 * that stops kicking it for its timeout (10 s) is power-cycled by the rig, as the hardware would.
 * The firmware kicks only while its main thread and its heartbeat worker both run, and the boot
 * after a reset says why the last run ended (`get system status`, event log).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';
/** Board data of the sim board: a 10 s watchdog, the main thread judged after 3 s. */
const TIMEOUT_MS = 10_000;
const MAIN_LAG_MS = 3000;
/** Time to notice, the last kick's age, the reset and the boot, on a busy machine. */
const RESET_WITHIN_MS = TIMEOUT_MS + MAIN_LAG_MS + 15_000;
const resetsOf = (s, b) => boardStatus(s, b).watchdogResets;
const pair = (s) => onePrimary(s, ['A', 'B']);
async function lastReboot(sr, b) {
    const out = await sr.rig.exec(b, 'get system status');
    return /^Last reboot reason: (.*)$/m.exec(out)?.[1] ?? `(no reason in ${JSON.stringify(out)})`;
}
async function resetAndRejoin(sr, b, before, what) {
    await sr.until((s) => resetsOf(s, b) === before + 1, `${what}: the watchdog resets ${b}`, RESET_WITHIN_MS);
    await sr.until(pair, `${what}: ${b} boots and rejoins`, 60_000);
}
test('watchdog: a hung board is reset, rejoins, and says why', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { priority: 200 }), rigConfig(1, { priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await t.test('a fresh board has no earlier run, and a healthy pair is never reset', async () => {
        await sr.until((s) => pair(s) && stateOf(s, 'A') === 'work', 'A primary');
        assert.match(await lastReboot(sr, 'A'), /^no record of an earlier run/);
        assert.equal(resetsOf(await sr.rig.status(), 'A'), 0);
    });
    await t.test('frozen past the timeout: B takes over, the watchdog resets A, A boots and rejoins', async () => {
        const mark = sr.mark('A');
        const frozen = await sr.rig.fault('freeze', 'A');
        await sr.until((s) => stateOf(s, 'B') === 'work', 'B takes over');
        const status = await sr.rig.status();
        assert.equal(resetsOf(status, 'A'), 0, 'not reset before its timeout');
        await resetAndRejoin(sr, 'A', 0, 'frozen');
        const elapsed = (await sr.rig.status()).nowMs - frozen.atMs;
        assert.ok(elapsed >= TIMEOUT_MS, `reset ${elapsed.toFixed(0)} ms after the freeze, before the ${TIMEOUT_MS} ms timeout`);
        assert.match(await lastReboot(sr, 'A'), /^watchdog reset: no thread of the firmware ran/);
        assert.match(sr.log('A', mark), /previous run: watchdog reset: no thread of the firmware ran/);
    });
    await t.test('a main thread blocked for 5 s starves the watchdog but recovers before the timeout', async () => {
        const mark = sr.mark('A');
        const before = resetsOf(await sr.rig.status(), 'A');
        assert.match(await sr.rig.exec('A', 'diagnose test main-block 5'), /main thread blocked for 5 s/);
        await sr.until(() => /runtime healthy again after/.test(sr.log('A', mark)), 'A kicks again', 30_000);
        assert.match(sr.log('A', mark), /watchdog no longer kicked, the main thread's event loop did not run for more than 3\.0 s/);
        assert.equal(resetsOf(await sr.rig.status(), 'A'), before, 'no reset');
        assert.ok(pair(await sr.rig.status()), 'the heartbeat worker kept A in the cluster meanwhile');
    });
    await t.test('a main thread blocked for good: the watchdog resets the board, which says so', async () => {
        const before = resetsOf(await sr.rig.status(), 'A');
        const mark = sr.mark('A');
        await sr.rig.exec('A', 'diagnose test main-block 600');
        await resetAndRejoin(sr, 'A', before, 'main thread blocked');
        assert.match(await lastReboot(sr, 'A'), /^watchdog reset: the main thread's event loop did not run for more than 3\.0 s \(from /);
        assert.match(sr.log('A', mark), /previous run: watchdog reset: the main thread's event loop/);
    });
    await t.test('a clean stop closes the watchdog: no reset, and the next boot says so', async () => {
        const before = resetsOf(await sr.rig.status(), 'B');
        assert.equal(before, 0, 'B, healthy all along (about a minute), was never reset');
        await sr.rig.fault('term', 'B');
        await sr.until((s) => boardStatus(s, 'B').process === 'dead', 'B stops', 10_000);
        await sr.until((s) => stateOf(s, 'A') === 'work', 'A takes over');
        await sr.rig.fault('restart', 'B');
        await sr.until(pair, 'B rejoins');
        assert.match(await lastReboot(sr, 'B'), /^clean shutdown \(SIGTERM\)/);
        assert.equal(resetsOf(await sr.rig.status(), 'B'), before);
    });
});
//# sourceMappingURL=watchdog.test.js.map