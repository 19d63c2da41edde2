/**
 * The arrival watch's worker thread (ct-arrivals.ts): NEW events of one namespace's conntrack
 * table, read as soon as poll says they are there, each loader session stamped once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxClock } from '../hal/clock/linux.js';
import { createLinuxConntrack } from '../hal/conntrack/linux.js';
import { withNetns } from '../hal/netns.js';
import { CTL_OVERRUNS, CTL_READY, CTL_SEEN, CTL_STOP } from './ct-arrivals.js';
import { monotonicMs } from './processes.js';
import { syntheticIndex } from './synthetic-sessions.js';
/** Large enough that a burst at 100k sessions/s is not lost while this thread waits for a core. */
const RCVBUF_BYTES = 64 << 20;
const EVENTS_PER_READ = 4096;
const POLL_MS = 5;
if (!parentPort)
    throw new Error('ct-arrivals-worker.js runs only as a worker thread');
const port = parentPort;
const init = workerData;
const arrivals = new Float64Array(init.arrivals);
const control = new Int32Array(init.control);
function run() {
    const socket = withNetns(init.ns, () => createLinuxConntrack().subscribe({ types: ['new'], rcvbufBytes: RCVBUF_BYTES }));
    const poller = createLinuxClock().openPoller();
    poller.watch([socket]);
    Atomics.store(control, CTL_READY, 1);
    port.postMessage('ready');
    let seen = 0;
    try {
        while (Atomics.load(control, CTL_STOP) === 0) {
            if (poller.wait(POLL_MS) === 0)
                continue;
            for (;;) {
                const r = socket.read(EVENTS_PER_READ);
                const now = monotonicMs();
                if (r.overrun)
                    Atomics.add(control, CTL_OVERRUNS, 1);
                for (const e of r.events) {
                    if (e.type !== 'new')
                        continue;
                    const k = syntheticIndex(e.session.orig) - init.first;
                    if (k < 0 || k >= init.count || arrivals[k] !== 0)
                        continue;
                    arrivals[k] = now;
                    seen++;
                }
                Atomics.store(control, CTL_SEEN, seen);
                if (r.events.length < EVENTS_PER_READ)
                    break;
            }
        }
    }
    finally {
        socket.close();
    }
}
try {
    run();
}
catch (e) {
    port.postMessage(`failed: ${e.message}`);
}
//# sourceMappingURL=ct-arrivals-worker.js.map