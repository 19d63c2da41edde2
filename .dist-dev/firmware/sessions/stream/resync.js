/**
 * The full resync, both ends, as pure logic: the primary streams its whole session table (a
 * kernel dump) into a new epoch of the stream; the secondary applies it, then deletes every
 * session of its own that the primary did not send. Run when a secondary joins or restarts,
 * or when the stream lost a batch for good (sender.ts, receiver.ts: needs-resync).
 *
 * Primary: reset the StreamSender to a new epoch and create a BulkSender on it before
 * offering anything else: it offers the bulk's first batch at once, so that batch is seq 0 of
 * the epoch and the secondary records every live update of the epoch. Live updates then keep
 * flowing through the same sender, interleaved with the dump in the order they were offered;
 * the bulk leaves `reserve` slots of the window to them, so a session opened during a
 * 1M-session resync is not 8 s late.
 *
 * Secondary: the caller decodes each delivered batch and tells the Reconciler what it holds
 * (begin, bulkRecord, liveUpdate, liveDelete, endBulk), then walks its own kernel table asking
 * isStale(), and calls complete(). Where the dump and the live stream disagree the live stream
 * wins: the dump reads the kernel table at some moment, and its messages may sit in a socket
 * buffer while newer events for the same session are already sent. So a bulk record for a
 * session the live stream updated or deleted during the resync is skipped (bulkRecord says
 * so), and a session the live stream deleted counts as unseen.
 */
