/**
 * Entry point of the heartbeat worker thread: the second composition root. A worker cannot
 * receive driver objects from the main thread, so it builds its own clock, NIC, fence and
 * storage drivers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createBpfFence } from '../../hal/fence/linux.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { createFileStorage } from '../../hal/storage/fs.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { BootIds } from './boot-ids.js';
import { HeartbeatLoop } from './heartbeat-loop.js';
import type { FromWorker, WorkerInit } from './worker-protocol.js';

if (!parentPort) throw new Error('firmware/ha/worker.js runs only as a worker thread');
const port = parentPort;
const clock = createLinuxClock();
setLogSink((record) => port.postMessage({ type: 'log', record: { ...record, atMs: clock.nowMs() } } satisfies FromWorker));

const init = workerData as WorkerInit;
const log = createLogger('ha');
// Only when this start's sequences run out (boot-ids.ts): a write to flash, once in months.
const bootIds = new BootIds(createFileStorage(), init.bootIdPath, log);
const loop = new HeartbeatLoop(
  { clock, nic: createLinuxNic(), fence: createBpfFence(init.fencePins), nextBootId: () => bootIds.next() },
  init,
  port,
  log,
);
loop.run();
port.close();
