/**
 * Starting the heartbeat worker as a process of its own (worker.ts) and driving it as the HA
 * runtime's HeartbeatWorker: commands go down its stream socket (fd 3 in the worker), reports
 * come up the same socket, and the watchdog's liveness stamps are shared memory at fd 4.
 *
 * The worker inherits this process's network namespace, flags and stdout/stderr (the firmware's
 * log). The kernel kills it if this process dies (worker.ts asks for PR_SET_PDEATHSIG), and
 * this side kills it with SIGKILL on terminate().
 *
 * TANDEM_EXEC_WRAPPER (a command and its arguments, separated by spaces) goes in front of the
 * worker's command. It is how the firmware runs under qemu-user where binfmt_misc is missing: the
 * emulated Node cannot exec its own binary, so the worker is started as
 * `qemu-aarch64-static -L <sysroot> <node> …` with TANDEM_EXEC_WRAPPER="qemu-aarch64-static -L <sysroot>".
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { encodeMessage, MessageReader } from './worker-channel.js';
import { WORKER_STREAM_FD } from './worker-protocol.js';
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** The worker's command line: TANDEM_EXEC_WRAPPER's words, then this Node with its flags. */
export function workerCommand(wrapper) {
    const command = [...(wrapper ?? '').split(/\s+/).filter((w) => w !== ''), process.execPath];
    const [file = process.execPath, ...front] = command;
    return { file, args: [...front, ...process.execArgv, WORKER_SCRIPT.pathname] };
}
function spawnWorker(healthFd) {
    const { file, args } = workerCommand(process.env.TANDEM_EXEC_WRAPPER);
    return spawn(file, args, {
        // Slots 3 and 4: WORKER_STREAM_FD and WORKER_HEALTH_FD.
        stdio: ['ignore', 'inherit', 'inherit', 'pipe', healthFd],
    });
}
class WorkerProcess extends EventEmitter {
    child;
    socket;
    reader = new MessageReader();
    exited = false;
    failed = false;
    constructor(child, init) {
        super();
        this.child = child;
        this.socket = this.child.stdio[WORKER_STREAM_FD];
        if (child.exitCode !== null || child.signalCode !== null) {
            // It ended while it waited for its init (spawnSpareWorkerProcess): reported as any end is.
            process.nextTick(() => {
                this.exited = true;
                this.fail(new Error(`the heartbeat worker process ended before its start (${child.signalCode ?? `code ${child.exitCode}`})`));
                this.emit('exit', child.exitCode ?? 1);
            });
            return;
        }
        this.socket.on('data', (chunk) => this.onData(chunk));
        // A socket error is followed by the process's exit, which says what happened.
        this.socket.on('error', () => { });
        this.child.on('error', (err) => this.fail(err));
        this.child.once('exit', (code, signal) => {
            this.exited = true;
            if (code !== 0)
                this.fail(new Error(`the heartbeat worker process ended (${signal ? `killed by ${signal}` : `code ${code}`})`));
            this.emit('exit', code ?? 1);
        });
        this.socket.write(encodeMessage(init));
    }
    postMessage(msg) {
        if (!this.exited)
            this.socket.write(encodeMessage(msg));
    }
    terminate() {
        if (this.exited)
            return Promise.resolve(1);
        this.failed = true; // asked for: not a failure to report
        return new Promise((resolve) => {
            this.child.once('exit', (code) => resolve(code ?? 1));
            this.child.kill('SIGKILL');
        });
    }
    onData(chunk) {
        this.reader.push(chunk);
        for (let m = this.reader.next(); m !== undefined; m = this.reader.next())
            this.emit('message', m);
        if (this.reader.broken) {
            this.fail(new Error(`the heartbeat worker process sent ${this.reader.broken}`));
            this.child.kill('SIGKILL');
        }
    }
    fail(err) {
        if (this.failed)
            return;
        this.failed = true;
        this.emit('error', err);
    }
}
/** Starts firmware/ha/worker.js as a process sharing the watchdog's stamps at `healthFd`, its init to follow. */
export function spawnSpareWorkerProcess(healthFd) {
    const child = spawnWorker(healthFd);
    // An exit before `start` is seen by the WorkerProcess through exitCode; nothing to report yet.
    child.on('error', () => { });
    return {
        start: (init) => new WorkerProcess(child, init),
        discard: () => {
            child.kill('SIGKILL');
        },
    };
}
/** Starts firmware/ha/worker.js as a process sharing the watchdog's stamps at `healthFd`. */
export function startWorkerProcess(init, healthFd) {
    return spawnSpareWorkerProcess(healthFd).start(init);
}
//# sourceMappingURL=worker-process.js.map