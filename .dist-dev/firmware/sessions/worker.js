/**
 * Entry point of the session sync worker thread (a composition root): it builds its own clock,
 * NIC and conntrack drivers and runs the sync loop (sync-loop.ts) until the main thread asks it
 * to stop. A thread, not a process like the heartbeat worker: session sync is not on the
 * heartbeat path, and a thread costs a few MB where a process costs tens.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createLinuxConntrack } from '../../hal/conntrack/linux.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { createFileStorage } from '../../hal/storage/fs.js';
import { BootIds } from '../ha/boot-ids.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { SyncLoop } from './sync-loop.js';
if (!parentPort)
    throw new Error('firmware/sessions/worker.js runs only as a worker thread');
const port = parentPort;
const init = workerData;
const clock = createLinuxClock();
const post = (m) => port.postMessage(m);
setLogSink((record) => post({ type: 'log', record: { ...record, atMs: clock.nowMs() } }));
const log = createLogger('sessions');
// Only when this start's frame sequences run out (boot-ids.ts).
const bootIds = new BootIds(createFileStorage(), init.bootIdPath, log);
const loop = new SyncLoop({ clock, nic: createLinuxNic(), conntrack: createLinuxConntrack(), nextBootId: () => bootIds.next() }, init, post, log);
port.on('message', (m) => {
    switch (m.type) {
        case 'setup':
            loop.configure(m.setup);
            break;
        case 'keys':
            loop.setKeys(m.ring);
            break;
        case 'role':
            loop.setRole(m.role);
            break;
        case 'stop':
            void loop.stop().then(() => {
                post({ type: 'stopped' });
                port.close();
            });
            break;
    }
});
loop.run();
//# sourceMappingURL=worker.js.map