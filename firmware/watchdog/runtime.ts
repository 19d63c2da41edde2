/**
 * The watchdog on the main thread's side: at boot it reads why the previous run ended and marks
 * this run as running; then it stamps the main thread's liveness every MAIN_STAMP_MS and runs
 * the keeper thread (keeper-worker.ts), which kicks the board's watchdog while the runtime is
 * healthy. `stop` closes the watchdog with the magic character, so a clean exit is not reset.
 */
import { Worker } from 'node:worker_threads';
import { type Clock, wallTimeIso } from '../../hal/clock/index.js';
import type { IpcDevice } from '../../hal/ipc/index.js';
import type { StorageDevice } from '../../hal/storage/index.js';
import type { WatchdogDevice } from '../../hal/watchdog/index.js';
import { createLogger, type LogRecord } from '../log/logger.js';
import { WORKER_RESOURCE_LIMITS } from '../node-flags.js';
import type { Cancel, Timers } from '../time/timers.js';
import { HEALTH_BYTES, type HealthLimits, HealthStamps, MAIN_THREAD } from './health.js';
import type { FromKeeper, KeeperInit, ToKeeper } from './keeper-protocol.js';
import { previousRunEnd, type RunEnd, RunRecords } from './run-record.js';

const log = createLogger('watchdog');
/** Often enough that a stamp's age measures the event loop's lag to within a tenth of a second. */
const MAIN_STAMP_MS = 100;
/** A keeper that does not answer `stop` in time is terminated (no magic close: the board resets). */
const STOP_TIMEOUT_MS = 2000;

export interface WatchdogRuntimeOptions {
  watchdog: WatchdogDevice;
  /** For the stamps' shared memory, which the keeper thread and the heartbeat worker process map. */
  ipc: IpcDevice;
  storage: StorageDevice;
  /** The board's watchdog data. */
  board: { device: string; bootStatus: string; timeoutS: number } & HealthLimits;
  recordPath: string;
  /** This boot's kernel boot id (undefined when it cannot be read). */
  kernelBoot: string | undefined;
  /** The service manager's watchdog, pinged by the keeper thread on its verdict; null when it is off. */
  service: { socket: string; intervalMs: number } | null;
  clock: Clock;
  timers: Timers;
  onLog: (r: LogRecord) => void;
}

export type WatchdogStatus =
  | { state: 'starting' }
  | { state: 'kicking'; timeoutS: number | null }
  | { state: 'unavailable'; reason: string }
  | { state: 'stopped' };

export class WatchdogRuntime {
  readonly stamps: HealthStamps;
  /** Why the previous run ended, as the boot found it. */
  readonly previousRun: RunEnd;
  private worker: Worker | null = null;
  private cancelStamp: Cancel = () => {};
  status: WatchdogStatus = { state: 'starting' };

  constructor(private readonly o: WatchdogRuntimeOptions) {
    this.stamps = new HealthStamps(o.ipc.createSharedMemory(HEALTH_BYTES));
    const records = new RunRecords(o.storage, o.recordPath);
    this.previousRun = previousRunEnd(records.read(), o.kernelBoot, o.watchdog.bootStatus(o.board.bootStatus));
    try {
      records.write({ state: 'running', kernelBoot: o.kernelBoot ?? '', sinceWall: wallTimeIso(o.clock) });
    } catch (err) {
      log.event(`cannot write the run record ${o.recordPath}: ${(err as Error).message}`, 'error');
    }
  }

  /** Starts stamping and the keeper thread. */
  start(): void {
    const stamp = () => {
      this.stamps.stamp(MAIN_THREAD, this.o.clock.nowMs());
      this.cancelStamp = this.o.timers.after(MAIN_STAMP_MS, stamp);
    };
    stamp();
    const { device, timeoutS, maxMainLagMs, maxWorkerStallMs } = this.o.board;
    const init: KeeperInit = {
      device,
      timeoutS,
      limits: { maxMainLagMs, maxWorkerStallMs },
      healthFd: this.stamps.memory.fd,
      recordPath: this.o.recordPath,
      kernelBoot: this.o.kernelBoot ?? '',
      service: this.o.service,
    };
    const worker = new Worker(new URL('./keeper-worker.js', import.meta.url), {
      workerData: init,
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    worker.on('message', (m: FromKeeper) => this.onMessage(m));
    worker.on('error', (err) => log.event(`watchdog keeper failed: ${err.stack ?? err.message}`, 'error'));
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
  }

  /** Magic close after recording a clean stop; resolves when the keeper has ended. */
  stop(reason: string): Promise<void> {
    this.cancelStamp();
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = this.o.timers.after(STOP_TIMEOUT_MS, () => void worker.terminate());
      worker.once('exit', () => {
        cancel();
        resolve();
      });
      worker.postMessage({ type: 'stop', reason } satisfies ToKeeper);
    });
  }

  private onMessage(m: FromKeeper): void {
    switch (m.type) {
      case 'log':
        this.o.onLog(m.record);
        break;
      case 'opened':
        this.status = { state: 'kicking', timeoutS: m.timeoutS };
        log.info(`watchdog ${this.o.board.device} armed (${m.timeoutS ?? this.o.board.timeoutS} s)`);
        break;
      case 'unavailable':
        this.status = { state: 'unavailable', reason: m.reason };
        log.event(`watchdog unavailable, running without: ${m.reason}`, 'warn');
        break;
      case 'stopped':
        this.status = { state: 'stopped' };
        break;
    }
  }
}
