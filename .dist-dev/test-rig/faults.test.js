import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { boardNamespace, rigDir, switchNamespace, uniqueRigName } from './paths.js';
import { rig, up } from './rig.js';
import { cli, cliOk, needRig } from './rig.testkit.js';
import { run } from './shell.js';
import { boardStatus, isFormed } from './status.js';
import { BOARD_PORTS, linkState, namespacesOfRig } from './topology.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitLink(ns, ifname, want, what) {
    const end = Date.now() + 10_000;
    for (;;) {
        const s = await linkState(ns, ifname);
        if (Object.entries(want).every(([k, v]) => s[k] === v))
            return;
        if (Date.now() > end)
            assert.fail(`${what}: ${ns} ${ifname} is ${JSON.stringify(s)}, wanted ${JSON.stringify(want)}`);
        await sleep(20);
    }
}
const accepted = (s, link) => s.links.find((l) => l.name === link)?.rxAccepted ?? -1;
/** Heartbeats B accepted on ha1 and ha2 over `ms`. */
async function heard(r, ms) {
    const a = await r.snapshot('B');
    await sleep(ms);
    const b = await r.snapshot('B');
    return { ha1: accepted(b, 'ha1') - accepted(a, 'ha1'), ha2: accepted(b, 'ha2') - accepted(a, 'ha2') };
}
async function lossTable(name) {
    const r = await run('ip', ['netns', 'exec', switchNamespace(name), 'nft', 'list', 'ruleset']);
    return r.stdout;
}
test('port-down, loss and power-loss on a formed pair; bad arguments are refused by name', async (t) => {
    if (!(await needRig(t, { firmware: true })))
        return;
    const name = uniqueRigName('fl');
    t.after(() => rig(name).down());
    const r = await up({ name, boards: 2 });
    // port-down: the board's port loses carrier and stays admin-up; the other board's does not.
    const down = await cliOk(['fault', 'port-down', 'A', 'port2', '--name', name]);
    assert.equal(down.target, 'A:port2');
    await waitLink(boardNamespace(name, 'A'), 'port2', { adminUp: true, carrier: false }, 'A port2 down');
    assert.equal((await linkState(boardNamespace(name, 'B'), 'port2')).carrier, true);
    await cliOk(['fault', 'port-up', 'A:port2', '--name', name]);
    await waitLink(boardNamespace(name, 'A'), 'port2', { carrier: true }, 'A port2 up');
    // loss 100 on ha1 silences it while ha2 carries on; loss 0 brings it back.
    const quiet = await cliOk(['fault', 'loss', 'ha1', '100', '--name', name]);
    assert.deepEqual([quiet.percent, quiet.cables.length], [100, 2]);
    assert.match(await lossTable(name), /"A-ha1", "B-ha1"/);
    await sleep(300);
    const silenced = await heard(r, 1500);
    assert.equal(silenced.ha1, 0, `no heartbeat through ha1 under loss 100: ${JSON.stringify(silenced)}`);
    assert.ok(silenced.ha2 >= 5, `ha2 still carries heartbeats: ${JSON.stringify(silenced)}`);
    await r.fault('loss', 'ha1', 0);
    assert.doesNotMatch(await lossTable(name), /tandem_loss/);
    const back = await heard(r, 1500);
    assert.ok(back.ha1 >= 5, `ha1 carries heartbeats again after loss 0: ${JSON.stringify(back)}`);
    // Bad arguments name the bad value and what is allowed.
    const refused = [
        [['fault', 'loss', 'ha1', '150'], /loss 150 on ha1 is not allowed: use a percent from 0 to 100/],
        [['fault', 'loss', 'ha1', 'lots'], /loss percent "lots" is not a number: use 0 to 100/],
        [['fault', 'loss', 'ha1'], /missing percent/],
        [['fault', 'loss', 'ha9', '10'], /link "ha9" does not exist/],
        [['fault', 'port-down', 'E', 'port2'], /board "E" does not exist: use A, B/],
        [['fault', 'port-down', 'A', 'port9'], /port "port9" does not exist: use one of port1, port2, port3, ha1, ha2/],
        [['fault', 'port-down', 'A'], /port "A" is not a board's port: name the board and the port, like A:port2/],
        [['fault', 'power-loss', 'C'], /board "C" does not exist: use A, B/],
        [['fault', 'power-on', 'B'], /board B is running: it has not lost power/],
        [['fault', 'kill', 'A', '3'], /unexpected argument "3"/],
        [['fault', 'melt', 'A'], /fault "melt" does not exist: use kill, .*power-loss, power-on/],
    ];
    for (const [args, error] of refused) {
        const res = await cli([...args, '--name', name]);
        assert.notEqual(res.code, 0, args.join(' '));
        assert.match(res.json.error ?? '', error, args.join(' '));
    }
    await assert.rejects(r.fault('cut', 'A:ha1', 5), /fault cut takes no value \(got 5\)/);
    // power-loss: A dies with every cable dark, and B's heartbeat ports lose carrier too.
    const lost = await r.fault('power-loss', 'A');
    t.diagnostic(`power-loss spread ${lost.spreadMs?.toFixed(3)} ms over ${lost.cables?.length} cables`);
    assert.equal(lost.cables?.length, 8, "A's six ports (mgmt included) and B's ends of the two heartbeat cables");
    assert.ok(typeof lost.spreadMs === 'number' && lost.spreadMs >= 0 && lost.spreadMs < 100, `spread ${lost.spreadMs} ms`);
    const dead = await r.waitFor((s) => boardStatus(s, 'A').process === 'dead', 5000, 'A dead after power-loss');
    assert.equal(boardStatus(dead, 'A').exit?.signal, 'SIGKILL');
    for (const port of BOARD_PORTS) {
        await waitLink(boardNamespace(name, 'A'), port, { adminUp: true, carrier: false }, `A ${port} after power-loss`);
    }
    for (const port of ['ha1', 'ha2']) {
        await waitLink(boardNamespace(name, 'B'), port, { adminUp: true, carrier: false }, `B ${port} after A's power-loss`);
    }
    assert.equal((await linkState(boardNamespace(name, 'B'), 'port1')).carrier, true, "B's data ports keep carrier");
    await r.waitFor((s) => boardStatus(s, 'B').state === 'work', 15_000, 'B takes over after power-loss');
    await assert.rejects(r.fault('kill', 'A'), /board A has lost power: bring it back with power-on/);
    await assert.rejects(r.fault('power-loss', 'A'), /board A has already lost power/);
    // power-on plugs every cable back and boots the board.
    const on = await r.fault('power-on', 'A');
    assert.ok(on.atMs > lost.atMs && typeof on.pid === 'number');
    await waitLink(boardNamespace(name, 'B'), 'ha1', { carrier: true }, 'B ha1 after power-on');
    await waitLink(boardNamespace(name, 'A'), 'port1', { carrier: true }, 'A port1 after power-on');
    await r.waitFor(isFormed, 30_000, 'formed again after power-on');
    // restart after a power loss does what power-on does.
    await r.fault('power-loss', 'B');
    await waitLink(boardNamespace(name, 'A'), 'ha2', { carrier: false }, "A ha2 after B's power-loss");
    const restarted = await r.fault('restart', 'B');
    assert.equal(restarted.kind, 'restart');
    await waitLink(boardNamespace(name, 'A'), 'ha2', { carrier: true }, 'A ha2 after restart');
    await r.waitFor(isFormed, 30_000, 'formed again after restart');
    await r.down();
    assert.deepEqual(namespacesOfRig(name), []);
    assert.equal(existsSync(rigDir(name)), false);
});
//# sourceMappingURL=faults.test.js.map