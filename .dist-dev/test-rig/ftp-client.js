/**
 * The test's handle on an FTP client in the rig's client namespace (ftp-client-main.ts, run
 * with `ip netns exec`): each method sends one command and resolves to its answer. The client
 * exits when its stdin closes, so it does not outlive the test; the rig's teardown kills it too.
 * After an answer that timed out, answers no longer match commands: close the client.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RigError } from './errors.js';
import { cliNamespace } from './paths.js';
import { signalQuietly } from './processes.js';
const HERE = dirname(fileURLToPath(import.meta.url));
const ANSWER_MS = 30_000;
export class FtpClient {
    child;
    waiting = [];
    ready;
    exited = null;
    constructor(rig) {
        this.child = spawn('ip', ['netns', 'exec', cliNamespace(rig), process.execPath, join(HERE, 'ftp-client-main.js')], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        this.child.stdin?.on('error', () => { });
        this.ready = new Promise((resolve) => this.waiting.push(resolve));
        if (this.child.stdout) {
            createInterface({ input: this.child.stdout }).on('line', (line) => {
                let answer;
                try {
                    answer = JSON.parse(line);
                }
                catch {
                    return;
                }
                this.waiting.shift()?.(answer);
            });
        }
        this.child.on('exit', (code, signal) => {
            this.exited = signal ? `killed by ${signal}` : `exit code ${code}`;
            for (const w of this.waiting.splice(0))
                w({ ok: false, error: `the FTP client exited (${this.exited})` });
        });
    }
    /** Sends one command; resolves to its answer (never rejects: a failure is `ok: false`). */
    async send(command, timeoutMs = ANSWER_MS) {
        await this.ready;
        if (this.exited !== null)
            return { ok: false, error: `the FTP client exited (${this.exited})` };
        const answer = new Promise((resolve) => this.waiting.push(resolve));
        this.child.stdin?.write(`${JSON.stringify(command)}\n`);
        let timer;
        const late = new Promise((resolve) => {
            timer = setTimeout(() => resolve({ ok: false, error: `no answer to ${JSON.stringify(command)} within ${timeoutMs} ms` }), timeoutMs);
        });
        try {
            return await Promise.race([answer, late]);
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Like send(), failing the test with the client's error unless the command succeeded. */
    async ok(command, timeoutMs = ANSWER_MS) {
        const a = await this.send(command, timeoutMs);
        if (!a.ok)
            throw new RigError(`FTP ${JSON.stringify(command)}: ${a.error}`);
        return a;
    }
    close() {
        this.child.stdin?.end();
        if (this.child.pid !== undefined && this.exited === null)
            signalQuietly(this.child.pid, 'SIGKILL');
    }
}
//# sourceMappingURL=ftp-client.js.map