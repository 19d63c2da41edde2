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
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

/** `msg` as the other end of the socket reads it. */
function throughSocket<T>(msg: T): T {
  const reader = new MessageReader();
  reader.push(encodeMessage(msg));
  return reader.next() as T;
}

export class FakeHeartbeatWorker extends EventEmitter {
  /** What the main process sent, in order. */
  readonly posted: ToWorker[] = [];
  terminated = false;
  /** The exit code once it has exited. */
  exitCode: number | null = null;

  constructor(
    readonly init: WorkerInit,
    readonly healthFd: number,
  ) {
    super();
  }

  postMessage(msg: ToWorker): void {
    if (this.exitCode === null) this.posted.push(throughSocket(msg));
  }

  terminate(): Promise<number> {
    this.terminated = true;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.exit(1);
        resolve(this.exitCode ?? 1);
      }),
    );
  }

  /** The worker sends `msg` to the main process. */
  post(msg: FromWorker): void {
    if (this.exitCode === null) this.emit('message', throughSocket(msg));
  }

  /**
   * A message the main process reads after the worker's 'exit': a child process's exit can be
   * reported before the last data on its socket is read (worker-process.ts listens for 'exit').
   */
  postAfterExit(msg: FromWorker): void {
    this.emit('message', throughSocket(msg));
  }

  /** The worker process ends with `code` (0: its loop returned after a leave). */
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    if (code !== 0 && !this.terminated) this.emit('error', new Error(`the heartbeat worker process ended (code ${code})`));
    this.emit('exit', code);
  }

  /** The types of the messages sent so far. */
  get postedTypes(): ToWorker['type'][] {
    return this.posted.map((m) => m.type);
  }
}

/** Starts fake workers and keeps them, for HaRuntimeOptions.startWorker. */
export class FakeWorkerStarter {
  readonly started: FakeHeartbeatWorker[] = [];

  readonly start = (init: WorkerInit, healthFd: number): FakeHeartbeatWorker => {
    const w = new FakeHeartbeatWorker(throughSocket(init), healthFd);
    this.started.push(w);
    return w;
  };

  /** The worker started last. */
  get latest(): FakeHeartbeatWorker {
    const w = this.started.at(-1);
    if (!w) throw new Error('FakeWorkerStarter: no worker was started');
    return w;
  }
}
