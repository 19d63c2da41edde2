/**
 * Helpers for tests that run real rigs: whether this machine can (root, iproute2, network
 * namespaces), unique rig names, the CLI as a child process, configuration files.
 *
 *   test('B takes over', async (t) => {
 *     if (!(await needRig(t, { firmware: true }))) return;
 *     const name = uniqueRigName();
 *     t.after(() => cli(['down', '--name', name]));
 *     await cliOk(['up', '--name', name]);
 *     ...
 *   });
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RigError } from './errors.js';
import { DEFAULT_FIRMWARE, REPO_ROOT } from './launcher.js';
import { run } from './shell.js';
export const CLI_BIN = join(REPO_ROOT, 'bin', 'tandem-rig.js');
let support = null;
async function probe() {
    if (process.getuid?.() !== 0)
        return 'network namespaces need root';
    try {
        await run('ip', ['-V']);
    }
    catch {
        return 'iproute2 (ip) is not installed';
    }
    const ns = `tdmprobe${process.pid}`;
    try {
        await run('ip', ['netns', 'add', ns]);
    }
    catch (e) {
        return `cannot create a network namespace: ${e.message}`;
    }
    await run('ip', ['netns', 'del', ns]).catch(() => { });
    return null;
}
/** Why rigs cannot run here, or null when they can. */
export function rigUnsupported() {
    support ??= probe();
    return support;
}
/**
 * True when the test can go on. Otherwise the test is skipped with the reason, or fails
 * when CI is set (a CI machine must run everything).
 */
export async function needRig(t, o = {}) {
    let why = await rigUnsupported();
    if (!why && o.firmware && !existsSync(DEFAULT_FIRMWARE)) {
        why = `firmware entry ${DEFAULT_FIRMWARE} is not built (npx tsc -p .)`;
    }
    if (!why)
        return true;
    if (process.env.CI)
        throw new RigError(`rig test cannot run: ${why}`);
    t.skip(why);
    return false;
}
/** Runs `node bin/tandem-rig.js ...args --json`; never rejects on a non-zero exit. */
export function cli(args, o = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_BIN, ...args, '--json'], {
            cwd: REPO_ROOT,
            env: { ...process.env, ...o.env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.stderr.on('data', (c) => (stderr += c));
        child.on('error', reject);
        child.on('close', (code) => {
            let json = {};
            try {
                json = JSON.parse(stdout);
            }
            catch {
                json = { ok: false, error: `not JSON: ${stdout}${stderr}` };
            }
            resolve({ code, stdout, stderr, json });
        });
    });
}
/** Like cli(), but rejects with the CLI's error unless it succeeded. */
export async function cliOk(args) {
    const r = await cli(args);
    if (r.code !== 0 || r.json.ok !== true) {
        throw new RigError(`tandem-rig ${args.join(' ')} failed (exit ${r.code}): ${r.json.error ?? r.stderr}`);
    }
    return r.json;
}
/** Writes configuration texts to temporary files (for `up --config`); removed by the returned function. */
export function configFiles(texts) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-rig-conf-'));
    const paths = texts.map((text, i) => {
        const p = join(dir, `board${i}.conf`);
        writeFileSync(p, text);
        return p;
    });
    return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
/** `--config a --config b` for up. */
export function configArgs(paths) {
    return paths.flatMap((p) => ['--config', p]);
}
//# sourceMappingURL=rig.testkit.js.map