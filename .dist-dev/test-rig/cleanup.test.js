import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { cleanStale, removeRig } from './cleanup.js';
import { boardNamespace, rigDir, uniqueRigName } from './paths.js';
import { isAlive, processRecord } from './processes.js';
import { rig } from './rig.js';
import { cli, cliOk, needRig } from './rig.testkit.js';
import { ip } from './shell.js';
import { claimRig, readState, writeState } from './state.js';
import { buildTopology, namespacesOfRig, teardownTopology } from './topology.js';
function exited(child) {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null)
            resolve();
        else
            child.once('exit', () => resolve());
    });
}
/** A process that has come and gone: what a SIGKILLed supervisor leaves in state.json. */
async function deadRecord() {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const rec = processRecord(child.pid);
    assert.ok(rec);
    child.kill('SIGKILL');
    await exited(child);
    assert.equal(isAlive(rec), false);
    return rec;
}
/**
 * What a killed supervisor leaves: state.json naming a dead owner, the namespaces, and a board
 * process still running inside its namespace.
 */
async function makeStaleRig(name) {
    claimRig(name, 2);
    await buildTopology(name, 2);
    const board = spawn('ip', ['netns', 'exec', boardNamespace(name, 'A'), 'sleep', '600'], { stdio: 'ignore' });
    const boardRec = processRecord(board.pid);
    assert.ok(boardRec);
    const state = readState(name);
    assert.ok(state);
    writeState({ ...state, phase: 'up', owner: await deadRecord(), boardPids: { A: boardRec } });
    return { board, boardRec };
}
test('clean removes a killed rig: its board processes, namespaces and state folder', async (t) => {
    if (!(await needRig(t)))
        return;
    const name = uniqueRigName('cs');
    const orphanRig = uniqueRigName('co');
    t.after(async () => {
        await removeRig(name).catch(() => { });
        await teardownTopology(orphanRig).catch(() => { });
    });
    const { board, boardRec } = await makeStaleRig(name);
    // A namespace with no state folder at all (its rig's folder is long gone) is stale too.
    await ip(['netns', 'add', `tdm-${orphanRig}-sw`]);
    const report = await cliOk(['clean']);
    await exited(board);
    assert.equal(isAlive(boardRec), false, 'the board process is killed');
    // Every `up` sweeps stale rigs too: a scenario starting its rig at this moment may sweep this
    // one first or alongside (then it kills the board). Whoever did, it is gone in full (below).
    if (!report.killed.includes(boardRec.pid))
        t.diagnostic(`${name}'s board was killed by a sweep meanwhile`);
    if (!report.namespaces.includes(`tdm-${orphanRig}-sw`))
        t.diagnostic(`${orphanRig} was swept meanwhile`);
    // Whoever swept, both rigs' remains are gone:
    assert.deepEqual(namespacesOfRig(name), []);
    assert.deepEqual(namespacesOfRig(orphanRig), []);
    assert.equal(existsSync(rigDir(name)), false);
});
test('clean leaves a live rig alone, and a folder claimed a moment ago', async (t) => {
    if (!(await needRig(t)))
        return;
    const live = uniqueRigName('cl');
    const fresh = uniqueRigName('cf');
    t.after(async () => {
        await removeRig(live).catch(() => { });
        rmSync(rigDir(fresh), { recursive: true, force: true });
    });
    claimRig(live, 2);
    await buildTopology(live, 2);
    mkdirSync(rigDir(fresh), { recursive: true });
    const report = await cleanStale();
    assert.ok(!report.rigs.includes(live) && !report.rigs.includes(fresh), JSON.stringify(report));
    assert.equal(namespacesOfRig(live).length, 5);
    assert.ok(existsSync(rigDir(fresh)));
});
test('up removes a killed rig before starting, and down leaves nothing', async (t) => {
    if (!(await needRig(t, { firmware: true })))
        return;
    const stale = uniqueRigName('cu');
    const name = uniqueRigName('cn');
    t.after(async () => {
        await removeRig(stale).catch(() => { });
        await cli(['down', '--name', name]);
    });
    const { board, boardRec } = await makeStaleRig(stale);
    await cliOk(['up', '--name', name, '--wait', 'booted']);
    await exited(board);
    assert.equal(isAlive(boardRec), false);
    assert.deepEqual(namespacesOfRig(stale), []);
    assert.equal(existsSync(rigDir(stale)), false);
    assert.equal((await rig(name).status()).boards.length, 2);
    await cliOk(['down', '--name', name]);
    assert.deepEqual(namespacesOfRig(name), []);
    assert.equal(existsSync(rigDir(name)), false);
});
//# sourceMappingURL=cleanup.test.js.map