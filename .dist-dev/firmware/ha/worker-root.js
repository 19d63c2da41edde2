/**
 * The heartbeat worker process's composition root, run by its entry point (worker.ts) once its
 * modules are loaded. The main process (worker-process.ts) started it with its socket at fd 3
 * and the watchdog's stamps at fd 4.
 *
 * Why a process and not a worker thread: a thread shares its process's memory map and malloc
 * arenas, and the main thread's garbage collector remaps memory about 2000 times a second under
 * load. Each of those holds the process's mmap lock, which a page fault in the worker must
 * wait for, and message ports free memory under the main thread's arena lock. Neither lock
 * knows priorities, so the SCHED_FIFO worker waited behind a preempted main thread: ticks up
 * to 92 ms late in a flap storm. A process of its own shares none of these (README, design).
 */
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createBpfFence } from '../../hal/fence/linux.js';
import { createLinuxIpc } from '../../hal/ipc/linux.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { createFileStorage } from '../../hal/storage/fs.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { HEALTH_BYTES, HealthStamps } from '../watchdog/health.js';
import { BootIds } from './boot-ids.js';
import { HeartbeatLoop } from './heartbeat-loop.js';
import { WorkerChannel } from './worker-channel.js';
import { WORKER_HEALTH_FD, WORKER_STREAM_FD } from './worker-protocol.js';
/** How long the main process has to send the WorkerInit once it started us. */
const INIT_WAIT_MS = 10_000;
/** How long the last reports ('left', final logs) may take to reach the main process. */
const FLUSH_WAIT_MS = 1000;
/** Runs the worker until the main process lets it go; then the process ends. */
export function runWorker() {
    const ipc = createLinuxIpc();
    // The kernel ends this process with the firmware; one that outlived it would keep heartbeating.
    if (!ipc.dieWithParent(process.ppid))
        process.exit(1);
    // Stopping is the main process's call (it asks us to leave): a service manager's SIGTERM to
    // the whole group must not end the worker before its graceful leave.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'])
        process.on(signal, () => { });
    const clock = createLinuxClock();
    const channel = new WorkerChannel(ipc.adoptStream(WORKER_STREAM_FD));
    const poller = clock.openPoller();
    poller.watch([channel.stream]);
    function readInit() {
        const deadline = clock.nowMs() + INIT_WAIT_MS;
        for (;;) {
            channel.fill();
            const init = channel.next();
            if (init)
                return init;
            const left = deadline - clock.nowMs();
            if (channel.closed || left <= 0) {
                process.stderr.write(`heartbeat worker: no WorkerInit from the main process (${channel.broken ?? 'none came'})\n`);
                process.exit(1);
            }
            poller.wait(left);
        }
    }
    const init = readInit();
    setLogSink((record) => channel.post({ type: 'log', record: { ...record, atMs: clock.nowMs() } }));
    const log = createLogger('ha');
    // Only when this start's sequences run out (boot-ids.ts): a write to flash, once in months.
    const bootIds = new BootIds(createFileStorage(), init.bootIdPath, log);
    const loop = new HeartbeatLoop({
        clock,
        nic: createLinuxNic(),
        fence: createBpfFence(init.fencePins),
        nextBootId: () => bootIds.next(),
        health: new HealthStamps(ipc.mapSharedMemory(WORKER_HEALTH_FD, HEALTH_BYTES)),
    }, init, channel, log);
    loop.run();
    const until = clock.nowMs() + FLUSH_WAIT_MS;
    while (!channel.flush() && !channel.closed && clock.nowMs() < until)
        poller.wait(10);
    process.exit(0);
}
//# sourceMappingURL=worker-root.js.map