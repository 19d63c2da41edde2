/**
 * The watchdog on the main thread's side: at boot it reads why the previous run ended and marks
 * this run as running; then it stamps the main thread's liveness every MAIN_STAMP_MS and runs
 * the keeper thread (keeper-worker.ts), which kicks the board's watchdog while the runtime is
 * healthy. `stop` closes the watchdog with the magic character, so a clean exit is not reset.
 */
import { Worker } from 'node:worker_threads';
import { wallTimeIso } from '../../hal/clock/index.js';
import { createLogger } from '../log/logger.js';
import { WORKER_RESOURCE_LIMITS } from '../node-flags.js';
import { HEALTH_BYTES, HealthStamps, MAIN_THREAD } from './health.js';
import { previousRunEnd, RunRecords } from './run-record.js';
const log = createLogger('watchdog');
/** Often enough that a stamp's age measures the event loop's lag to within a tenth of a second. */
const MAIN_STAMP_MS = 100;
/** A keeper that does not answer `stop` in time is terminated (no magic close: the board resets). */
const STOP_TIMEOUT_MS = 2000;
export class WatchdogRuntime {
    o;
    stamps;
    /** Why the previous run ended, as the boot found it. */
    previousRun;
    worker = null;
    cancelStamp = () => { };
    status = { state: 'starting' };
    constructor(o) {
        this.o = o;
        this.stamps = new HealthStamps(o.ipc.createSharedMemory(HEALTH_BYTES));
        const records = new RunRecords(o.storage, o.recordPath);
        this.previousRun = previousRunEnd(records.read(), o.kernelBoot, o.watchdog.bootStatus(o.board.bootStatus));
        try {
            records.write({ state: 'running', kernelBoot: o.kernelBoot ?? '', sinceWall: wallTimeIso(o.clock) });
        }
        catch (err) {
            log.event(`cannot write the run record ${o.recordPath}: ${err.message}`, 'error');
        }
    }
    /** Starts stamping and the keeper thread. */
    start() {
        const stamp = () => {
            this.stamps.stamp(MAIN_THREAD, this.o.clock.nowMs());
            this.cancelStamp = this.o.timers.after(MAIN_STAMP_MS, stamp);
        };
        stamp();
        const { device, timeoutS, maxMainLagMs, maxWorkerStallMs } = this.o.board;
        const init = {
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
        worker.on('message', (m) => this.onMessage(m));
        worker.on('error', (err) => log.event(`watchdog keeper failed: ${err.stack ?? err.message}`, 'error'));
        worker.once('exit', () => {
            if (this.worker === worker)
                this.worker = null;
        });
        this.worker = worker;
    }
    /** Magic close after recording a clean stop; resolves when the keeper has ended. */
    stop(reason) {
        this.cancelStamp();
        const worker = this.worker;
        if (!worker)
            return Promise.resolve();
        return new Promise((resolve) => {
            const cancel = this.o.timers.after(STOP_TIMEOUT_MS, () => void worker.terminate());
            worker.once('exit', () => {
                cancel();
                resolve();
            });
            worker.postMessage({ type: 'stop', reason });
        });
    }
    onMessage(m) {
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
//# sourceMappingURL=runtime.js.map