/**
 * The pair as a gateway (issue 3): traffic from the client to the server crosses through the
 * primary only; the secondary neither answers ARP for the gateway nor forwards; policies deny
 * and NAT to a pool; a kill -9, a monitored port going down and a recovery with override move
 * the traffic, and the rig's bridges follow the virtual MAC.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { boardNamespace, cliNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { GATEWAY_LAN, gatewayConfig, WAN_POOL } from '../rig-gateway.js';
import { run } from '../shell.js';
import { boardStatus } from '../status.js';
import { rsyslogUnavailable, SYSLOG_SERVER, startSyslogServer } from '../syslog-server.js';
import { linkState } from '../topology.js';
import { carriesTraffic, configurePair, exchangeUntil, GROUP_ID, portMac, reaches, rxPackets, VMAC_LAN, } from './gateway-checks.testkit.js';
import { arpAnswers, tcpConnect, tcpExchange } from './probes.testkit.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const common = {
    override: true,
    monitor: ['port2'],
    groupId: GROUP_ID,
    haLines: ['set pingserver-monitor-interface "port1"', 'set pingserver-failover-threshold 0', 'set pingserver-flip-timeout 6'],
    // Both units report to rsyslogd in the server namespace (RFC 5424): the kill step reads it.
    extra: `${gatewayConfig({ pingServer: true })}config log syslogd setting
    set status enable
    set server "${SYSLOG_SERVER}"
    set format rfc5424
end
`,
};
/** The rig's syslog server, started with the rig. */
let syslog = null;
const steps = [];
const step = (name, body) => steps.push([name, body]);
step('the client reaches the server through the primary', async (sr) => {
    await primaryOnForming(sr, 'A');
    await carriesTraffic(sr, 'A');
    assert.equal(await portMac(sr, 'A', 'port2'), VMAC_LAN);
});
step('the secondary neither answers ARP for the gateway nor forwards', async (sr) => {
    assert.deepEqual(await arpAnswers(sr.name, GATEWAY_LAN), [VMAC_LAN], 'only the virtual MAC answers');
    const bMac = await portMac(sr, 'B', 'port2');
    assert.notEqual(bMac, VMAC_LAN, 'the secondary keeps its own MAC');
    // Steer the client's packets to a next hop by MAC: the primary's forwards them (so the
    // steering works), the secondary's own MAC must not.
    const cli = cliNamespace(sr.name);
    const steer = (mac) => run('ip', ['-n', cli, 'neigh', 'replace', '198.18.1.2', 'lladdr', mac, 'dev', 'eth0', 'nud', 'permanent']);
    await steer(VMAC_LAN);
    await run('ip', ['-n', cli, 'route', 'replace', '198.18.2.10/32', 'via', '198.18.1.2']);
    try {
        await reaches(sr, 'steered to the primary');
        await steer(bMac);
        const x = await tcpExchange(sr.name, 1500);
        assert.equal(x.reached, false, 'the secondary forwarded traffic sent to its own MAC');
    }
    finally {
        await run('ip', ['-n', cli, 'route', 'del', '198.18.2.10/32']);
        await run('ip', ['-n', cli, 'neigh', 'del', '198.18.1.2', 'dev', 'eth0']);
    }
});
step('a deny policy blocks the traffic', async (sr) => {
    await configurePair(sr, 'config firewall policy\nedit 1\nset action deny\nnext\nend');
    try {
        // The ruleset is loaded asynchronously after the commit: wait for it to take effect.
        await exchangeUntil(sr, (x) => !x.reached, 'denied');
    }
    finally {
        await configurePair(sr, 'config firewall policy\nedit 1\nset action accept\nnext\nend');
    }
    await exchangeUntil(sr, (x) => x.reached, 'accepted again');
});
step('NAT with an ippool rewrites the source the server sees', async (sr) => {
    await configurePair(sr, `config firewall policy\nedit 1\nset nat enable\nset ippool enable\nset poolname "${WAN_POOL.name}"\nnext\nend`);
    try {
        await exchangeUntil(sr, (x) => x.reached && x.seenSource === WAN_POOL.startIp, `source NATed to ${WAN_POOL.startIp}`);
    }
    finally {
        await configurePair(sr, 'config firewall policy\nedit 1\nset nat disable\nset ippool disable\nunset poolname\nnext\nend');
    }
    await exchangeUntil(sr, (x) => x.reached && x.seenSource === '198.18.1.10', 'NAT off');
});
step('allowaccess: the gateway answers only what its interface allows', async (sr) => {
    // Nothing listens on port 22: a reset says the unit let the SYN in, silence says it dropped it.
    assert.equal(await tcpConnect(sr.name, GATEWAY_LAN, 22), 'timeout', 'ssh is not in port2 allowaccess');
    await configurePair(sr, 'config system interface\nedit "port2"\nset allowaccess ping ssh\nnext\nend');
    try {
        // The ruleset is loaded asynchronously after the commit: wait for it to take effect.
        let answer = '';
        for (const until = Date.now() + 10_000; answer !== 'refused' && Date.now() < until;) {
            answer = await tcpConnect(sr.name, GATEWAY_LAN, 22, 500);
        }
        assert.equal(answer, 'refused', 'ssh in port2 allowaccess: the SYN reaches the unit');
    }
    finally {
        await configurePair(sr, 'config system interface\nedit "port2"\nset allowaccess ping\nnext\nend');
    }
});
step('kill -9 of the primary: the prober resumes through the other board', async (sr) => {
    await sr.rig.traffic.start({ streams: 2 });
    try {
        await sr.rig.traffic.flowing();
        const { atMs } = await sr.rig.fault('kill', 'A');
        const s = await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
        const tookAt = boardStatus(s, 'B').ha?.stateSinceMs ?? atMs;
        // A killed firmware's kernel forwards until its pinned fence's lease runs out, so probes
        // may not stop at all; what matters is that they now cross B.
        const rxBefore = await rxPackets(sr, 'B', 'port2');
        const r = await sr.rig.traffic.waitFor((x) => x.received > 0 && x.outages.every((o) => o.endMs !== null) && x.nowMs > tookAt + 500, 20_000, 'probes echoed after the takeover');
        assert.ok((await rxPackets(sr, 'B', 'port2')) - rxBefore > 100, 'the probes enter B');
        const gaps = r.outages.filter((o) => (o.endMs ?? 0) > atMs).map((o) => o.gapMs);
        assert.ok(gaps.every((g) => g < 5000), `gaps after the kill: ${gaps.join(', ')} ms`);
        assert.equal(r.streams.broken, 0, 'TCP streams survive');
        await carriesTraffic(sr, 'B');
        assert.match(sr.log('B'), /took over the data ports in [\d.]+ ms/);
        // The state change a SIEM watches reaches the syslog server from the new primary.
        const server = syslog;
        assert.ok(server, 'the syslog server runs');
        const works = (l) => /^<\d+>1 \S+ TDM-B tandem \d+ 0101000001 \[tandem@\d+ [^\]]*to="work"/.test(l);
        for (const until = Date.now() + 10_000; !server.lines().some(works); await sleep(100)) {
            if (Date.now() > until)
                assert.fail(`no syslog line from B saying it works; received:\n${server.lines().join('\n')}`);
        }
        assert.match(server.lines().find(works) ?? '', /from="standby"/);
    }
    finally {
        await sr.rig.traffic.stop();
    }
});
step('recovery with override: the higher-priority board takes the traffic back', async (sr) => {
    await sr.cli(['fault', 'restart', 'A']);
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary again', 40_000);
    await carriesTraffic(sr, 'A');
    assert.match(sr.log('B'), /gave up the data ports/);
    assert.notEqual(await portMac(sr, 'B', 'port2'), VMAC_LAN, 'B gave the virtual MAC back');
});
step('a monitored port down on the primary moves the traffic; back up, it returns (override)', async (sr) => {
    await sr.rig.fault('port-down', 'A:port2');
    try {
        assert.equal((await linkState(boardNamespace(sr.name, 'A'), 'port2')).carrier, false);
        await carriesTraffic(sr, 'B');
        assert.match(boardStatus(await sr.rig.status(), 'B').ha?.election?.reason ?? '', /monitor/);
    }
    finally {
        await sr.rig.fault('port-up', 'A:port2');
    }
    await carriesTraffic(sr, 'A');
});
// Last: the failed unit is held out for pingserver-flip-timeout (6 minutes at least).
step('the ping server lost behind the primary moves the traffic', async (sr) => {
    assert.match(await sr.rig.exec('A', 'diagnose sys ha port-stats'), /remote link ok/);
    await sr.rig.fault('loss', 'A:port1', 100);
    try {
        await carriesTraffic(sr, 'B');
        assert.match(await sr.rig.exec('A', 'diagnose sys ha port-stats'), /remote link failed/);
        assert.match(sr.log('A'), /remote link/i);
    }
    finally {
        await sr.rig.fault('loss', 'A:port1', 0);
    }
});
test('the pair as a gateway', async (t) => {
    const why = await rsyslogUnavailable();
    if (why) {
        if (process.env.CI)
            throw new Error(`gateway scenario cannot run: ${why}`);
        t.skip(why);
        return;
    }
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    syslog = await startSyslogServer(sr.name);
    t.after(async () => {
        await syslog?.stop();
        await sr.down();
    });
    for (const [name, body] of steps)
        await t.test(name, () => body(sr));
});
//# sourceMappingURL=gateway.test.js.map