/**
 * The thread that cuts a board's power (power-loss.ts): raised to SCHED_FIFO above the boards'
 * heartbeat threads, so the link monitors those threads run, woken by each cable change,
 * cannot preempt it between the first cable and the kill. Started and raised before the cut,
 * it waits for one `go`, cuts, answers and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../hal/clock/linux.js';
import { setLinksAdmin } from './link-admin.js';
import { monotonicMs, signalQuietly } from './processes.js';

export interface PowerCutJob {
  ns: string;
  ifnames: string[];
  /** The board's firmware, or null when it is not running. */
  pid: number | null;
  priority: number;
}

export interface PowerCutDone {
  startMs: number;
  killMs: number | null;
  doneMs: number;
  /** Whether the thread got SCHED_FIFO. */
  fifo: boolean;
}

const job = workerData as PowerCutJob;
const fifo = createLinuxClock().raiseThreadPriority(job.priority).ok;
const port = parentPort;
port?.postMessage('ready');
port?.once('message', () => {
  try {
    const startMs = setLinksAdmin(job.ns, job.ifnames, false);
    // The firmware's process group: the firmware and its heartbeat worker die together.
    const killMs = job.pid !== null && signalQuietly(-job.pid, 'SIGKILL') ? monotonicMs() : null;
    port.postMessage({ startMs, killMs, doneMs: killMs ?? monotonicMs(), fifo } satisfies PowerCutDone);
  } catch (e) {
    port.postMessage({ error: (e as Error).message });
  }
  port.close();
});
