/**
 * A Debian daemon run in the rig's server namespace for a scenario (vsftpd, rsyslogd): started
 * in the foreground as a child of the process that asks, ready once it listens, and stopped by
 * killing every process of that name in the namespace (some fork a process per session). The
 * rig's teardown kills whatever runs in its namespaces anyway, so it goes with the rig.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { RigError } from './errors.js';
import { srvNamespace } from './paths.js';
import { signalQuietly } from './processes.js';
import { run } from './shell.js';
const READY_TIMEOUT_MS = 5000;
/** Why `command` is not on this machine (scripts/ensure-tools.js installs `pkg`), or null. */
export async function toolUnavailable(command, pkg) {
    try {
        await run('sh', ['-c', `command -v ${command}`]);
        return null;
    }
    catch {
        return `needs ${command} (Debian package ${pkg}; scripts/ensure-tools.js installs it)`;
    }
}
/** Starts the daemon in `rig`'s server namespace; resolves with its stop() once it listens. */
export async function startSrvDaemon(rig, spec) {
    const ns = srvNamespace(rig);
    const program = spec.argv[0] ?? '';
    const comm = program.slice(0, 15);
    let exited = null;
    const child = spawn('ip', ['netns', 'exec', ns, ...spec.argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => {
        stderr += d.toString();
    });
    child.on('exit', (code, signal) => {
        exited = signal ? `killed by ${signal}` : `exit code ${code}`;
    });
    child.on('error', (e) => {
        exited = e.message;
    });
    const stop = async () => {
        const { stdout } = await run('ip', ['netns', 'pids', ns]).catch(() => ({ stdout: '' }));
        for (const pid of stdout.split(/\s+/).filter(Boolean)) {
            try {
                if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm)
                    signalQuietly(Number(pid), 'SIGKILL');
            }
            catch {
                // gone already
            }
        }
        if (child.pid !== undefined)
            signalQuietly(child.pid, 'SIGKILL');
    };
    for (const until = Date.now() + READY_TIMEOUT_MS; !(await spec.listening(ns)); await sleep(50)) {
        if (exited !== null || Date.now() > until) {
            await stop();
            throw new RigError(`${program} did not start in ${ns} (${exited ?? 'not listening'}): ${stderr.trim() || spec.detail?.() || ''}`);
        }
    }
    return { stop };
}
//# sourceMappingURL=srv-daemon.js.map