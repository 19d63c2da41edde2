/**
 * Starting a rig's supervisor: a detached process (its own session, so a closing terminal or a
 * finished test runner does not take it down) whose output goes to supervisor.log. The
 * launcher keeps a descriptor of that log, so when the supervisor fails and removes its state
 * folder the reason can still be read and reported.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlStatus } from './control.js';
import { RigError } from './errors.js';
import { rigDir, supervisorLog, upSpecFile } from './paths.js';
import { signalQuietly } from './processes.js';
import { claimRig } from './state.js';
const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file runs from dist/test-rig/). */
export const REPO_ROOT = dirname(dirname(HERE));
export const DEFAULT_FIRMWARE = join(REPO_ROOT, 'dist', 'firmware', 'main.js');
const SUPERVISOR_MAIN = join(HERE, 'supervisor-main.js');
/** The firmware entry a rig runs: the explicit one, else TANDEM_RIG_FIRMWARE, else dist/firmware/main.js. */
export function firmwareEntry(explicit) {
    const entry = resolve(explicit ?? (process.env.TANDEM_RIG_FIRMWARE || DEFAULT_FIRMWARE));
    if (!existsSync(entry)) {
        throw new RigError(`firmware entry ${entry} does not exist (build with: npx tsc -p .)`);
    }
    return entry;
}
function readAll(fd) {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    return buf.toString();
}
const lastLines = (text, n) => text.trimEnd().split('\n').slice(-n).join('\n');
/** Starts the supervisor and resolves once it answers on rig.sock. */
export async function launchSupervisor(rig, spec, readyTimeoutMs = 60_000) {
    mkdirSync(rigDir(rig), { recursive: true });
    // Until the supervisor records itself, this process owns the rig, so a concurrent cleanup
    // does not take the folder for the remains of a dead rig.
    claimRig(rig, spec.boards);
    writeFileSync(upSpecFile(rig), JSON.stringify(spec));
    const logOut = openSync(supervisorLog(rig), 'a');
    const logIn = openSync(supervisorLog(rig), 'r');
    try {
        // The supervisor and its boards must not believe they run under the caller's test runner.
        const { NODE_TEST_CONTEXT: _, ...env } = process.env;
        const child = spawn(process.execPath, ['--enable-source-maps', SUPERVISOR_MAIN, rig], {
            cwd: spec.cwd,
            env,
            detached: true,
            stdio: ['ignore', logOut, logOut],
        });
        child.unref();
        let exit = null;
        child.on('exit', (code, signal) => {
            exit = signal ? `killed by ${signal}` : `exit code ${code}`;
        });
        child.on('error', (e) => {
            exit = e.message;
        });
        const deadline = Date.now() + readyTimeoutMs;
        for (;;) {
            if (exit !== null) {
                throw new RigError(`rig "${rig}": supervisor failed (${exit}):\n${lastLines(readAll(logIn), 15)}`);
            }
            try {
                await controlStatus(rig, 5000);
                return child.pid ?? 0;
            }
            catch {
                // Not listening yet.
            }
            if (Date.now() > deadline) {
                if (child.pid)
                    signalQuietly(child.pid, 'SIGTERM');
                throw new RigError(`rig "${rig}": supervisor not ready after ${readyTimeoutMs / 1000} s:\n${lastLines(readAll(logIn), 15)}`);
            }
            await new Promise((r) => setTimeout(r, 50));
        }
    }
    finally {
        closeSync(logOut);
        closeSync(logIn);
    }
}
//# sourceMappingURL=launcher.js.map