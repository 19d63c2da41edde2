/**
 * The secondary's end of the primary's session stream: hands batches to the caller strictly in
 * sequence order, each exactly once, holding early ones in a bounded reorder window; drops
 * duplicates and batches of older epochs; and answers with cumulative + selective acks, delayed
 * so they add about one frame per `ackEvery` batches. Pure and clock-driven: every input
 * carries `now` (monotonic ms); the caller drains the frames that arrived, then calls
 * takeAck(now), and wakes at nextWakeAt(now) to do it again. Field meanings: frames.ts.
 *
 * A hole that stays open for gapTimeoutMs, or a batch beyond the reorder window (this side
 * lost its place: it restarted mid-epoch, or the sender's window is larger than ours), loses
 * the stream: the state becomes needs-resync, buffered batches are dropped, and every ack asks
 * the primary for a full resync until a batch of a newer epoch arrives and starts over.
 */
import { isStreamNumber, MAX_SACK_RANGES } from './frames.js';
export const DEFAULT_RECEIVER_OPTIONS = { window: 256, ackEvery: 16, ackDelayMs: 5, gapTimeoutMs: 5000 };
export class StreamReceiver {
    #opts;
    #deliver;
    #state = 'idle';
    #reason = '';
    #epoch = -1;
    /** The next seq to deliver: every one below it was delivered. */
    #next = 0;
    /** One above the highest seq received. */
    #top = 0;
    // One entry per window slot (seq % window).
    #held;
    #present;
    #arrivedAt;
    #buffered = 0;
    /** The earliest arrival among held batches: since then the hole at #next has been known. */
    #gapSince = Number.POSITIVE_INFINITY;
    /** Batches since the last ack. */
    #pending = 0;
    /** The latest duplicate since the last ack; -1 when none. */
    #dup = -1;
    /** When the next ack is due; Infinity when none is. */
    #ackAt = Number.POSITIVE_INFINITY;
    #c = {
        received: 0,
        delivered: 0,
        duplicates: 0,
        outOfOrder: 0,
        gapsSeen: 0,
        gapsRepaired: 0,
        staleEpoch: 0,
        invalid: 0,
        beyondWindow: 0,
        whileResync: 0,
        discarded: 0,
        restarts: 0,
        acksSent: 0,
    };
    /** `deliver` gets each payload once, in sequence order, from inside onBatch. */
    constructor(deliver, options = {}) {
        const o = { ...DEFAULT_RECEIVER_OPTIONS, ...options };
        if (!(Number.isInteger(o.window) && o.window >= 1 && o.window <= 65536)) {
            throw new RangeError(`receiver window ${o.window}: expected an integer 1-65536`);
        }
        if (!(Number.isInteger(o.ackEvery) && o.ackEvery >= 1 && o.ackDelayMs >= 0 && o.gapTimeoutMs > 0)) {
            throw new RangeError(`ack every ${o.ackEvery} / ${o.ackDelayMs} ms, gap timeout ${o.gapTimeoutMs} ms: expected >= 1, >= 0, > 0`);
        }
        this.#opts = o;
        this.#deliver = deliver;
        this.#held = new Array(o.window).fill(undefined);
        this.#present = new Uint8Array(o.window);
        this.#arrivedAt = new Float64Array(o.window);
    }
    get state() {
        return this.#state;
    }
    /** The epoch of the stream; -1 before the first batch. */
    get epoch() {
        return this.#epoch;
    }
    /** A data frame from the primary (frames.ts). Delivers what it can, through the callback. */
    onBatch(epoch, seq, payload, now) {
        const c = this.#c;
        c.received++;
        if (!isStreamNumber(epoch) || !isStreamNumber(seq)) {
            c.invalid++;
            return 'invalid';
        }
        if (epoch < this.#epoch) {
            c.staleEpoch++;
            return 'stale-epoch';
        }
        if (epoch > this.#epoch)
            this.#restart(epoch);
        this.#expire(now);
        if (this.#state === 'needs-resync') {
            c.whileResync++;
            this.#ackBy(now + this.#opts.ackDelayMs);
            return 'needs-resync';
        }
        const w = this.#opts.window;
        const i = seq % w;
        if (seq >= this.#next + w) {
            c.beyondWindow++;
            this.#lose(`batch ${seq} beyond the reorder window (expecting ${this.#next}, window ${w})`, now);
            return 'beyond-window';
        }
        if (seq < this.#next || this.#present[i]) {
            // The sender has not heard our ack, or its timer ran early: tell it now.
            c.duplicates++;
            this.#dup = seq;
            this.#ackBy(now);
            return 'duplicate';
        }
        if (seq < this.#top)
            c.gapsRepaired++;
        else {
            c.gapsSeen += seq - this.#top;
            this.#top = seq + 1;
        }
        if (++this.#pending >= this.#opts.ackEvery)
            this.#ackBy(now);
        else
            this.#ackBy(now + this.#opts.ackDelayMs);
        if (seq !== this.#next) {
            this.#held[i] = payload;
            this.#present[i] = 1;
            this.#arrivedAt[i] = now;
            this.#buffered++;
            c.outOfOrder++;
            if (now < this.#gapSince)
                this.#gapSince = now;
            return 'buffered';
        }
        this.#hand(payload);
        if (this.#buffered > 0)
            this.#drain();
        return 'delivered';
    }
    /** Whether an ack should go now. */
    ackDue(now) {
        this.#expire(now);
        return now >= this.#ackAt;
    }
    /** The ack to send now, or null when none is due. */
    takeAck(now) {
        if (!this.ackDue(now))
            return null;
        this.#pending = 0;
        this.#ackAt = Number.POSITIVE_INFINITY;
        this.#c.acksSent++;
        const resync = this.#state === 'needs-resync';
        const dup = this.#dup;
        this.#dup = -1;
        return { epoch: this.#epoch, cumulative: this.#next, sack: resync ? [] : this.#sackRanges(), dup, resync };
    }
    /** When to call takeAck() next: an ack's delay or a hole's timeout, whichever is first. */
    nextWakeAt(now) {
        const gapEnd = this.#state === 'streaming' ? this.#gapSince + this.#opts.gapTimeoutMs : Number.POSITIVE_INFINITY;
        return Math.max(now, Math.min(this.#ackAt, gapEnd));
    }
    status() {
        return {
            ...this.#c,
            state: this.#state,
            reason: this.#reason,
            epoch: this.#epoch,
            nextSeq: this.#next,
            buffered: this.#buffered,
        };
    }
    #hand(payload) {
        this.#c.delivered++;
        this.#deliver(payload, this.#next++);
    }
    /** Delivers the held batches that follow in order, and dates the hole that stops them. */
    #drain() {
        const w = this.#opts.window;
        for (let i = this.#next % w; this.#present[i]; i = this.#next % w) {
            const payload = this.#held[i];
            this.#held[i] = undefined;
            this.#present[i] = 0;
            this.#buffered--;
            this.#hand(payload);
        }
        let since = Number.POSITIVE_INFINITY;
        for (let s = this.#next + 1; s < this.#top; s++) {
            const i = s % w;
            if (this.#present[i] && this.#arrivedAt[i] < since)
                since = this.#arrivedAt[i];
        }
        this.#gapSince = since;
    }
    /** [from, to) pairs of the batches held above the hole at #next, lowest first. */
    #sackRanges() {
        const ranges = [];
        const w = this.#opts.window;
        for (let s = this.#next + 1; s < this.#top && ranges.length < 2 * MAX_SACK_RANGES; s++) {
            if (!this.#present[s % w])
                continue;
            const from = s;
            while (s < this.#top && this.#present[s % w])
                s++;
            ranges.push(from, s);
        }
        return ranges;
    }
    #ackBy(at) {
        if (at < this.#ackAt)
            this.#ackAt = at;
    }
    /** A hole open for gapTimeoutMs loses the stream. */
    #expire(now) {
        if (this.#state !== 'streaming' || now < this.#gapSince + this.#opts.gapTimeoutMs)
            return;
        const ms = Math.round(now - this.#gapSince);
        this.#lose(`batch ${this.#next} missing for ${ms} ms`, now);
    }
    #lose(reason, now) {
        this.#state = 'needs-resync';
        this.#reason = reason;
        this.#dropHeld();
        this.#ackBy(now);
    }
    /** A newer epoch: the primary restarted the stream, so this side starts over from seq 0. */
    #restart(epoch) {
        this.#dropHeld();
        this.#epoch = epoch;
        this.#state = 'streaming';
        this.#reason = '';
        this.#next = this.#top = 0;
        this.#pending = 0;
        this.#dup = -1;
        this.#ackAt = Number.POSITIVE_INFINITY;
        this.#c.restarts++;
    }
    #dropHeld() {
        this.#c.discarded += this.#buffered;
        this.#held.fill(undefined);
        this.#present.fill(0);
        this.#buffered = 0;
        this.#gapSince = Number.POSITIVE_INFINITY;
    }
}
//# sourceMappingURL=receiver.js.map