/**
 * The session loader's worker thread (session-loader.ts drives it): it opens the conntrack
 * table of one network namespace (a board's) and inserts or removes synthetic sessions
 * (synthetic-sessions.ts) there at a paced rate, sleeping between batches on Atomics.wait so
 * the pacing does not depend on an event loop. A thread of its own keeps the bench's main
 * thread free to poll the boards while a load runs.
 *
 * Progress is shared memory the main thread reads at any time (SessionLoader.progress).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxConntrack } from '../hal/conntrack/linux.js';
import { withNetns } from '../hal/netns.js';
import { Pacer } from './pacer.js';
import { monotonicMs } from './processes.js';
import { PROGRESS_AT, PROGRESS_DONE, PROGRESS_FAILED, } from './session-loader.js';
import { checkIndex, syntheticSession } from './synthetic-sessions.js';
if (!parentPort)
    throw new Error('session-loader-worker.js runs only as a worker thread');
const port = parentPort;
const init = workerData;
const table = withNetns(init.ns, () => createLinuxConntrack().open());
const progress = new Float64Array(init.progress);
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepUntil(atMs) {
    const left = atMs - monotonicMs();
    if (left > 0)
        Atomics.wait(sleepCell, 0, 0, left);
}
function write(job, op) {
    if (job.count > 0) {
        checkIndex(job.first);
        checkIndex(job.first + job.count - 1);
    }
    const o = { udpPercent: job.udpPercent, timeoutS: job.timeoutS };
    const startMs = monotonicMs();
    const pacer = new Pacer({ total: job.count, ratePerS: job.ratePerS, maxBatch: job.maxBatch, tickMs: job.tickMs }, startMs);
    const refused = {};
    const batches = [];
    let failed = 0;
    let sends = 0;
    progress.fill(0);
    const batch = [];
    while (!pacer.finished) {
        const now = monotonicMs();
        const n = pacer.due(now);
        if (n > 0) {
            const from = job.first + pacer.sent;
            batch.length = 0;
            for (let i = 0; i < n; i++)
                batch.push(syntheticSession(from + i, o));
            const at = monotonicMs();
            const r = op === 'create' ? table.create(batch) : table.delete(batch);
            sends++;
            if (job.recordBatches)
                batches.push(from, n, at);
            for (const f of r.failures)
                refused[f.errno] = (refused[f.errno] ?? 0) + 1;
            failed += r.failures.length;
            pacer.took(n);
            progress[PROGRESS_DONE] = pacer.sent;
            progress[PROGRESS_FAILED] = failed;
            progress[PROGRESS_AT] = monotonicMs();
        }
        if (!pacer.finished)
            sleepUntil(pacer.nextWakeMs(monotonicMs()));
    }
    const endMs = monotonicMs();
    const elapsedMs = endMs - startMs;
    return {
        op,
        requested: job.count,
        written: job.count - failed,
        failed,
        refused,
        sends,
        startMs,
        endMs,
        elapsedMs,
        achievedPerS: elapsedMs > 0 ? ((job.count - failed) * 1000) / elapsedMs : 0,
        batches: job.recordBatches ? Float64Array.from(batches) : null,
    };
}
function answer(req) {
    switch (req.op) {
        case 'load':
            return write(req.job, 'create');
        case 'remove':
            return write(req.job, 'delete');
        case 'count':
            return table.count();
        case 'flush':
            table.flush();
            return table.count();
        case 'close':
            table.close();
            return null;
    }
}
port.on('message', (req) => {
    let reply;
    try {
        reply = { id: req.id, ok: true, result: answer(req) };
    }
    catch (e) {
        reply = { id: req.id, ok: false, error: e.message };
    }
    const result = reply.ok ? reply.result : null;
    const batches = result !== null && typeof result === 'object' ? result.batches : null;
    port.postMessage(reply, batches ? [batches.buffer] : []);
    if (req.op === 'close')
        port.close();
});
//# sourceMappingURL=session-loader-worker.js.map