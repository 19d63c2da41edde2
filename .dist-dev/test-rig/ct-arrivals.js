/**
 * When synthetic sessions (synthetic-sessions.ts) arrive in a namespace's conntrack table: a
 * worker thread subscribes to the table's NEW events there and stamps each loader session with
 * the CLOCK_MONOTONIC time its event was read. On a secondary that is the moment session sync
 * put the entry into its kernel, to the fraction of a millisecond, where polling the count
 * would only say so to its polling interval.
 *
 *   const watch = await ArrivalWatch.open(boardNamespace(rig, 'B'), first, count);
 *   ... load sessions first … first+count-1 on the primary ...
 *   watch.arrivedMs(i - first)   // 0 until it arrived
 *   await watch.close();         // { overruns, events }
 *
 * The subscription costs the namespace's kernel an event message per entry made there, which
 * is part of what a measurement with it sees.
 */
import { Worker } from 'node:worker_threads';
export const CTL_STOP = 0;
export const CTL_SEEN = 1;
export const CTL_OVERRUNS = 2;
export const CTL_READY = 3;
const CTL_SLOTS = 4;
const WORKER = new URL('./ct-arrivals-worker.js', import.meta.url);
const READY_TIMEOUT_MS = 5000;
export class ArrivalWatch {
    worker;
    arrivals;
    control;
    constructor(worker, init) {
        this.worker = worker;
        this.arrivals = new Float64Array(init.arrivals);
        this.control = new Int32Array(init.control);
    }
    /** Subscribes in `ns` for sessions first … first+count-1; resolves once the subscription is open. */
    static async open(ns, first, count) {
        const init = {
            ns,
            first,
            count,
            arrivals: new SharedArrayBuffer(count * Float64Array.BYTES_PER_ELEMENT),
            control: new SharedArrayBuffer(CTL_SLOTS * Int32Array.BYTES_PER_ELEMENT),
        };
        const worker = new Worker(WORKER, { workerData: init });
        const watch = new ArrivalWatch(worker, init);
        await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`arrival watch in ${ns}: not subscribed within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
            worker.once('error', (e) => {
                clearTimeout(timer);
                reject(e);
            });
            worker.once('message', (m) => {
                clearTimeout(timer);
                if (m === 'ready')
                    resolve();
                else
                    reject(new Error(`arrival watch in ${ns}: ${m}`));
            });
        });
        return watch;
    }
    get seen() {
        return Atomics.load(this.control, CTL_SEEN);
    }
    get overruns() {
        return Atomics.load(this.control, CTL_OVERRUNS);
    }
    /** Arrival of session first+k (CLOCK_MONOTONIC ms), 0 while it has not come. */
    arrivedMs(k) {
        return this.arrivals[k] ?? 0;
    }
    async close() {
        Atomics.store(this.control, CTL_STOP, 1);
        const exited = new Promise((r) => this.worker.once('exit', r));
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
        await this.worker.terminate();
        return { seen: this.seen, overruns: this.overruns };
    }
}
//# sourceMappingURL=ct-arrivals.js.map