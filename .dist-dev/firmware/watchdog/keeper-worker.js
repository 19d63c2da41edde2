/**
 * Entry point of the watchdog keeper thread, a composition root like the heartbeat worker's.
 * It is a thread of its own so that it can judge both the main thread and the heartbeat worker
 * from outside, and still write down why when either of them stops: the boot after the reset
 * then says which one hung.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wallTimeIso } from '../../hal/clock/index.js';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createLinuxIpc } from '../../hal/ipc/linux.js';
import { createLinuxNotify } from '../../hal/notify/linux.js';
import { createFileStorage } from '../../hal/storage/fs.js';
import { createLinuxWatchdog } from '../../hal/watchdog/linux.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { systemTimers } from '../time/timers.js';
import { HEALTH_BYTES, HealthStamps } from './health.js';
import { WatchdogKeeper } from './keeper.js';
import { RunRecords } from './run-record.js';
if (!parentPort)
    throw new Error('firmware/watchdog/keeper-worker.js runs only as a worker thread');
const port = parentPort;
const init = workerData;
const clock = createLinuxClock();
const post = (m) => port.postMessage(m);
setLogSink((record) => post({ type: 'log', record: { ...record, atMs: clock.nowMs() } }));
const log = createLogger('watchdog');
const records = new RunRecords(createFileStorage(), init.recordPath);
const record = (state, reason) => {
    try {
        records.write({ state, kernelBoot: init.kernelBoot, sinceWall: wallTimeIso(clock), ...(reason ? { reason } : {}) });
    }
    catch (err) {
        log.event(`cannot write the run record ${init.recordPath}: ${err.message}`, 'error');
    }
};
let watchdog = null;
try {
    watchdog = createLinuxWatchdog().open(init.device, init.timeoutS);
    post({ type: 'opened', timeoutS: watchdog.timeoutS });
}
catch (err) {
    post({ type: 'unavailable', reason: err.message });
}
// A socket of this thread's own: the main thread's notifier is bound in another isolate.
let service = null;
if (init.service) {
    try {
        service = { notifier: createLinuxNotify().open(init.service.socket), intervalMs: init.service.intervalMs };
    }
    catch (err) {
        log.event(`the service manager's watchdog cannot be pinged: ${err.message}`, 'error');
    }
}
const keeper = new WatchdogKeeper({
    watchdog,
    service,
    stamps: new HealthStamps(createLinuxIpc().mapSharedMemory(init.healthFd, HEALTH_BYTES)),
    limits: init.limits,
    timeoutS: watchdog?.timeoutS ?? init.timeoutS,
    clock,
    record,
    log,
});
/**
 * Four kicks per timeout, at most one a second: one late kick never resets the board. A ping
 * goes out at the first period after it is due, so the period also stays within half the ping
 * interval: pings then come at most 1.5 intervals (3/4 of WatchdogSec) apart.
 */
const periodMs = Math.min(1000, (init.timeoutS * 1000) / 4, (init.service?.intervalMs ?? Number.POSITIVE_INFINITY) / 2);
let cancel = systemTimers.after(0, function period() {
    keeper.check();
    cancel = systemTimers.after(periodMs, period);
});
port.on('message', (m) => {
    if (m.type !== 'stop')
        return;
    cancel();
    record('stopped', m.reason);
    watchdog?.close();
    service?.notifier.close();
    post({ type: 'stopped' });
    port.close();
});
//# sourceMappingURL=keeper-worker.js.map