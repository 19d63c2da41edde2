/**
 * Per-unit management (issue 9 item 5): each board keeps its own address on the mgmt network
 * (198.18.3.11 and .12, rig-config.ts) whatever its role, and reaches a remote management
 * network (198.18.200.0/24, which the server holds 198.18.200.1 of) through the server's leg
 * 198.18.3.10, from its table 100 chosen by a rule on its own address.
 *
 * The server answers and pings from 198.18.200.1 only if each board routes its replies back
 * through that table: neither board has any other route to 198.18.200.0/24.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLinuxIcmp } from '../../hal/icmp/linux.js';
import { withNetns } from '../../hal/netns.js';
import { boardIndex, boardNamespace, srvNamespace } from '../paths.js';
import { mgmtAddress, rigConfig } from '../rig-config.js';
import { ip, ipJson } from '../shell.js';
import { SRV_MGMT_HOST } from '../topology.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const REMOTE_NET = '198.18.200.0/24';
const REMOTE_HOST = '198.18.200.1';
const GATEWAY = SRV_MGMT_HOST.address.split('/')[0];
const BOARDS = ['A', 'B'];
const address = (b) => mgmtAddress(boardIndex(b));
const HA_MGMT = [
    'set ha-mgmt-status enable',
    'config ha-mgmt-interfaces',
    '    edit 1',
    '        set interface "mgmt"',
    '        set dst 198.18.200.0 255.255.255.0',
    `        set gateway ${GATEWAY}`,
    '    next',
    'end',
];
// Ages within a second are equal: A, restarted, is younger than B and stays secondary.
const common = { marginS: 1, haLines: HA_MGMT };
const icmp = createLinuxIcmp();
let nextId = 0x4d00;
/** True once `dst` answers an echo request the server sends from `source` on its mgmt leg, within `ms`. */
async function answers(sr, source, dst, ms = 5000) {
    const pinger = withNetns(srvNamespace(sr.name), () => icmp.openPinger({ ifname: SRV_MGMT_HOST.ifname, source, id: nextId++ & 0xffff }));
    try {
        for (let seq = 1, until = Date.now() + ms; Date.now() < until; seq++) {
            pinger.send(dst, seq);
            await sleep(100);
            if (pinger.receive().some((r) => r.from === dst))
                return true;
        }
        return false;
    }
    finally {
        pinger.close();
    }
}
/** Both boards answer the server on their own mgmt address, from its leg and from the remote network, and hold their rule and table. */
async function managedEach(sr, when) {
    for (const b of BOARDS) {
        const ns = boardNamespace(sr.name, b);
        const rules = await ipJson(['-n', ns, 'rule', 'show']);
        assert.deepEqual(rules.filter((r) => r.priority === 100).map((r) => `from ${r.src} lookup ${r.table}`), [`from ${address(b)} lookup 100`], `${when}: board ${b} holds its rule, once`);
        const routes = await ipJson(['-n', ns, 'route', 'show', 'table', '100']);
        assert.ok(routes.some((r) => r.dst === REMOTE_NET && r.gateway === GATEWAY && r.dev === 'mgmt'), `${when}: board ${b}'s table 100 routes ${REMOTE_NET} via ${GATEWAY}: ${JSON.stringify(routes)}`);
        assert.ok(await answers(sr, GATEWAY, address(b)), `${when}: ${GATEWAY} pings board ${b} at ${address(b)}`);
        assert.ok(await answers(sr, REMOTE_HOST, address(b)), `${when}: ${REMOTE_HOST} pings board ${b} at ${address(b)} (the reply goes through table 100)`);
    }
}
test('per-unit management: each board keeps its mgmt address and route, whatever its role', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await ip(['-n', srvNamespace(sr.name), 'addr', 'add', `${REMOTE_HOST}/32`, 'dev', SRV_MGMT_HOST.ifname]);
    await primaryOnForming(sr, 'A', BOARDS);
    await t.test('A primary, B secondary: both are managed on their own addresses', async () => {
        await managedEach(sr, 'A primary');
    });
    await t.test('the main tables have no route to the remote management network', async () => {
        for (const b of BOARDS) {
            const main = await ipJson(['-n', boardNamespace(sr.name, b), 'route', 'show', 'table', 'main']);
            assert.ok(!main.some((r) => r.dst === REMOTE_NET || r.dst === 'default'), `board ${b}: ${JSON.stringify(main)}`);
        }
    });
    await t.test('after a failover (kill -9 of A, A back as secondary): both still are', async () => {
        await sr.cli(['fault', 'kill', 'A']);
        await sr.until((s) => stateOf(s, 'B') === 'work', 'B takes over');
        assert.ok(await answers(sr, REMOTE_HOST, address('B')), 'the new primary is managed while A is down');
        await sr.cli(['fault', 'restart', 'A']);
        await sr.until((s) => onePrimary(s, BOARDS) && stateOf(s, 'B') === 'work', 'B primary, A secondary', 30_000);
        await managedEach(sr, 'B primary');
    });
});
//# sourceMappingURL=ha-mgmt.test.js.map