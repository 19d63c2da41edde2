/**
 * The supervisor's handle on one traffic agent: `ip netns exec <ns> node <agent> <args>`,
 * which execs node in place (the pid is the agent's). Commands go down stdin, answers come up
 * stdout in order; stderr goes to the supervisor's log. An agent exits when its stdin closes,
 * so it does not outlive a supervisor that dies.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RigError } from '../errors.js';
import { readLines } from '../jsonl.js';
import { signalQuietly } from '../processes.js';
const HERE = dirname(fileURLToPath(import.meta.url));
/** The agents are short of garbage, and a collection must not stall the prober's loop on helper threads. */
const NODE_FLAGS = ['--single-threaded-gc', '--enable-source-maps'];
export class AgentProcess {
    name;
    child;
    waiters = [];
    exitText = null;
    exited;
    readyPromise;
    /** Starts `script` (a file next to this one) in namespace `ns`. */
    constructor(name, ns, script, args) {
        this.name = name;
        this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, ...NODE_FLAGS, join(HERE, script), JSON.stringify(args)], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        this.child.stdin?.on('error', () => { });
        let ready = null;
        this.readyPromise = new Promise((resolve, reject) => {
            ready = { resolve: () => resolve(), reject };
        });
        this.readyPromise.catch(() => { });
        this.exited = new Promise((resolve) => {
            const done = (text) => {
                if (this.exitText !== null)
                    return;
                this.exitText = text;
                const e = new RigError(`${this.name} exited (${text}); its errors are in the supervisor's log`);
                ready?.reject(e);
                for (const w of this.waiters.splice(0))
                    w.reject(e);
                resolve();
            };
            this.child.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : `code ${code}`));
            this.child.on('error', (e) => done(e.message));
        });
        if (this.child.stdout) {
            readLines(this.child.stdout, (line) => {
                let value;
                try {
                    value = JSON.parse(line);
                }
                catch {
                    return;
                }
                if (ready) {
                    ready.resolve(undefined);
                    ready = null;
                    return;
                }
                this.waiters.shift()?.resolve(value);
            });
        }
    }
    get pid() {
        return this.child.pid;
    }
    get running() {
        return this.exitText === null;
    }
    async waitReady(timeoutMs) {
        await this.within(this.readyPromise, timeoutMs, 'to start');
    }
    /** Sends a command; resolves to the agent's answer. An agent that does not answer in time is killed. */
    request(command, timeoutMs) {
        if (this.exitText !== null) {
            return Promise.reject(new RigError(`${this.name} exited (${this.exitText}); its errors are in the supervisor's log`));
        }
        const answer = new Promise((resolve, reject) => {
            this.waiters.push({ resolve: resolve, reject });
        });
        this.child.stdin?.write(`${command}\n`);
        return this.within(answer, timeoutMs, `to answer ${command}`);
    }
    /** SIGKILL (if still running) and wait for the exit. */
    async kill() {
        if (this.exitText === null && this.child.pid !== undefined)
            signalQuietly(this.child.pid, 'SIGKILL');
        await this.exited;
    }
    /** Waits for the exit the agent makes by itself after `stop`; kills it after `timeoutMs`. */
    async waitExit(timeoutMs) {
        const timer = setTimeout(() => void this.kill(), timeoutMs);
        await this.exited;
        clearTimeout(timer);
    }
    async within(p, timeoutMs, what) {
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => {
                void this.kill();
                reject(new RigError(`${this.name} did not manage ${what} in ${timeoutMs} ms`));
            }, timeoutMs);
        });
        try {
            return await Promise.race([p, timeout]);
        }
        finally {
            clearTimeout(timer);
        }
    }
}
//# sourceMappingURL=agent-process.js.map