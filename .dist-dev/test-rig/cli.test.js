import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { firstLogin } from './console-login.testkit.js';
import { boardNamespace, rigDir, uniqueRigName } from './paths.js';
import { rig } from './rig.js';
import { CLI_BIN, cli, cliOk, configArgs, configFiles, needRig } from './rig.testkit.js';
import { rigConfig } from './rig-config.js';
import { boardStatus, isFormed } from './status.js';
import { linkState, namespacesOfRig } from './topology.js';
test('a 2-board rig through the CLI: up, exec, faults, console, down', async (t) => {
    if (!(await needRig(t, { firmware: true })))
        return;
    const name = uniqueRigName('ci');
    t.after(() => cli(['down', '--name', name]));
    const r = rig(name);
    const upJson = await cliOk(['up', '--name', name]);
    assert.ok(isFormed(upJson.status), 'up returns a formed cluster');
    assert.match((await cli(['up', '--name', name])).json.error ?? '', /already up/);
    const exec = await cliOk(['exec', 'A', 'get system ha status', '--name', name]);
    assert.match(exec.output, /TDSIM00000000001/);
    assert.equal((await r.snapshot('B')).state, 'standby');
    await cliOk(['fault', 'freeze', 'B', '--name', name]);
    assert.equal(boardStatus(await r.status(), 'B').process, 'frozen');
    await cliOk(['fault', 'thaw', 'B', '--name', name]);
    await r.waitFor((s) => boardStatus(s, 'B').state === 'standby', 15_000, 'B answers again after thaw');
    const kill = await cliOk(['fault', 'kill', 'A', '--name', name]);
    assert.equal(typeof kill.atMs, 'number');
    const after = await r.waitFor((s) => boardStatus(s, 'B').state === 'work', 15_000, 'B takes over after A is killed');
    assert.equal(boardStatus(after, 'A').process, 'dead');
    assert.equal(boardStatus(after, 'A').exit?.signal, 'SIGKILL');
    assert.ok(after.nowMs > kill.atMs, 'status time and fault time share CLOCK_MONOTONIC');
    await cliOk(['fault', 'restart', 'A', '--name', name]);
    await r.waitFor(isFormed, 30_000, 'cluster formed again after A restarts');
    await cliOk(['fault', 'cut', 'A:ha1', '--name', name]);
    const cut = await linkState(boardNamespace(name, 'A'), 'ha1');
    assert.deepEqual([cut.adminUp, cut.carrier], [true, false]);
    await cliOk(['fault', 'restore', 'A:ha1', '--name', name]);
    await r.waitFor((s) => boardStatus(s, 'A').ha?.links.find((l) => l.name === 'ha1')?.carrier === true, 10_000, 'A sees carrier on ha1 again');
    // The console through pipes: log in, type a command, read until the board's answer shows.
    const term = spawn(process.execPath, [CLI_BIN, 'console', 'B', '--name', name], { stdio: ['pipe', 'pipe', 'pipe'] });
    await firstLogin(term.stdout, term.stdin);
    let seen = '';
    const answered = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no console answer; got: ${JSON.stringify(seen)}`)), 15_000);
        term.stdout.on('data', (c) => {
            seen += c.toString();
            if (/Group Name/.test(seen) && /TDM-B #/.test(seen)) {
                clearTimeout(timer);
                resolve();
            }
        });
    });
    term.stdin.write('get system ha status\r');
    await answered;
    term.stdin.end();
    const code = await new Promise((resolve) => term.on('close', resolve));
    assert.equal(code, 0);
    await cliOk(['down', '--name', name]);
    assert.deepEqual(namespacesOfRig(name), []);
    assert.equal(existsSync(rigDir(name)), false);
});
test("up fails with the board's own words when a config is refused, and leaves nothing", async (t) => {
    if (!(await needRig(t, { firmware: true })))
        return;
    const name = uniqueRigName('cb');
    const files = configFiles([rigConfig(0, { priority: 999 })]);
    t.after(async () => {
        files.remove();
        await cli(['down', '--name', name]);
    });
    const r = await cli(['up', '--name', name, ...configArgs(files.paths), '--timeout', '30']);
    assert.equal(r.code, 1);
    assert.match(r.json.error ?? '', /^board A exited \(code [1-9]\d*\):\n.*999/s);
    assert.deepEqual(namespacesOfRig(name), []);
    assert.equal(existsSync(rigDir(name)), false);
});
//# sourceMappingURL=cli.test.js.map