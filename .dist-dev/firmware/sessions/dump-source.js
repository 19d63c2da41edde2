import { encodeRecord, RECORD_BUDGET } from './sync-frames.js';
export class KernelDumpSource {
    encode;
    encodeExpectation;
    table = null;
    iterator = null;
    ready = [];
    at = 0;
    pulling = false;
    finished = false;
    released = false;
    /**
     * Why the dump stopped early, if it did. The source then never says 'done': a bulk that ended
     * would have the secondary delete every session it was not sent. The caller starts another.
     */
    failure = null;
    constructor(
    /** Opens the table handle the dump reads through. */
    open, 
    /** The session's record (record-writer.ts) when it goes in the bulk, else null (left out, or held for later). */
    encode, 
    /** The expectation's wire array when it is to be synced, else null; none: expectations are not dumped. */
    encodeExpectation) {
        this.encode = encode;
        this.encodeExpectation = encodeExpectation;
        try {
            const table = open();
            this.table = table;
            this.iterator = kernelBatches(table, encodeExpectation !== null)[Symbol.asyncIterator]();
        }
        catch (err) {
            this.fail(err);
            return;
        }
        this.pull();
    }
    /** Whether the kernel is still being read (records still come through the filter). */
    get reading() {
        return !this.finished;
    }
    next(max) {
        const out = [];
        let bytes = 0;
        while (out.length < max && this.at < this.ready.length) {
            const r = this.ready[this.at];
            if (bytes + r.length > RECORD_BUDGET && out.length > 0)
                break;
            out.push(r);
            bytes += r.length;
            this.at++;
        }
        if (this.at >= this.ready.length) {
            if (this.finished && this.failure === null)
                return out.length > 0 ? out : 'done';
            this.pull();
        }
        return out;
    }
    /** Stops reading the kernel (the resync was abandoned); the handle closes once the dump has ended. */
    close() {
        this.finished = true;
        if (this.released)
            return;
        this.released = true;
        const table = this.table;
        void Promise.resolve(this.iterator?.return?.())
            .catch(() => undefined)
            .finally(() => table?.close());
    }
    pull() {
        if (this.pulling || this.finished || !this.iterator)
            return;
        this.pulling = true;
        this.iterator.next().then((r) => {
            this.pulling = false;
            // A batch that arrives after close() is not filtered: its resync is gone, and the
            // filter may hold sessions for later (delay.ts) from what is by now a stale read.
            if (this.finished)
                return;
            if (r.done) {
                this.finished = true;
                this.close();
                return;
            }
            this.ready = [];
            this.at = 0;
            const b = r.value;
            if ('sessions' in b) {
                for (const s of b.sessions) {
                    const record = this.encode(s);
                    if (record)
                        this.ready.push(record);
                }
            }
            else {
                for (const e of b.expectations) {
                    const w = this.encodeExpectation?.(e);
                    if (w)
                        this.ready.push(encodeRecord(w));
                }
            }
        }, (err) => {
            this.pulling = false;
            this.fail(err);
        });
    }
    fail(err) {
        this.finished = true;
        this.failure = err.message;
        this.close();
    }
}
/**
 * The sessions, then the expectations when asked for, a kernel batch at a time. Filtered and
 * encoded by the caller when a batch arrives, not here: a batch that arrives after close()
 * must not reach the filter.
 */
async function* kernelBatches(table, expectations) {
    for await (const sessions of table.dump())
        yield { sessions };
    if (expectations)
        for await (const batch of table.dumpExpectations())
            yield { expectations: batch };
}
//# sourceMappingURL=dump-source.js.map