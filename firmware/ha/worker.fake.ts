/**
 * A heartbeat worker for tests of the main thread's side (runtime.ts), in place of worker.js on
 * a node Worker: it keeps the WorkerInit it was started with and what the main thread posts to
 * it, and emits what a node Worker emits when the test says so: 'message' with what the worker
 * would post, 'error', and 'exit' once. It behaves as node's does: messages are structured
 * clones both ways (a value that cannot be cloned throws DataCloneError), a message posted to a
 * worker that has exited is dropped, and terminate() ends it with code 1, the 'exit' event
 * coming after the call returns.
 */
import { EventEmitter } from 'node:events';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

export class FakeHeartbeatWorker extends EventEmitter {
  /** What the main thread posted, in order. */
  readonly posted: ToWorker[] = [];
  terminated = false;
  /** The exit code once it has exited. */
  exitCode: number | null = null;

  constructor(readonly init: WorkerInit) {
    super();
  }

  postMessage(msg: ToWorker): void {
    if (this.exitCode === null) this.posted.push(structuredClone(msg));
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

  /** The worker posts `msg` to the main thread. */
  post(msg: FromWorker): void {
    if (this.exitCode === null) this.emit('message', structuredClone(msg));
  }

  /** The worker thread ends with `code` (0: its loop returned after a leave). */
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.emit('exit', code);
  }

  /** The types of the messages posted so far. */
  get postedTypes(): ToWorker['type'][] {
    return this.posted.map((m) => m.type);
  }
}

/** Starts fake workers and keeps them, for HaRuntimeOptions.startWorker. */
export class FakeWorkerStarter {
  readonly started: FakeHeartbeatWorker[] = [];

  readonly start = (init: WorkerInit): FakeHeartbeatWorker => {
    const w = new FakeHeartbeatWorker(structuredClone(init));
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
