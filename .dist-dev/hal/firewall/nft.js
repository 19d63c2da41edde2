/**
 * FirewallDevice over `nft -f -`. Measured against libnftables through koffi (README, design):
 * the library saves about 20 ms per apply at small sizes but blocks the calling thread for the
 * whole transaction (seconds at a thousand policies) and brings native code into the HA
 * process; a child process runs beside the event loop and reports the line of an error.
 */
import { spawn } from 'node:child_process';
import { HalError } from '../errors.js';
/** Bounded so one stuck nft cannot hold every later apply behind it. */
const APPLY_TIMEOUT_MS = 30_000;
function runNft(command, ruleset) {
    const [file = 'nft', ...args] = command;
    return new Promise((resolve, reject) => {
        const child = spawn(file, [...args, '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
        // Our own timer, not spawn's `timeout`: that one is cleared only on 'exit', which never
        // comes when the command cannot be started, and would hold the process for its duration.
        const timer = setTimeout(() => child.kill('SIGKILL'), APPLY_TIMEOUT_MS);
        let stderr = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 8192)
                stderr += chunk;
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(new HalError('nftables', 'apply', Number(err.errno ? -err.errno : 0), `cannot run ${file}: ${err.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0)
                resolve();
            else
                reject(new HalError('nftables', 'apply', 0, `nft -f exited ${signal ?? code}: ${stderr.trim() || 'no message'}`));
        });
        child.stdin.on('error', () => { });
        child.stdin.end(ruleset);
    });
}
/** `command` runs nft (tests prefix it with `ip netns exec <ns>`). */
export function createNftFirewall(command = ['nft']) {
    // Applies run one at a time, in order: the last one asked for is the one left in force.
    let queue = Promise.resolve();
    return {
        apply(ruleset) {
            const run = queue.then(() => runNft(command, ruleset));
            queue = run.catch(() => { });
            return run;
        },
    };
}
//# sourceMappingURL=nft.js.map