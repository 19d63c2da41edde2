/** Clusters of three and four units: one primary, everyone a member, and a takeover by the next in line. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { onePrimary, scenarioRig } from './scenario-rig.testkit.js';
test('three units: A elected by priority; killed, the highest serial of the rest takes over', async (t) => {
    const sr = await scenarioRig(t, [0, 1, 2].map((i) => rigConfig(i)));
    if (!sr)
        return;
    t.after(() => sr.down());
    const s = await sr.until((x) => onePrimary(x, ['A', 'B', 'C']), 'three units, one primary');
    assert.equal(boardStatus(s, 'C').primary, 'A');
    await sr.cli(['fault', 'kill', 'A']);
    const s2 = await sr.until((x) => onePrimary(x, ['B', 'C']), 'two units left, one primary');
    assert.equal(boardStatus(s2, 'B').primary, 'C');
    assert.match(boardStatus(s2, 'B').ha?.election?.reason ?? '', /largest serial number/);
});
test('four units: one primary; a graceful shutdown hands over at once', async (t) => {
    const sr = await scenarioRig(t, [0, 1, 2, 3].map((i) => rigConfig(i)));
    if (!sr)
        return;
    t.after(() => sr.down());
    const s = await sr.until((x) => onePrimary(x, ['A', 'B', 'C', 'D']), 'four units, one primary');
    assert.equal(boardStatus(s, 'D').primary, 'A');
    assert.equal(boardStatus(s, 'D').ha?.members.length, 4);
    await sr.cli(['fault', 'term', 'A']);
    const s2 = await sr.until((x) => onePrimary(x, ['B', 'C', 'D']), 'three left, one primary');
    assert.equal(boardStatus(s2, 'B').primary, 'D');
});
//# sourceMappingURL=three-four.test.js.map