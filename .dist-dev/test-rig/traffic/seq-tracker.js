/**
 * Which sequence numbers of a probe stream arrived, and the outages: runs of missing numbers.
 *
 * Outages are timed by the sender's clock (the send times the probes carry), so the client
 * (echoes: the round trip) and the server (probes: the forward path) time them alike and
 * transit delay does not blur them. An outage lies between `startMs`, the send time of the
 * last probe through before the hole, and `endMs`, that of the first through after it: the
 * path was broken somewhere inside, and `gapMs` exceeds the break by less than two probe
 * intervals. A late probe (reordered) fills its place and splits the hole around it.
 *
 * Pure: times are numbers handed in.
 */
export const DEFAULT_MAX_OUTAGES = 1000;
function hole(firstSeq, lastSeq, startMs, endMs) {
    return { firstSeq, lastSeq, lost: lastSeq - firstSeq + 1, startMs, endMs, gapMs: endMs - startMs };
}
export class SeqTracker {
    maxOutages;
    seen = new Uint8Array(4096);
    received = 0;
    duplicates = 0;
    reordered = 0;
    firstSeq = null;
    firstAtMs = null;
    highSeq = -1;
    highSendMs = Number.NaN;
    holeMissing = 0;
    belowFirst = 0;
    outages = [];
    dropped = 0;
    constructor(maxOutages = DEFAULT_MAX_OUTAGES) {
        this.maxOutages = maxOutages;
    }
    /** One probe arrived: its sequence number, its send time, and when it arrived. */
    accept(seq, sendMs, atMs) {
        if (this.mark(seq)) {
            this.duplicates++;
            return;
        }
        this.received++;
        if (this.firstSeq === null) {
            this.firstSeq = seq;
            this.firstAtMs = atMs;
            this.highSeq = seq;
            this.highSendMs = sendMs;
            return;
        }
        if (seq > this.highSeq) {
            if (seq > this.highSeq + 1) {
                this.holeMissing += seq - this.highSeq - 1;
                this.add(hole(this.highSeq + 1, seq - 1, this.highSendMs, sendMs));
            }
            this.highSeq = seq;
            this.highSendMs = sendMs;
            return;
        }
        this.reordered++;
        if (seq < this.firstSeq) {
            this.belowFirst++;
            return;
        }
        this.holeMissing--;
        this.fill(seq, sendMs);
    }
    record() {
        return {
            received: this.received,
            duplicates: this.duplicates,
            reordered: this.reordered,
            firstSeq: this.firstSeq,
            firstAtMs: this.firstAtMs,
            highSeq: this.highSeq,
            highSendMs: this.highSendMs,
            holeMissing: this.holeMissing,
            belowFirst: this.belowFirst,
            outages: this.outages.map((o) => ({ ...o })),
            outageCount: this.outages.length + this.dropped,
        };
    }
    /** Marks `seq` seen; returns whether it was seen before. */
    mark(seq) {
        const byte = seq >>> 3;
        if (byte >= this.seen.length) {
            const grown = new Uint8Array(Math.max(this.seen.length * 2, byte + 1));
            grown.set(this.seen);
            this.seen = grown;
        }
        const bit = 1 << (seq & 7);
        const was = (this.seen[byte] & bit) !== 0;
        this.seen[byte] |= bit;
        return was;
    }
    add(o) {
        this.outages.push(o);
        if (this.outages.length <= this.maxOutages)
            return;
        let smallest = 0;
        for (let i = 1; i < this.outages.length; i++) {
            if (this.outages[i].lost < this.outages[smallest].lost)
                smallest = i;
        }
        this.outages.splice(smallest, 1);
        this.dropped++;
    }
    fill(seq, sendMs) {
        for (let i = this.outages.length - 1; i >= 0; i--) {
            const h = this.outages[i];
            if (seq < h.firstSeq || seq > h.lastSeq)
                continue;
            const parts = [];
            if (seq > h.firstSeq)
                parts.push(hole(h.firstSeq, seq - 1, h.startMs, sendMs));
            if (seq < h.lastSeq)
                parts.push(hole(seq + 1, h.lastSeq, sendMs, h.endMs ?? sendMs));
            this.outages.splice(i, 1, ...parts);
            if (parts.length === 2 && this.outages.length > this.maxOutages) {
                this.outages.splice(i + 1, 1);
                this.dropped++;
            }
            return;
        }
    }
}
/** The hole still open at the end: probes settled but not received since the highest. */
export function openOutage(rec, settled) {
    if (settled === null || rec.firstSeq === null || settled.seq <= rec.highSeq)
        return null;
    return {
        firstSeq: rec.highSeq + 1,
        lastSeq: settled.seq,
        lost: settled.seq - rec.highSeq,
        startMs: rec.highSendMs,
        endMs: null,
        gapMs: settled.sendMs - rec.highSendMs,
    };
}
/** Closed outages, then the open one if any. */
export function outagesOf(rec, settled) {
    const open = openOutage(rec, settled);
    return open ? [...rec.outages, open] : rec.outages;
}
/**
 * Probes up to `settled` that never arrived: those before the first one received, those in
 * holes, and those after the highest. Exact once the sender has stopped and drained.
 */
export function lostOf(rec, settled) {
    if (settled === null)
        return 0;
    if (rec.firstSeq === null)
        return settled.seq + 1;
    const beforeFirst = Math.max(0, Math.min(rec.firstSeq, settled.seq + 1) - rec.belowFirst);
    return beforeFirst + rec.holeMissing + (openOutage(rec, settled)?.lost ?? 0);
}
//# sourceMappingURL=seq-tracker.js.map