/**
 * The thread that cuts a board's power (power-loss.ts): raised to SCHED_FIFO above the boards'
 * heartbeat threads, so the link monitors those threads run, woken by each cable change,
 * cannot preempt it between the first cable and the kill. Started and raised before the cut,
 * it waits for one `go`, cuts, drops back to the normal policy, answers and ends.
 *
 * Dropping back matters: the thread's own end (its answer, the isolate's teardown) took 10–12 ms
 * of CPU. At SCHED_FIFO 60 that held one of the rig's two cores through the very failover being
 * measured (traced with sched_switch): the prober, the echo server and the kernel's link-event
 * worker waited, and the carrier fast path's gap grew by milliseconds a real board's peer never
 * pays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../hal/clock/linux.js';
import { setLinksAdmin } from './link-admin.js';
import { monotonicMs, signalQuietly } from './processes.js';
const job = workerData;
const clock = createLinuxClock();
const fifo = clock.raiseThreadPriority(job.priority).ok;
const port = parentPort;
port?.postMessage('ready');
port?.once('message', () => {
    let answer;
    try {
        const startMs = setLinksAdmin(job.ns, job.ifnames, false);
        // The firmware's process group: the firmware and its heartbeat worker die together.
        const killMs = job.pid !== null && signalQuietly(-job.pid, 'SIGKILL') ? monotonicMs() : null;
        answer = { startMs, killMs, doneMs: killMs ?? monotonicMs(), fifo };
    }
    catch (e) {
        answer = { error: e.message };
    }
    clock.lowerThreadPriority();
    port.postMessage(answer);
    port.close();
});
//# sourceMappingURL=power-cut-worker.js.map