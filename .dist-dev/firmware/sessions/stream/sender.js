/**
 * The primary's end of the session stream to one secondary (the primary keeps one per
 * secondary): numbers batches, keeps each until it is acknowledged, retransmits the ones the
 * acks say are missing, and gives up when the link cannot deliver, so the caller starts a full
 * resync. Pure and clock-driven: every input carries `now` (monotonic ms); the caller calls
 * take(now) when it may transmit and wakes at nextWakeAt(now). Field meanings: frames.ts.
 *
 * Shaped after conntrack-tools' FTFW mode, with TCP's answers to what FTFW leaves open: the
 * receiver reports holes by selective acks instead of NACK ranges, so one lost batch costs one
 * retransmission and not the window's; the timeout adapts to the measured round trip
 * (rto.ts) and backs off per batch; and a batch is also retransmitted, before its timer, as
 * soon as a batch sent `reorderThreshold` transmissions after it is acknowledged (RFC 8985's
 * RACK, counted in transmissions instead of time). The threshold grows by one each time the
 * secondary reports a duplicate of a batch retransmitted that way (the ack's `dup`, a one-seq
 * D-SACK): the channel reorders deeper than the threshold, as sync ports balanced by flow hash
 * may. It never shrinks, as in Linux TCP, and stops at MAX_REORDER_THRESHOLD, so a loss is
 * still found within a few frames.
 *
 * Backpressure: at most `window` batches are offered and not yet acknowledged. offer() refuses
 * a batch beyond that and the caller keeps its records: it coalesces them (a session updated
 * twice while waiting is sent once, in its newest state) and offers them when room() says so.
 * Queuing them here instead would grow memory without bound when the secondary falls behind.
 */
