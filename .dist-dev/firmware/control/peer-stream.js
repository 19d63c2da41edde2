/**
 * The control stream between this unit and one peer, both ways: messages out are cut into
 * fragments and sent in order by a StreamSender (sessions/stream/, reused as it is), fragments
 * in are put back in order by a StreamReceiver and joined into messages. Pure and clock-driven:
 * every input carries `now`, and the link (control-link.ts) transmits what take() hands it.
 *
 * The sender's window holds WINDOW fragments; messages beyond it wait here, up to
 * MAX_QUEUED_BYTES. A restart (a give-up, the peer rebooted) drops them all with the stream:
 * the upper layers hear of it (ControlLink.onPeerReset) and compare state again. A fragment of
 * a newer epoch from the peer restarts the receiving side and drops the message it was
 * building, whose first fragments belonged to the old stream.
 */
import { StreamReceiver, StreamSender, } from '../sessions/stream/index.js';
import { MAX_FRAGMENT_BYTES } from './frames.js';
import { MAX_MESSAGE_BYTES } from './messages.js';
/** Fragments in flight per peer, both ends (docs/config-sync-plan.md §2). */
export const WINDOW = 64;
/** Messages waiting for the window, per peer, at most (their wire bytes). */
export const MAX_QUEUED_BYTES = 16 << 20;
export const SENDER_OPTIONS = { window: WINDOW, giveUpAfterMs: 5000 };
export const RECEIVER_OPTIONS = { window: WINDOW };
export class PeerStream {
    serial;
    sender;
    receiver;
    /** Header boot id of the peer's latest frame; 0 before the first. */
    bootId = 0;
    #queue = [];
    #queuedBytes = 0;
    /** Seqs of the last fragments of messages offered and not yet acknowledged, in order. */
    #ends = [];
    /** Messages whose last fragment still waits in the queue. */
    #waiting = 0;
    /** The message being joined, and whether it grew too large and is being skipped. */
    #parts = [];
    #partBytes = 0;
    #skipping = false;
    #arrivals = [];
    #sent = 0;
    #received = 0;
    #resets = 0;
    constructor(serial, epoch, o = {}) {
        this.serial = serial;
        this.sender = new StreamSender(epoch, { ...SENDER_OPTIONS, ...o.sender });
        this.receiver = new StreamReceiver((f) => this.#join(f), { ...RECEIVER_OPTIONS, ...o.receiver });
    }
    /** Queues a message's bytes; false when the queue has no room for them. */
    enqueue(bytes, now) {
        if (bytes.length > MAX_MESSAGE_BYTES || this.#queuedBytes + bytes.length > MAX_QUEUED_BYTES)
            return false;
        let at = 0;
        do {
            const end = Math.min(bytes.length, at + MAX_FRAGMENT_BYTES);
            this.#queue.push({ bytes: bytes.subarray(at, end), last: end === bytes.length });
            at = end;
        } while (at < bytes.length);
        this.#queuedBytes += bytes.length;
        this.#waiting++;
        this.#sent++;
        this.#offer(now);
        return true;
    }
    /** A fragment from the peer; whole messages wait in arrivals(). */
    onFragment(f, now) {
        if (f.epoch > this.receiver.epoch)
            this.#dropPartial();
        this.receiver.onBatch(f.epoch, f.seq, { bytes: f.bytes, last: f.last }, now);
    }
    onAck(ack, now) {
        this.sender.onAck(ack, now);
        const acked = this.sender.ackedBelow;
        let n = 0;
        while (n < this.#ends.length && this.#ends[n] < acked)
            n++;
        if (n > 0)
            this.#ends.splice(0, n);
        this.#offer(now);
    }
    /** The messages completed (or dropped as too large) since the last call. */
    arrivals() {
        const a = this.#arrivals;
        this.#arrivals = [];
        return a;
    }
    /** A new epoch for the stream out: every message in flight or waiting is dropped. */
    restart(epoch) {
        this.sender.reset(epoch);
        this.#queue = [];
        this.#queuedBytes = 0;
        this.#ends = [];
        this.#waiting = 0;
        this.#resets++;
    }
    /** The peer rebooted: what was half joined from it belongs to its old life. */
    forgetIncoming() {
        this.#dropPartial();
    }
    nextWakeAt(now) {
        return Math.min(this.sender.nextWakeAt(now), this.receiver.nextWakeAt(now));
    }
    status(now) {
        return {
            serial: this.serial,
            sent: this.#sent,
            received: this.#received,
            retransmits: this.sender.status(now).retransmitted,
            resets: this.#resets,
            pending: this.#ends.length + this.#waiting,
        };
    }
    /** Moves queued fragments into the sender's window while it has room. */
    #offer(now) {
        let n = 0;
        while (n < this.#queue.length && this.sender.room() > 0) {
            const f = this.#queue[n];
            const seq = this.sender.nextSeq;
            this.sender.offer(f, now);
            this.#queuedBytes -= f.bytes.length;
            if (f.last) {
                this.#ends.push(seq);
                this.#waiting--;
            }
            n++;
        }
        if (n > 0)
            this.#queue.splice(0, n);
    }
    #join(f) {
        if (!this.#skipping) {
            this.#partBytes += f.bytes.length;
            if (this.#partBytes > MAX_MESSAGE_BYTES) {
                this.#skipping = true;
                this.#arrivals.push({ tooLarge: true });
                this.#parts = [];
            }
            else {
                this.#parts.push(f.bytes);
            }
        }
        if (!f.last)
            return;
        if (!this.#skipping) {
            this.#received++;
            this.#arrivals.push({
                bytes: this.#parts.length === 1 ? this.#parts[0] : concat(this.#parts, this.#partBytes),
            });
        }
        this.#dropPartial();
    }
    #dropPartial() {
        this.#parts = [];
        this.#partBytes = 0;
        this.#skipping = false;
    }
}
function concat(parts, length) {
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}
//# sourceMappingURL=peer-stream.js.map