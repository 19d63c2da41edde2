/**
 * Features the other scenarios take for granted, checked in a live pair (issue 7): encrypted
 * heartbeats, static routes, an IPv6 address taken over with unsolicited neighbour
 * advertisements, a secondary that stays silent after a failover, the carrier fast path held
 * back while one heartbeat cable is dark, and a unit in standalone mode carrying the traffic.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { GATEWAY_LAN, gatewayConfig } from '../rig-gateway.js';
import { run } from '../shell.js';
import { boardStatus } from '../status.js';
import { carriesTraffic, GROUP_ID, VMAC_LAN } from './gateway-checks.testkit.js';
import { arpAnswers, neighbourAdverts } from './probes.testkit.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf, untilTime } from './scenario-rig.testkit.js';
import { VmacCounters } from './vmac-counters.testkit.js';
const GATEWAY_LAN6 = 'fd00:198:18:1::1';
const extra = [
    gatewayConfig(),
    'config system interface',
    '    edit "port2"',
    `        set ip6-address ${GATEWAY_LAN6}/64`,
    '    next',
    'end',
    'config router static',
    '    edit 1',
    '        set dst 198.18.5.0 255.255.255.0',
    '        set gateway 198.18.2.10',
    '        set device "port1"',
    '    next',
    'end',
].join('\n');
const common = {
    groupId: GROUP_ID,
    marginS: 1,
    encryption: true,
    password: 'live-checks',
    haLines: ['set hb-carrier-failover enable'],
    extra,
};
async function routeVia(sr, board) {
    const r = await run('ip', ['-n', boardNamespace(sr.name, board), 'route', 'show', '198.18.5.0/24']);
    return r.stdout.trim();
}
test('live checks: encryption, static routes, IPv6 takeover, a silent secondary, carrier fast path, standalone', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    const counters = await VmacCounters.start(sr.name, GROUP_ID, ['A', 'B']);
    t.after(async () => {
        await counters.stop();
        await sr.down();
    });
    await t.test('an encrypted pair forms and refuses nothing', async () => {
        await primaryOnForming(sr, 'A');
        assert.match(await sr.rig.exec('B', 'show system ha'), /set encryption enable/);
        const hb = await sr.rig.exec('B', 'diagnose sys ha heartbeat');
        assert.match(hb, /bad auth +: 0$/m);
        assert.match(hb, /^ {4}ha1 .* up +carrier +\d+ +0 +\d+ +[1-9]\d* /m, 'heartbeats accepted on ha1');
        await carriesTraffic(sr, 'A');
    });
    await t.test('static routes are in both kernels', async () => {
        // The data plane applies its configuration after the pair forms: wait for it, do not race it.
        for (const b of ['A', 'B']) {
            let route = '';
            for (const until = Date.now() + 10_000; !/via 198\.18\.2\.10 dev port1/.test(route) && Date.now() < until;) {
                route = await routeVia(sr, b);
                if (!route)
                    await new Promise((r) => setTimeout(r, 100));
            }
            assert.match(route, /via 198\.18\.2\.10 dev port1/, `board ${b}`);
        }
    });
    await t.test('failover: the new primary announces its IPv6 address, the old one falls silent', async () => {
        const listening = neighbourAdverts(sr.name, GATEWAY_LAN6, 1500);
        await sr.rig.exec('A', 'execute ha failover set');
        const senders = await listening;
        assert.ok(senders.length > 0, 'an unsolicited neighbour advertisement for the IPv6 gateway');
        assert.ok(senders.every((m) => m === VMAC_LAN), `sent from the virtual MAC: ${senders.join(', ')}`);
        await carriesTraffic(sr, 'B');
        const before = await counters.read();
        assert.deepEqual(await arpAnswers(sr.name, GATEWAY_LAN), [VMAC_LAN], 'one answer for the gateway');
        const s = await sr.rig.status();
        await untilTime(sr, s.nowMs + 1000);
        const after = await counters.read();
        assert.equal(after.A, before.A, 'A, now secondary, sent nothing with the virtual MAC');
        assert.ok((after.B ?? 0) > (before.B ?? 0), 'B answered');
        await sr.rig.exec('A', 'execute ha failover unset');
        await sr.until((x) => onePrimary(x, ['A', 'B']), 'the pair settles');
    });
    await t.test('one heartbeat cable dark: the carrier fast path stays off, nobody takes over', async () => {
        const s0 = await sr.until((x) => onePrimary(x, ['A', 'B']), 'a formed pair');
        const primary = stateOf(s0, 'A') === 'work' ? 'A' : 'B';
        const mark = sr.mark(primary === 'A' ? 'B' : 'A');
        const dark = await sr.rig.fault('port-down', `${primary}:ha1`);
        try {
            await untilTime(sr, dark.atMs + 2000);
            const s = await sr.rig.status();
            assert.ok(onePrimary(s, ['A', 'B']) && stateOf(s, primary) === 'work', `${primary} still primary`);
            assert.doesNotMatch(sr.log(primary === 'A' ? 'B' : 'A', mark), /hb-carrier-failover|HA state/);
        }
        finally {
            await sr.rig.fault('port-up', `${primary}:ha1`);
        }
    });
    await t.test('standalone: a lone unit configured standalone carries the traffic', async () => {
        const s0 = await sr.until((x) => onePrimary(x, ['A', 'B']), 'a formed pair');
        const [gone, lone] = stateOf(s0, 'A') === 'work' ? ['A', 'B'] : ['B', 'A'];
        await sr.rig.fault('power-loss', gone);
        await sr.until((x) => stateOf(x, lone) === 'work', `${lone} takes over`);
        await sr.rig.exec(lone, 'config system ha\nset mode standalone\nend');
        await sr.until((x) => boardStatus(x, lone).ha?.enabled === false, `${lone} standalone`);
        const status = await sr.rig.exec(lone, 'get system status');
        assert.match(status, /^Current HA mode: standalone$/m);
        await carriesTraffic(sr, lone);
    });
});
//# sourceMappingURL=live-checks.test.js.map