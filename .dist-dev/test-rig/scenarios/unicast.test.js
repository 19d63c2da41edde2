/**
 * `unicast-hb`: heartbeats as UDP datagrams to the peer's address (port 703) where Layer 2
 * heartbeats cannot go. The boards have no hbdev at all here, only addresses on port3.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { ip } from '../shell.js';
import { boardStatus } from '../status.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const ADDRESS = ['198.18.4.1', '198.18.4.2'];
test('a pair forms and fails over over unicast heartbeats alone', async (t) => {
    const configs = [0, 1].map((i) => rigConfig(i, { hbdev: [], haLines: ['set unicast-hb enable', `set unicast-hb-peerip ${ADDRESS[1 - i]}`] }));
    const sr = await scenarioRig(t, configs, 'booted');
    if (!sr)
        return;
    t.after(() => sr.down());
    for (const [i, board] of ['A', 'B'].entries()) {
        await ip(['-n', boardNamespace(sr.name, board), 'addr', 'add', `${ADDRESS[i]}/24`, 'dev', 'port3']);
    }
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'formed over UDP');
    const links = boardStatus(s, 'B').ha?.links ?? [];
    assert.deepEqual(links.map((l) => l.name), ['unicast']);
    assert.ok((links[0]?.rxAccepted ?? 0) > 0);
    await sr.cli(['fault', 'kill', 'A']);
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
    assert.match(sr.log('B'), /peer TDSIM00000000001 lost/);
});
test('with unicast-hb, every heartbeat cable dark is not a power loss: the carrier fast path stays off', async (t) => {
    const configs = [0, 1].map((i) => rigConfig(i, {
        priority: i === 0 ? 200 : 128,
        haLines: ['set hb-carrier-failover enable', 'set unicast-hb enable', `set unicast-hb-peerip ${ADDRESS[1 - i]}`],
    }));
    const sr = await scenarioRig(t, configs, 'booted');
    if (!sr)
        return;
    t.after(() => sr.down());
    for (const [i, board] of ['A', 'B'].entries()) {
        await ip(['-n', boardNamespace(sr.name, board), 'addr', 'add', `${ADDRESS[i]}/24`, 'dev', 'port3']);
    }
    await primaryOnForming(sr, 'A');
    const mark = sr.mark('B');
    let atMs = 0;
    for (const cable of ['A:ha1', 'A:ha2', 'B:ha1', 'B:ha2'])
        atMs = (await sr.rig.fault('port-down', cable)).atMs;
    try {
        await sr.until((x) => x.nowMs > atMs + 2000, 'two seconds with every heartbeat cable dark');
        const s = await sr.rig.status();
        assert.ok(onePrimary(s, ['A', 'B']) && stateOf(s, 'A') === 'work', 'A is still primary, heard over UDP');
        assert.doesNotMatch(sr.log('B', mark), /hb-carrier-failover|HA state/);
    }
    finally {
        for (const cable of ['A:ha1', 'A:ha2', 'B:ha1', 'B:ha2'])
            await sr.rig.fault('port-up', cable);
    }
});
//# sourceMappingURL=unicast.test.js.map