/**
 * The front-panel LEDs follow the HA role through a failover, read back from each sim board's
 * sysfs-shaped LED folder (REFERENCE.md "Front-panel LEDs").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { readSimLeds, rigBoardLeds } from '../sim-leds.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';
/** Each LED of the board as `name=off|on|blink<on>/<off>`, in board order. */
function ledsOf(rig, b) {
    const out = {};
    for (const l of readSimLeds(rigBoardLeds(rig, b))) {
        const p = l.pattern;
        out[l.name] = !p ? 'unreadable' : p.kind === 'blink' ? `blink${p.onMs}/${p.offMs}` : p.kind;
    }
    return out;
}
const PRIMARY = { 'status:green': 'on', 'ha:green': 'on', 'ha:amber': 'off', 'ha:red': 'off' };
const SECONDARY = { 'status:green': 'on', 'ha:green': 'blink500/500', 'ha:amber': 'off', 'ha:red': 'off' };
const ALONE = { 'status:green': 'on', 'ha:green': 'off', 'ha:amber': 'on', 'ha:red': 'off', 'sync:green': 'off' };
/** Waits for `pred`; a timeout names what each board's LEDs showed last. */
async function untilLeds(sr, pred, what, timeoutMs) {
    try {
        return await sr.until(pred, what, timeoutMs);
    }
    catch (err) {
        const leds = ['A', 'B'].map((b) => `${b}: ${JSON.stringify(ledsOf(sr.name, b))}`).join('; ');
        throw new Error(`${err.message}; LEDs: ${leds}`);
    }
}
function shows(rig, b, want) {
    const leds = ledsOf(rig, b);
    return Object.entries(want).every(([name, p]) => leds[name] === p);
}
/** Every live board's LEDs show its role, and SYNC is steady (config and sessions in sync). */
function ledsFollowRoles(rig, s, live) {
    if (!onePrimary(s, live))
        return false;
    return live.every((b) => shows(rig, b, { ...(stateOf(s, b) === 'work' ? PRIMARY : SECONDARY), 'sync:green': 'on' }));
}
test('LEDs follow the role through a failover', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0), rigConfig(1)]);
    if (!sr)
        return;
    t.after(() => sr.down());
    const both = ['A', 'B'];
    await t.test("formed: the primary's HA LED steady green, the secondary's 1 Hz green, SYNC steady", async () => {
        const s = await untilLeds(sr, (x) => ledsFollowRoles(sr.name, x, both), 'LEDs showing the roles');
        assert.equal(stateOf(s, 'A'), 'work');
        assert.deepEqual(ledsOf(sr.name, 'B'), { ...SECONDARY, 'sync:green': 'on' });
    });
    await t.test('kill -9 of the primary: the survivor runs alone, steady amber, SYNC dark', async () => {
        await sr.cli(['fault', 'kill', 'A']);
        await untilLeds(sr, (x) => stateOf(x, 'B') === 'work' && shows(sr.name, 'B', ALONE), 'B alone on its LEDs');
        assert.deepEqual(ledsOf(sr.name, 'B'), ALONE);
    });
    await t.test('the restarted unit rejoins: both LEDs show the roles again', async () => {
        await sr.cli(['fault', 'restart', 'A']);
        await untilLeds(sr, (x) => ledsFollowRoles(sr.name, x, both), 'LEDs showing the roles after the rejoin', 30_000);
    });
});
//# sourceMappingURL=leds.test.js.map