/**
 * A heartbeat worker for tests of the main process's side (runtime.ts), in place of the worker
 * process (worker-process.ts): it keeps the WorkerInit and the stamps' fd it was started with
 * and what the main process sends it, and emits what the process wrapper emits when the test
 * says so: 'message' with what the worker would send, 'error', and 'exit' once. It behaves as
 * the wrapper does: messages go through the socket's framing both ways (worker-channel.ts, so
 * a value CBOR cannot carry fails here too), a message sent to a worker that has exited is
 * dropped, an exit with a code other than 0 that nobody asked for is an 'error' first, and
 * terminate() ends it with code 1, the 'exit' event coming after the call returns.
 */
import { EventEmitter } from 'node:events';
import { encodeMessage, MessageReader } from './worker-channel.js';
/** `msg` as the other end of the socket reads it. */
function throughSocket(msg) {
    const reader = new MessageReader();
    reader.push(encodeMessage(msg));
    return reader.next();
}
export class FakeHeartbeatWorker extends EventEmitter {
    init;
    healthFd;
    /** What the main process sent, in order. */
    posted = [];
    terminated = false;
    /** The exit code once it has exited. */
    exitCode = null;
    constructor(init, healthFd) {
        super();
        this.init = init;
        this.healthFd = healthFd;
    }
    postMessage(msg) {
        if (this.exitCode === null)
            this.posted.push(throughSocket(msg));
    }
    terminate() {
        this.terminated = true;
        return new Promise((resolve) => setImmediate(() => {
            this.exit(1);
            resolve(this.exitCode ?? 1);
        }));
    }
    /** The worker sends `msg` to the main process. */
    post(msg) {
        if (this.exitCode === null)
            this.emit('message', throughSocket(msg));
    }
    /** The worker process ends with `code` (0: its loop returned after a leave). */
    exit(code = 0) {
        if (this.exitCode !== null)
            return;
        this.exitCode = code;
        if (code !== 0 && !this.terminated)
            this.emit('error', new Error(`the heartbeat worker process ended (code ${code})`));
        this.emit('exit', code);
    }
    /** The types of the messages sent so far. */
    get postedTypes() {
        return this.posted.map((m) => m.type);
    }
}
/** Starts fake workers and keeps them, for HaRuntimeOptions.startWorker. */
export class FakeWorkerStarter {
    started = [];
    start = (init, healthFd) => {
        const w = new FakeHeartbeatWorker(throughSocket(init), healthFd);
        this.started.push(w);
        return w;
    };
    /** The worker started last. */
    get latest() {
        const w = this.started.at(-1);
        if (!w)
            throw new Error('FakeWorkerStarter: no worker was started');
        return w;
    }
}
//# sourceMappingURL=worker.fake.js.map