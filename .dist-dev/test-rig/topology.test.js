import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { CommandError } from './errors.js';
import { boardNamespace, cliNamespace, rigDir, srvNamespace, switchNamespace, uniqueRigName } from './paths.js';
import { needRig } from './rig.testkit.js';
import { ipJson, run } from './shell.js';
import { claimRig } from './state.js';
import { BOARD_PORTS, buildTopology, linkState, namespacesOfRig, PORT_SWITCH, parseLinkTarget, SWITCHES, setCables, teardownTopology, } from './topology.js';
async function waitLink(ns, ifname, want, what) {
    const end = Date.now() + 10_000;
    for (;;) {
        const s = await linkState(ns, ifname);
        if (Object.entries(want).every(([k, v]) => s[k] === v))
            return s;
        if (Date.now() > end)
            assert.fail(`${what}: ${ns} ${ifname} is ${JSON.stringify(s)}, wanted ${JSON.stringify(want)}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
test('a rig topology: switches, cables, hosts; a cut cable is NO-CARRIER; teardown leaves nothing', async (t) => {
    if (!(await needRig(t)))
        return;
    const rig = uniqueRigName('tp');
    claimRig(rig, 2);
    t.after(async () => {
        await teardownTopology(rig).catch(() => { });
        rmSync(rigDir(rig), { recursive: true, force: true });
    });
    await buildTopology(rig, 2);
    assert.deepEqual(namespacesOfRig(rig).sort(), [
        `tdm-${rig}-A`,
        `tdm-${rig}-B`,
        `tdm-${rig}-cli`,
        `tdm-${rig}-srv`,
        `tdm-${rig}-sw`,
    ]);
    const sw = switchNamespace(rig);
    const bridges = await ipJson(['-d', '-n', sw, 'link', 'show', 'type', 'bridge']);
    assert.deepEqual(bridges.map((b) => b.ifname).sort(), [...SWITCHES].sort());
    for (const b of bridges) {
        assert.deepEqual([b.linkinfo.info_data.stp_state, b.linkinfo.info_data.forward_delay, b.linkinfo.info_data.mcast_snooping], [0, 0, 0], `bridge ${b.ifname}: stp, forward delay and multicast snooping must be off`);
    }
    for (const bridge of SWITCHES) {
        const ports = await ipJson(['-n', sw, 'link', 'show', 'master', bridge]);
        const expected = BOARD_PORTS.filter((p) => PORT_SWITCH[p] === bridge).flatMap((p) => [`A-${p}`, `B-${p}`]);
        if (bridge === 'lan')
            expected.push('cli-eth0');
        if (bridge === 'wan')
            expected.push('srv-eth0');
        if (bridge === 'mgmt')
            expected.push('srv-eth1');
        assert.deepEqual(ports.map((p) => p.ifname).sort(), expected.sort(), `ports of bridge ${bridge}`);
    }
    for (const board of ['A', 'B']) {
        for (const port of [...BOARD_PORTS, 'lo']) {
            await waitLink(boardNamespace(rig, board), port, { adminUp: true }, 'after build');
        }
        await waitLink(boardNamespace(rig, board), 'ha1', { carrier: true }, 'after build');
    }
    for (const [ns, address, gateway] of [
        [cliNamespace(rig), '198.18.1.10/24', '198.18.1.1'],
        [srvNamespace(rig), '198.18.2.10/24', '198.18.2.1'],
    ]) {
        const addrs = await ipJson([
            '-n',
            ns,
            '-4',
            'addr',
            'show',
            'dev',
            'eth0',
        ]);
        assert.deepEqual(addrs[0]?.addr_info.map((x) => `${x.local}/${x.prefixlen}`), [address]);
        const routes = await ipJson([
            '-n',
            ns,
            '-4',
            'route',
            'show',
            'default',
        ]);
        assert.deepEqual(routes.map((r) => [r.dst, r.gateway, r.dev]), [['default', gateway, 'eth0']], `${ns} routes through the gateway`);
    }
    const mgmtLeg = await ipJson([
        '-n',
        srvNamespace(rig),
        '-4',
        'addr',
        'show',
        'dev',
        'eth1',
    ]);
    assert.deepEqual(mgmtLeg[0]?.addr_info.map((x) => `${x.local}/${x.prefixlen}`), ['198.18.3.10/24'], "the server's leg on the mgmt switch");
    // Frames cross the lan switch: a TCP connect from cli to an address on A's port2 is refused
    // by A's kernel (an answer), not lost.
    await run('ip', ['-n', boardNamespace(rig, 'A'), 'addr', 'add', '198.18.1.1/24', 'dev', 'port2']);
    const connect = await run('ip', [
        'netns',
        'exec',
        cliNamespace(rig),
        'timeout',
        '10',
        'bash',
        '-c',
        'echo > /dev/tcp/198.18.1.1/9',
    ]).catch((e) => e);
    assert.ok(connect instanceof CommandError && /refused/i.test(connect.stderr), `cli -> A port2: ${String(connect)}`);
    // One cable: only A loses carrier on ha1, and keeps the port admin-up like a pulled cable.
    await setCables(rig, parseLinkTarget('A:ha1', 2), false);
    await waitLink(boardNamespace(rig, 'A'), 'ha1', { adminUp: true, carrier: false }, 'A:ha1 cut');
    assert.equal((await linkState(boardNamespace(rig, 'B'), 'ha1')).carrier, true, 'B keeps carrier when only A:ha1 is cut');
    await setCables(rig, parseLinkTarget('A:ha1', 2), true);
    await waitLink(boardNamespace(rig, 'A'), 'ha1', { adminUp: true, carrier: true }, 'A:ha1 restored');
    // A whole link: every board loses it, and the other heartbeat link stays.
    await setCables(rig, parseLinkTarget('ha2', 2), false);
    for (const board of ['A', 'B']) {
        await waitLink(boardNamespace(rig, board), 'ha2', { adminUp: true, carrier: false }, 'ha2 cut');
        assert.equal((await linkState(boardNamespace(rig, board), 'ha1')).carrier, true, `${board} keeps ha1`);
    }
    await setCables(rig, parseLinkTarget('ha2', 2), true);
    for (const board of ['A', 'B']) {
        await waitLink(boardNamespace(rig, board), 'ha2', { carrier: true }, 'ha2 restored');
    }
    await teardownTopology(rig);
    assert.deepEqual(namespacesOfRig(rig), []);
});
test('building over an existing namespace fails and names it; a bad board count is refused', async (t) => {
    if (!(await needRig(t)))
        return;
    const rig = uniqueRigName('tq');
    claimRig(rig, 2);
    t.after(async () => {
        await teardownTopology(rig).catch(() => { });
        rmSync(rigDir(rig), { recursive: true, force: true });
    });
    await run('ip', ['netns', 'add', boardNamespace(rig, 'B')]);
    await assert.rejects(buildTopology(rig, 2), new RegExp(`namespace tdm-${rig}-B already exists`));
    assert.deepEqual(namespacesOfRig(rig), [`tdm-${rig}-B`]);
    await teardownTopology(rig);
    await assert.rejects(buildTopology(rig, 5), /board count 5 is not allowed: use 2 to 4/);
    assert.deepEqual(namespacesOfRig(rig), []);
});
//# sourceMappingURL=topology.test.js.map