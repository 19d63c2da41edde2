/**
 * Running the rig's helper commands (`ip`, `sysctl`). Failures become CommandError naming the
 * command line and carrying its stderr, so a broken topology says what the kernel refused.
 */
import { spawn } from 'node:child_process';
import { CommandError } from './errors.js';
function quote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
export function commandLine(cmd, args) {
    return [cmd, ...args].map(quote).join(' ');
}
/** Runs a command to completion; rejects with CommandError on a non-zero exit. */
export function run(cmd, args, input) {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        child.on('error', (e) => reject(new CommandError(commandLine(cmd, args), null, e.message)));
        child.on('close', (code) => {
            const result = { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
            if (code === 0)
                resolve(result);
            else
                reject(new CommandError(commandLine(cmd, args), code, result.stderr));
        });
        child.stdin.on('error', () => { });
        child.stdin.end(input ?? '');
    });
}
export async function ip(args) {
    return (await run('ip', args)).stdout;
}
/** `ip -j ...` parsed. */
export async function ipJson(args) {
    const out = await ip(['-j', ...args]);
    return (out.trim() ? JSON.parse(out) : []);
}
/**
 * Several `ip` commands in one process (`ip -batch`), optionally inside a namespace. Stops at
 * the first failure and names the line that failed.
 */
export async function ipBatch(namespace, lines) {
    if (lines.length === 0)
        return;
    const args = namespace ? ['-n', namespace, '-batch', '-'] : ['-batch', '-'];
    try {
        await run('ip', args, `${lines.join('\n')}\n`);
    }
    catch (e) {
        if (!(e instanceof CommandError))
            throw e;
        const m = /Command failed -:(\d+)/.exec(e.stderr);
        const failed = m ? lines[Number(m[1]) - 1] : undefined;
        const where = namespace ? `ip -n ${namespace}` : 'ip';
        throw new CommandError(failed ? `${where} ${failed}` : commandLine('ip', args), e.exitCode, e.stderr);
    }
}
/** Sets sysctls inside a namespace. */
export async function sysctlIn(namespace, settings) {
    const pairs = Object.entries(settings).map(([k, v]) => `${k}=${v}`);
    await run('ip', ['netns', 'exec', namespace, 'sysctl', '-q', '-w', ...pairs]);
}
//# sourceMappingURL=shell.js.map