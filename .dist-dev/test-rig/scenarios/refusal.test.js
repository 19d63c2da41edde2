/**
 * Units that must not form a cluster with us: a wrong password (fails authentication) and a
 * different group-name (refused by the cluster). Each side says why in its log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { scenarioRig, stateOf } from './scenario-rig.testkit.js';
test('strangers are refused and the log says why', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0), rigConfig(1, { password: 'not-the-rig-secret' }), rigConfig(2, { groupName: 'other-cluster' })], 'booted');
    if (!sr)
        return;
    t.after(() => sr.down());
    const s = await sr.until((x) => {
        const a = boardStatus(x, 'A').ha;
        return ((a?.rejected.badAuth ?? 0) > 0 &&
            (a?.refused.length ?? 0) > 0 &&
            ['A', 'B', 'C'].every((b) => stateOf(x, b) === 'work'));
    }, 'A rejects B and C; everyone runs alone');
    const a = boardStatus(s, 'A').ha;
    assert.deepEqual(a.members.map((m) => m.serial), ['TDSIM00000000001'], 'A has no members but itself');
    assert.equal(a.refused[0]?.serial, 'TDSIM00000000003');
    assert.match(a.refused[0]?.reason ?? '', /group-name "other-cluster" differs from ours "tandem-rig"/);
    assert.match(sr.log('A'), /refused heartbeat from TDSIM00000000002 on ha[12]: authentication failed/);
    assert.match(sr.log('A'), /refused TDSIM00000000003 on ha[12]: group-name "other-cluster" differs/);
    assert.match(sr.log('B'), /refused heartbeat from TDSIM00000000001 on ha[12]: authentication failed/);
    const text = await sr.rig.exec('A', 'diagnose sys ha heartbeat');
    assert.match(text, /bad auth\s*: [1-9]/);
    assert.match(await sr.rig.exec('A', 'get system ha status'), /TDSIM00000000003.*group-name/);
});
//# sourceMappingURL=refusal.test.js.map