import { isStreamNumber } from './frames.js';
import { DEFAULT_RTO_BOUNDS, RtoEstimator } from './rto.js';
/** The reorder threshold grows no further: 32 frames are about 10 ms of a saturated stream. */
export const MAX_REORDER_THRESHOLD = 32;
export const DEFAULT_SENDER_OPTIONS = {
    window: 256,
    rto: DEFAULT_RTO_BOUNDS,
    giveUpAfterMs: 5000,
    maxRetransmits: 20,
    reorderThreshold: 3,
};
export class StreamSender {
    #opts;
    #rto;
    #epoch;
    #state = 'streaming';
    #reason = '';
    /** Every seq below this is acknowledged. */
    #base = 0;
    /** The next seq to transmit for the first time. */
    #unsent = 0;
    /** The next seq to assign. */
    #end = 0;
    // One entry per window slot (seq % window), kept in typed arrays so a batch costs no allocation.
    #slots;
    #offeredAt;
    #firstSentAt;
    #lastSentAt;
    #rtxAt;
    /** Transmission number of the batch's latest transmission: orders batches for loss detection. */
    #xmit;
    #tries;
    /**
     * Retransmissions on the batch's timer. Only these back off and count toward
     * maxRetransmits: a retransmission on an ack's verdict may be spurious under deep
     * reordering (two sync ports of different latency), and must not bring a stream that
     * delivers everything closer to giving up.
     */
    #timeouts;
    /** Due now on an ack's verdict (#rearm), not on its timer. */
    #fastDue;
    #sacked;
    /** Found lost by an ack (not by its timer) and not yet judged spurious. */
    #fast;
    #reorderThreshold;
    #xmitCount = 0;
    /** Transmission number of the latest-sent batch known delivered. */
    #deliveredXmit = -1;
    /** The earliest retransmission deadline of the batches in flight; Infinity when none. */
    #nextRtxAt = Number.POSITIVE_INFINITY;
    /** What take() returns, reused. */
    #out = [];
    #c = {
        sent: 0,
        retransmitted: 0,
        fastRetransmits: 0,
        spuriousRetransmits: 0,
        acked: 0,
        giveUps: 0,
        acks: 0,
        staleAcks: 0,
        badAcks: 0,
    };
    constructor(epoch, options = {}) {
        const o = { ...DEFAULT_SENDER_OPTIONS, ...options };
        if (!(Number.isInteger(o.window) && o.window >= 1 && o.window <= 65536)) {
            throw new RangeError(`sender window ${o.window}: expected an integer 1-65536`);
        }
        if (!(o.giveUpAfterMs > 0 && Number.isInteger(o.maxRetransmits) && o.maxRetransmits >= 0 && o.reorderThreshold >= 1)) {
            throw new RangeError(`give up after ${o.giveUpAfterMs} ms / ${o.maxRetransmits} retransmissions, reorder threshold ${o.reorderThreshold}: expected > 0, >= 0, >= 1`);
        }
        if (!isStreamNumber(epoch))
            throw new RangeError(`epoch ${epoch}: expected a safe integer >= 0`);
        this.#opts = o;
        this.#rto = new RtoEstimator(o.rto);
        this.#epoch = epoch;
        const n = o.window;
        this.#slots = Array.from({ length: n }, () => ({ epoch, seq: 0, payload: undefined }));
        this.#offeredAt = new Float64Array(n);
        this.#firstSentAt = new Float64Array(n);
        this.#lastSentAt = new Float64Array(n);
        this.#rtxAt = new Float64Array(n);
        this.#xmit = new Float64Array(n);
        this.#tries = new Uint32Array(n);
        this.#timeouts = new Uint32Array(n);
        this.#fastDue = new Uint8Array(n);
        this.#sacked = new Uint8Array(n);
        this.#fast = new Uint8Array(n);
        this.#reorderThreshold = o.reorderThreshold;
    }
    get state() {
        return this.#state;
    }
    get epoch() {
        return this.#epoch;
    }
    /** Batches that may be offered and not yet acknowledged. */
    get window() {
        return this.#opts.window;
    }
    /** The seq the next offered batch gets. */
    get nextSeq() {
        return this.#end;
    }
    /** Every batch below this seq is acknowledged. */
    get ackedBelow() {
        return this.#base;
    }
    /** Batches offer() would take now. */
    room() {
        return this.#state === 'streaming' ? this.#opts.window - (this.#end - this.#base) : 0;
    }
    /** Queues a batch; false (and nothing kept) when the window is full or the stream needs a resync. */
    offer(payload, now) {
        if (this.room() === 0)
            return false;
        const i = this.#end % this.#opts.window;
        const slot = this.#slots[i];
        slot.epoch = this.#epoch;
        slot.seq = this.#end;
        slot.payload = payload;
        this.#offeredAt[i] = now;
        this.#tries[i] = 0;
        this.#timeouts[i] = 0;
        this.#fastDue[i] = 0;
        this.#sacked[i] = 0;
        this.#fast[i] = 0;
        this.#end++;
        return true;
    }
    /**
     * Up to `max` frames to transmit now, retransmissions first (the secondary cannot deliver
     * past a hole), then new batches in order. The array and its frames are reused: encode them
     * before calling into the sender again.
     */
    take(now, max) {
        const out = this.#out;
        out.length = 0;
        if (this.#state !== 'streaming')
            return out;
        if (now >= this.#nextRtxAt)
            this.#retransmitDue(now, max);
        if (this.#state !== 'streaming') {
            out.length = 0;
            return out;
        }
        while (out.length < max && this.#unsent < this.#end) {
            this.#transmit(this.#unsent++, now);
            this.#c.sent++;
        }
        return out;
    }
    /** An ack frame from the secondary (frames.ts). */
    onAck(ack, now) {
        if (ack.epoch !== this.#epoch) {
            this.#c.staleAcks++;
            return;
        }
        if (this.#state !== 'streaming')
            return;
        if (ack.resync) {
            this.#needsResync('the secondary asked for a full resync');
            return;
        }
        if (!isStreamNumber(ack.cumulative) || ack.cumulative > this.#unsent) {
            this.#c.badAcks++;
            return;
        }
        this.#c.acks++;
        if (isStreamNumber(ack.dup))
            this.#judge(ack.dup);
        const w = this.#opts.window;
        let newest = -1;
        while (this.#base < ack.cumulative) {
            const i = this.#base++ % w;
            if (!this.#sacked[i])
                newest = this.#acked(i, newest);
            this.#slots[i].payload = undefined;
        }
        const sack = ack.sack;
        for (let k = 0; k + 1 < sack.length; k += 2) {
            const from = sack[k];
            const to = sack[k + 1];
            if (!(isStreamNumber(from) && isStreamNumber(to) && from < to && to <= this.#unsent)) {
                this.#c.badAcks++;
                continue;
            }
            for (let s = Math.max(from, this.#base); s < to; s++) {
                const i = s % w;
                if (this.#sacked[i])
                    continue;
                this.#sacked[i] = 1;
                newest = this.#acked(i, newest);
            }
        }
        if (newest < 0)
            return;
        // Karn: a retransmitted batch's ack may answer either copy, so only a single copy times a round trip.
        if (this.#tries[newest] === 1)
            this.#rto.sample(now - this.#lastSentAt[newest]);
        this.#deliveredXmit = Math.max(this.#deliveredXmit, this.#xmit[newest]);
        this.#rearm(now);
    }
    /** When take() has something to send: now while batches wait, else the next retransmission. */
    nextWakeAt(now) {
        if (this.#state !== 'streaming')
            return Number.POSITIVE_INFINITY;
        if (this.#unsent < this.#end)
            return now;
        return this.#nextRtxAt;
    }
    /** A new epoch (a resync starts, or the peer rebooted): every batch in flight is dropped. */
    reset(epoch) {
        if (!(isStreamNumber(epoch) && epoch > this.#epoch)) {
            throw new RangeError(`epoch ${epoch}: expected a safe integer above the current ${this.#epoch}`);
        }
        for (const slot of this.#slots)
            slot.payload = undefined;
        this.#epoch = epoch;
        this.#state = 'streaming';
        this.#reason = '';
        this.#base = this.#unsent = this.#end = 0;
        this.#deliveredXmit = -1;
        this.#nextRtxAt = Number.POSITIVE_INFINITY;
    }
    status(now) {
        const oldest = this.#base < this.#end ? this.#offeredAt[this.#base % this.#opts.window] : now;
        return {
            ...this.#c,
            state: this.#state,
            reason: this.#reason,
            epoch: this.#epoch,
            inFlight: this.#end - this.#base,
            lagMs: now - oldest,
            srttMs: this.#rto.srttMs,
            rttvarMs: this.#rto.rttvarMs,
            rtoMs: this.#rto.rtoMs,
            reorderThreshold: this.#reorderThreshold,
        };
    }
    /** Counts slot `i` acknowledged; returns whichever of `i` and `newest` was transmitted last. */
    #acked(i, newest) {
        this.#c.acked++;
        return newest < 0 || this.#xmit[i] > this.#xmit[newest] ? i : newest;
    }
    #transmit(seq, now) {
        const i = seq % this.#opts.window;
        if (this.#tries[i] === 0)
            this.#firstSentAt[i] = now;
        this.#tries[i]++;
        this.#lastSentAt[i] = now;
        this.#xmit[i] = this.#xmitCount++;
        const at = this.#deadline(i);
        this.#rtxAt[i] = at;
        if (at < this.#nextRtxAt)
            this.#nextRtxAt = at;
        this.#out.push(this.#slots[i]);
    }
    /** Retransmits the batches whose timer ran out (or gives one up), and finds the next deadline. */
    #retransmitDue(now, max) {
        const w = this.#opts.window;
        let next = Number.POSITIVE_INFINITY;
        for (let s = this.#base; s < this.#unsent; s++) {
            const i = s % w;
            if (this.#sacked[i])
                continue;
            if (this.#rtxAt[i] <= now && this.#out.length < max) {
                const fast = this.#fastDue[i] === 1;
                this.#fastDue[i] = 0;
                if (now - this.#firstSentAt[i] >= this.#opts.giveUpAfterMs ||
                    (!fast && this.#timeouts[i] >= this.#opts.maxRetransmits)) {
                    this.#c.giveUps++;
                    const age = Math.round(now - this.#firstSentAt[i]);
                    const retransmits = this.#tries[i] - 1;
                    this.#needsResync(`batch ${s} unacknowledged after ${age} ms and ${retransmits} retransmissions (${this.#timeouts[i]} on its timer)`);
                    return;
                }
                if (!fast)
                    this.#timeouts[i]++;
                this.#transmit(s, now);
                this.#c.retransmitted++;
            }
            next = Math.min(next, this.#rtxAt[i]);
        }
        this.#nextRtxAt = next;
    }
    /**
     * After an ack: the timers restart on the RTO the ack may have changed (RFC 6298 5.3), and
     * batches transmitted `reorderThreshold` or more transmissions before one now known
     * delivered are lost, not late: they go at the next take(). Batches already due stay due.
     */
    #rearm(now) {
        const w = this.#opts.window;
        const lostBelow = this.#deliveredXmit - this.#reorderThreshold + 1;
        let next = Number.POSITIVE_INFINITY;
        for (let s = this.#base; s < this.#unsent; s++) {
            const i = s % w;
            if (this.#sacked[i])
                continue;
            if (this.#rtxAt[i] > now) {
                let at = this.#deadline(i);
                if (this.#xmit[i] < lostBelow && at > now) {
                    at = now;
                    this.#fast[i] = 1;
                    this.#fastDue[i] = 1;
                    this.#c.fastRetransmits++;
                }
                this.#rtxAt[i] = at;
            }
            next = Math.min(next, this.#rtxAt[i]);
        }
        this.#nextRtxAt = next;
    }
    /**
     * The secondary received batch `seq` twice. If it was retransmitted on an ack's verdict, the
     * verdict was wrong: the batch was overtaken, not lost. (The channel duplicating a genuine
     * retransmission looks the same; it is rare, and the threshold is bounded.) A seq whose slot
     * went to a newer batch, or never sent, says nothing.
     */
    #judge(seq) {
        if (!(seq < this.#unsent && seq + this.#opts.window >= this.#end))
            return;
        const i = seq % this.#opts.window;
        if (!this.#fast[i])
            return;
        this.#fast[i] = 0;
        this.#c.spuriousRetransmits++;
        this.#reorderThreshold = Math.min(MAX_REORDER_THRESHOLD, this.#reorderThreshold + 1);
    }
    /**
     * When slot `i` is retransmitted unless acknowledged: its last transmission plus the RTO
     * doubled for each retransmission on its timer so far, or the give-up moment, a deadline of its own so
     * that a long backoff cannot postpone it.
     */
    #deadline(i) {
        const backoff = this.#rto.backedOff(this.#timeouts[i]);
        return Math.min(this.#lastSentAt[i] + backoff, this.#firstSentAt[i] + this.#opts.giveUpAfterMs);
    }
    #needsResync(reason) {
        this.#state = 'needs-resync';
        this.#reason = reason;
    }
}
//# sourceMappingURL=sender.js.map