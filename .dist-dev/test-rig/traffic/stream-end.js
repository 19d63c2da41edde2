/**
 * One end of a long-lived TCP stream: the records it writes, the continuity of those it reads
 * (every record must carry the stream's id and the next sequence number), and how long data
 * stopped arriving (stalls). Pure: the agents feed it bytes and times.
 */
import { decodeRecord, encodeRecord, RECORD_BYTES } from './protocol.js';
const round3 = (ms) => Math.round(ms * 1000) / 1000;
export class StreamEnd {
    id;
    state;
    reason = null;
    brokenAtMs = null;
    pending = Buffer.alloc(0);
    sent = 0;
    received = 0;
    lastArrivalMs = null;
    maxStall = null;
    /** A server end learns its id from the first record; a client end knows it. */
    constructor(id, state) {
        this.id = id;
        this.state = state;
    }
    get streamId() {
        return this.id;
    }
    get alive() {
        return this.state === 'alive';
    }
    connected() {
        if (this.state === 'connecting')
            this.state = 'alive';
    }
    /** The next record to write, or null when this end cannot write (not alive, id unknown). */
    next(nowMs) {
        if (this.state !== 'alive' || this.id === null)
            return null;
        return encodeRecord({ stream: this.id, seq: this.sent++, sendMs: nowMs });
    }
    /** Bytes arrived at `nowMs`. */
    receive(chunk, nowMs) {
        if (this.state === 'broken')
            return;
        if (this.lastArrivalMs !== null) {
            const ms = nowMs - this.lastArrivalMs;
            if (this.maxStall === null || ms > this.maxStall.ms)
                this.maxStall = { ms, startMs: this.lastArrivalMs, endMs: nowMs };
        }
        this.lastArrivalMs = nowMs;
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        let off = 0;
        for (; off + RECORD_BYTES <= this.pending.length; off += RECORD_BYTES) {
            const failure = this.check(decodeRecord(this.pending, off));
            if (failure !== null) {
                this.broke(failure, nowMs);
                return;
            }
            this.received++;
        }
        this.pending = this.pending.subarray(off);
    }
    /** Why a record breaks the stream's continuity, or null when it is the one due. */
    check(r) {
        if (r === null)
            return 'out of sequence: a record without the stream magic';
        this.id ??= r.stream;
        if (r.stream !== this.id)
            return `out of sequence: record of stream ${r.stream}`;
        if (r.seq !== this.received)
            return `out of sequence: record ${r.seq} where ${this.received} was due`;
        return null;
    }
    broke(reason, nowMs) {
        if (this.state === 'broken')
            return;
        this.state = 'broken';
        this.reason = reason;
        this.brokenAtMs = nowMs;
    }
    view(nowMs) {
        let stall = this.maxStall;
        if (this.state === 'alive' && this.lastArrivalMs !== null) {
            const ongoing = nowMs - this.lastArrivalMs;
            if (stall === null || ongoing > stall.ms)
                stall = { ms: ongoing, startMs: this.lastArrivalMs, endMs: null };
        }
        return {
            id: this.id ?? -1,
            state: this.state,
            reason: this.reason,
            brokenAtMs: this.brokenAtMs,
            sent: this.sent,
            received: this.received,
            lastArrivalMs: this.lastArrivalMs,
            maxStall: stall && { ms: round3(stall.ms), startMs: stall.startMs, endMs: stall.endMs },
        };
    }
}
/** How a socket's error reads in a report. */
export function socketFailure(e) {
    if (e.code === 'ECONNRESET')
        return 'reset';
    return e.code ? `error ${e.code}` : `error: ${e.message}`;
}
//# sourceMappingURL=stream-end.js.map