/**
 * A rig for one scenario file: brought up through the CLI with the given board configs, torn
 * down after the file's tests (also when they fail).
 */
import { readFileSync, statSync } from 'node:fs';
import { boardLogFile, uniqueRigName } from '../paths.js';
import { rig } from '../rig.js';
import { cli, cliOk, configArgs, configFiles, needRig } from '../rig.testkit.js';
import { boardStatus } from '../status.js';
/**
 * Returns null (test skipped) when this machine cannot run rigs outside CI. `arm64` boards run
 * the arm64 bundle under qemu-user (`up --arm64`) and boot slowly: up waits 180 s then, not 60.
 */
export async function scenarioRig(t, configs, wait = 'formed', o = {}) {
    if (!(await needRig(t, { firmware: true })))
        return null;
    const name = uniqueRigName('s');
    const files = configFiles(configs);
    const down = async () => {
        await cli(['down', '--name', name]);
        files.remove();
    };
    try {
        const arm64 = (o.arm64 ?? []).flatMap((b) => ['--arm64', b]);
        const timeoutS = arm64.length > 0 ? '180' : '60';
        await cliOk(['up', '--name', name, '--wait', wait, '--timeout', timeoutS, ...arm64, ...configArgs(files.paths)]);
    }
    catch (err) {
        await down();
        throw err;
    }
    const r = rig(name);
    return {
        name,
        rig: r,
        cli: (args) => cliOk([...args, '--name', name]),
        until: (pred, what, timeoutMs = 20_000) => r.waitFor(pred, timeoutMs, what),
        log: (board, mark = 0) => readFileSync(boardLogFile(name, board)).subarray(mark).toString('utf8'),
        mark: (board) => statSync(boardLogFile(name, board)).size,
        down,
    };
}
export const stateOf = (s, b) => boardStatus(s, b).state;
/** Exactly one board in work, the others in standby, all agreeing on it and seeing all live members. */
export function onePrimary(s, live) {
    const working = live.filter((b) => stateOf(s, b) === 'work');
    if (working.length !== 1 || live.some((b) => stateOf(s, b) === 'hello'))
        return false;
    return live.every((b) => boardStatus(s, b).primary === working[0] && boardStatus(s, b).members === live.length);
}
/** Waits until the rig's CLOCK_MONOTONIC passes `atMs` (a fault's time plus a margin). */
export async function untilTime(sr, atMs) {
    await sr.until((s) => s.nowMs >= atMs, `time ${atMs.toFixed(0)}`, atMs + 20_000);
}
/**
 * Formed, with `board` the primary. Boards booted together under the suite's load may come up
 * further apart than the rigs' short `ha-uptime-diff-margin` (1 s, so that a restarted unit
 * does not take the role back), and the older then wins on age whatever the priorities. So the
 * winner's age is reset as an operator moves the role (`diagnose sys ha reset-uptime`), and the
 * election goes as the scenario set it up.
 */
export async function primaryOnForming(sr, board, live = ['A', 'B']) {
    const s = await sr.until((x) => onePrimary(x, live), `${live.join(' and ')} formed`);
    const winner = live.find((b) => stateOf(s, b) === 'work');
    if (winner !== undefined && winner !== board)
        await sr.rig.exec(winner, 'diagnose sys ha reset-uptime');
    return sr.until((x) => onePrimary(x, live) && stateOf(x, board) === 'work', `${board} primary`);
}
//# sourceMappingURL=scenario-rig.testkit.js.map