import { KeyTable } from './key-table.js';
import { ProgressMeter } from './progress.js';
const NO_RECORDS = [];
export class BulkSender {
    #source;
    #sender;
    #opts;
    #epoch;
    #meter;
    #state = 'running';
    /** Seq of the final batch, once offered. */
    #lastSeq = Number.POSITIVE_INFINITY;
    #endedAt = Number.NaN;
    /** Starts on `sender`'s current epoch, which must be fresh (reset just now, nothing offered since). */
    constructor(source, sender, options, now) {
        const { recordsPerBatch, reserve } = options;
        if (sender.nextSeq !== 0 || sender.state !== 'streaming') {
            throw new RangeError(`bulk on epoch ${sender.epoch} at seq ${sender.nextSeq}: expected a fresh epoch (reset, nothing offered)`);
        }
        if (!(Number.isInteger(recordsPerBatch) && recordsPerBatch >= 1)) {
            throw new RangeError(`records per batch ${recordsPerBatch}: expected an integer >= 1`);
        }
        if (!(Number.isInteger(reserve) && reserve >= 0 && reserve < sender.window)) {
            throw new RangeError(`reserve ${reserve}: expected an integer from 0 to below the window (${sender.window})`);
        }
        this.#source = source;
        this.#sender = sender;
        this.#opts = options;
        this.#epoch = sender.epoch;
        this.#meter = new ProgressMeter(options.estimatedTotal, now);
        sender.offer(options.pack(NO_RECORDS, true, false), now);
    }
    get state() {
        return this.#state;
    }
    /** Offers as much of the dump as the window allows; returns the batches offered. Call it on every loop turn. */
    pump(now) {
        const sender = this.#sender;
        if (this.#state === 'running' || this.#state === 'draining') {
            if (sender.epoch !== this.#epoch || sender.state !== 'streaming')
                this.#end('failed', now);
        }
        let offered = 0;
        while (this.#state === 'running' && sender.room() > this.#opts.reserve) {
            const got = this.#source.next(this.#opts.recordsPerBatch);
            const last = got === 'done';
            const records = last ? NO_RECORDS : got;
            if (records.length === 0 && !last)
                break;
            if (last)
                this.#lastSeq = sender.nextSeq;
            sender.offer(this.#opts.pack(records, false, last), now);
            this.#meter.add(records.length, now);
            offered++;
            if (last)
                this.#state = 'draining';
        }
        if (this.#state === 'draining' && sender.ackedBelow > this.#lastSeq)
            this.#end('done', now);
        return offered;
    }
    /** Records offered so far against the estimate (complete once the last batch is acknowledged). */
    progress(now) {
        const at = Number.isNaN(this.#endedAt) ? now : this.#endedAt;
        return { ...this.#meter.view(at, this.#state === 'done'), state: this.#state };
    }
    #end(state, now) {
        this.#state = state;
        this.#endedAt = now;
    }
}
// Key marks (key-table.ts): how a session was last heard of during the resync.
const BY_BULK = 1;
const BY_LIVE = 2;
const DELETED = 3;
export class Reconciler {
    #stream;
    #state = 'waiting';
    #epoch = -1;
    /** The resync's keys; dropped once it completes (the kernel holds the table, not us). */
    #table = null;
    #meter = null;
    #stale = 0;
    #endedAt = Number.NaN;
    constructor(stream) {
        this.#stream = stream;
    }
    get state() {
        this.#current();
        return this.#state;
    }
    /**
     * Ready for promotion: the last resync completed and the stream has not lost a batch since
     * (a repaired gap is no loss). The election prefers a ready secondary.
     */
    get ready() {
        return this.state === 'synced';
    }
    /** The bulk's first batch arrived, in the stream's current epoch, with the primary's estimate. */
    begin(estimatedTotal, now) {
        // The estimate comes off the wire: a bad one costs a table that grows, never an exception.
        const estimate = Number.isFinite(estimatedTotal) && estimatedTotal > 0 ? estimatedTotal : 0;
        this.#epoch = this.#stream.epoch;
        this.#state = 'bulk';
        this.#table = null; // the previous resync's table goes before the next is allocated
        this.#table = new KeyTable(estimate);
        this.#meter = new ProgressMeter(estimate, now);
        this.#stale = 0;
        this.#endedAt = Number.NaN;
    }
    /** A record of the bulk: true when the caller should apply it, false when the live stream already said newer. */
    bulkRecord(hi, lo, now) {
        const table = this.#in('bulk');
        if (table === null)
            return true;
        this.#meter?.add(1, now);
        const mark = table.mark(hi, lo);
        if (mark === BY_LIVE || mark === DELETED)
            return false;
        table.set(hi, lo, BY_BULK);
        return true;
    }
    /** A live create or update, any time: during a resync the session counts as seen. */
    liveUpdate(hi, lo) {
        this.#live()?.set(hi, lo, BY_LIVE);
    }
    /** A live delete, any time: during a resync the session counts as unseen, and the bulk cannot bring it back. */
    liveDelete(hi, lo) {
        this.#live()?.set(hi, lo, DELETED);
    }
    /** The bulk's final batch arrived: the caller now walks its own table with isStale(). */
    endBulk() {
        if (this.#in('bulk') !== null)
            this.#state = 'reconciling';
    }
    /** While reconciling: whether a local session was not seen (or was deleted live), so the caller deletes it. */
    isStale(hi, lo) {
        const mark = this.#in('reconciling')?.mark(hi, lo);
        if (mark === undefined || mark === BY_BULK || mark === BY_LIVE)
            return false;
        this.#stale++;
        return true;
    }
    /** The caller walked its table and deleted the stale sessions: the resync is complete. */
    complete(now) {
        if (this.#in('reconciling') === null)
            return;
        this.#state = 'synced';
        this.#table = null;
        this.#endedAt = now;
    }
    progress(now) {
        const state = this.state;
        const meter = this.#meter;
        const view = meter
            ? meter.view(Number.isNaN(this.#endedAt) ? now : this.#endedAt, state === 'synced')
            : { records: 0, estimatedTotal: 0, percent: 0, ratePerSec: 0, timeLeftMs: null, elapsedMs: 0 };
        return { ...view, state, stale: this.#stale };
    }
    /** The table while the resync is in `state`; null otherwise. */
    #in(state) {
        this.#current();
        return this.#state === state ? this.#table : null;
    }
    /** The table while the resync takes live updates (bulk or reconciling); null otherwise. */
    #live() {
        this.#current();
        return this.#state === 'bulk' || this.#state === 'reconciling' ? this.#table : null;
    }
    /** A resync belongs to its epoch: a newer epoch or a lost stream voids it, complete or not. */
    #current() {
        if (this.#state === 'waiting')
            return;
        if (this.#stream.epoch === this.#epoch && this.#stream.state === 'streaming')
            return;
        this.#state = 'waiting';
        this.#table = null;
        this.#meter = null;
        this.#stale = 0;
    }
}
//# sourceMappingURL=resync.js.map