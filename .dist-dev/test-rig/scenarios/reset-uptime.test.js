/**
 * `diagnose sys ha reset-uptime` on a formed pair (ha-uptime-diff-margin 1 s, override off):
 * the unit whose age is reset is the younger one, so the role goes to its peer; and the
 * scenarios' primaryOnForming moves it back the same way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const common = { marginS: 1 };
test('reset-uptime hands the role to the older peer, and back', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, common), rigConfig(1, common)]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await primaryOnForming(sr, 'A');
    assert.match(await sr.rig.exec('A', 'diagnose sys ha reset-uptime'), /HA age of TDSIM00000000001 reset to 0/);
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'B primary after A reset its age');
    assert.match(boardStatus(s, 'A').ha?.election?.reason ?? '', /uptime/);
    // B works now: primaryOnForming resets B's age in turn, and A takes the role back.
    await primaryOnForming(sr, 'A');
});
//# sourceMappingURL=reset-uptime.test.js.map