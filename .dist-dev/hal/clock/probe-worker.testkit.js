/**
 * Worker used by the clock tests: blocks in Poller.wait on an adopted stream socket, or raises (and
 * lowers again) its own priority, and reports what happened. It exists because both only make sense off the main
 * thread.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxIpc } from '../ipc/linux.js';
import { createLinuxClock } from './linux.js';
/** Fields 40 and 41 of /proc/thread-self/stat: rt_priority and policy of this very thread. */
function threadScheduling() {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rtPriority: Number(fields[37]), policy: Number(fields[38]) };
}
function run(port, request) {
    const clock = createLinuxClock();
    const send = (reply) => port.postMessage(reply);
    if (request.mode === 'priority') {
        let result = clock.raiseThreadPriority(request.priority);
        if (result.ok && request.thenLower)
            result = clock.lowerThreadPriority();
        send({ kind: 'priority', result, ...threadScheduling() });
        return;
    }
    const stream = createLinuxIpc().adoptStream(request.streamFd);
    const poller = clock.openPoller();
    poller.watch([stream]);
    send({ kind: 'blocking', tid: Number(readlinkSync('/proc/thread-self').split('/').pop()) });
    const start = clock.nowMs();
    const ready = poller.wait(request.timeoutMs);
    const waitedMs = clock.nowMs() - start;
    const readable = poller.readable(0);
    const read = stream.read(new Uint8Array(64));
    const pendingAfterDrain = poller.wait(0);
    send({ kind: 'woken', ready, readable, read, pendingAfterDrain, waitedMs });
}
if (parentPort)
    run(parentPort, workerData);
//# sourceMappingURL=probe-worker.testkit.js.map