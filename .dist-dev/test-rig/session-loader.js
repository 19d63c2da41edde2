/**
 * The session loader: puts N synthetic sessions (synthetic-sessions.ts) into one network
 * namespace's conntrack table at a target rate, through hal/conntrack, and takes them out
 * again. Inserted into a primary's table they raise conntrack NEW events exactly as real
 * traffic's sessions do, so session sync picks them up.
 *
 *   const loader = await SessionLoader.open(boardNamespace(rig, 'A'));
 *   const r = await loader.load({ first: 0, count: 100_000, ratePerS: 20_000 });
 *   // r.achievedPerS, r.failed, r.refused (by errno)
 *   await loader.remove({ first: 0, count: 100_000 });
 *   await loader.close();
 *
 * The writing runs in a worker thread (session-loader-worker.ts); `progress()` reads how far a
 * load has come while it runs. Batches go to the kernel up to 256 messages a send (the driver's
 * batch); at a low rate they are as small as one millisecond's worth.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SYNTHETIC } from './synthetic-sessions.js';
export const PROGRESS_DONE = 0;
export const PROGRESS_FAILED = 1;
export const PROGRESS_AT = 2;
const PROGRESS_SLOTS = 3;
/** The driver's messages a send: a larger batch only splits into more sends. */
export const MAX_BATCH = 256;
export class LoaderError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LoaderError';
    }
}
const WORKER = new URL('./session-loader-worker.js', import.meta.url);
export class SessionLoader {
    ns;
    worker;
    nextId = 1;
    pending = new Map();
    shared;
    constructor(ns, worker, progress) {
        this.ns = ns;
        this.worker = worker;
        this.shared = new Float64Array(progress);
        worker.on('message', (reply) => {
            const p = this.pending.get(reply.id);
            if (!p)
                return;
            this.pending.delete(reply.id);
            if (reply.ok)
                p.resolve(reply.result);
            else
                p.reject(new LoaderError(`session loader in ${this.ns}: ${reply.error}`));
        });
        const failAll = (e) => {
            for (const p of this.pending.values())
                p.reject(e);
            this.pending.clear();
        };
        worker.on('error', (e) => failAll(new LoaderError(`session loader in ${ns} failed: ${e.message}`)));
        worker.on('exit', () => failAll(new LoaderError(`session loader in ${ns} exited`)));
    }
    /** Starts a loader on the table of namespace `ns` (iproute2's name, e.g. a board's). */
    static async open(ns) {
        const progress = new SharedArrayBuffer(PROGRESS_SLOTS * Float64Array.BYTES_PER_ELEMENT);
        const worker = new Worker(WORKER, { workerData: { ns, progress } });
        const loader = new SessionLoader(ns, worker, progress);
        await loader.count();
        return loader;
    }
    /** Inserts sessions first … first+count-1 at the rate asked; resolves when the last batch is in. */
    load(job) {
        const j = writeJob(job);
        this.shared.fill(0);
        return this.call({ op: 'load', job: j });
    }
    /** Deletes sessions first … first+count-1 (those not there come back refused with ENOENT). */
    remove(job) {
        const j = writeJob(job);
        this.shared.fill(0);
        return this.call({ op: 'remove', job: j });
    }
    /** Entries in the namespace's table (all of them, not only the loader's). */
    count() {
        return this.call({ op: 'count' });
    }
    /** Empties the namespace's table; resolves to the count after. */
    flush() {
        return this.call({ op: 'flush' });
    }
    /** How far the running (or last) load or removal has come (zero from the call that starts one). */
    progress() {
        return {
            done: this.shared[PROGRESS_DONE] ?? 0,
            failed: this.shared[PROGRESS_FAILED] ?? 0,
            atMs: this.shared[PROGRESS_AT] ?? 0,
        };
    }
    async close() {
        const exited = once(this.worker, 'exit');
        await this.call({ op: 'close' }).catch(() => { });
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
        await this.worker.terminate();
    }
    call(req) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ ...req, id });
        });
    }
}
/** A job with the defaults filled in: from index 0, unpaced, full batches, 1 ms ticks, TCP only, 1 h timeouts. */
export function writeJob(j) {
    const job = {
        first: j.first ?? 0,
        count: j.count,
        ratePerS: j.ratePerS ?? 0,
        maxBatch: j.maxBatch ?? MAX_BATCH,
        tickMs: j.tickMs ?? 1,
        udpPercent: j.udpPercent ?? DEFAULT_SYNTHETIC.udpPercent,
        timeoutS: j.timeoutS ?? DEFAULT_SYNTHETIC.timeoutS,
        recordBatches: j.recordBatches ?? false,
    };
    if (!(Number.isInteger(job.count) && job.count >= 0))
        throw new LoaderError(`count ${job.count}: use an integer >= 0`);
    if (!(job.udpPercent >= 0 && job.udpPercent <= 100))
        throw new LoaderError(`UDP share ${job.udpPercent}%: use 0 to 100`);
    if (!(Number.isInteger(job.timeoutS) && job.timeoutS >= 1))
        throw new LoaderError(`timeout ${job.timeoutS} s: use an integer >= 1`);
    return job;
}
//# sourceMappingURL=session-loader.js.map