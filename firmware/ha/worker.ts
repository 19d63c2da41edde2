/**
 * Entry point of the heartbeat worker thread: the second composition root. A worker cannot
 * receive driver objects from the main thread, so it builds its own clock, NIC and fence drivers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createBpfFence } from '../../hal/fence/linux.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { HeartbeatLoop } from './heartbeat-loop.js';
import type { FromWorker, WorkerInit } from './worker-protocol.js';

if (!parentPort) throw new Error('firmware/ha/worker.js runs only as a worker thread');
const port = parentPort;
const clock = createLinuxClock();
setLogSink((record) => port.postMessage({ type: 'log', record: { ...record, atMs: clock.nowMs() } } satisfies FromWorker));

const init = workerData as WorkerInit;
const loop = new HeartbeatLoop(
  { clock, nic: createLinuxNic(), fence: createBpfFence(init.fencePins) },
  init,
  port,
  createLogger('ha'),
);
loop.run();
port.close();
