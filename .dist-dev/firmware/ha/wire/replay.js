/**
 * Replay state per sender: its boot id, the highest sequence accepted and which of the
 * `window` sequences just below it were accepted too (RFC 4303 §3.4.3 style). A unit sends one
 * frame per heartbeat link, each with its own sequence, and the links deliver in no particular
 * order relative to each other, so a frame a little older than the newest accepted is fine as
 * long as it was not seen before. With a window of 1 the rule is the plain "sequence must exceed
 * the last accepted".
 */
import { SERIAL_LEN, sameSerial } from './header.js';
/** Sequences a frame may lag behind the newest accepted from the same sender. */
export const REPLAY_WINDOW = 32;
/** Senders tracked at once; only authenticated frames create entries. */
const MAX_PEERS = 64;
export class ReplayGuard {
    window;
    peers = [];
    clock = 0;
    constructor(window = REPLAY_WINDOW) {
        this.window = window;
        if (!Number.isInteger(window) || window < 1 || window > 32) {
            throw new RangeError(`replay window ${window}: must be an integer 1-32`);
        }
    }
    /** The sender whose 16 serial bytes are at `buf[o]`, if it was accepted before. */
    find(buf, o) {
        for (const p of this.peers)
            if (sameSerial(buf, o, p.serialBytes))
                return p;
        return undefined;
    }
    /**
     * Whether a frame with this boot id and sequence is new. Boot ids only grow (boot-ids.ts): a
     * higher one is a restart, a lower one a frame of an earlier boot, replayed.
     */
    fresh(p, bootId, seq) {
        if (!p)
            return true;
        if (bootId !== p.bootId)
            return bootId > p.bootId;
        if (seq > p.top)
            return true;
        const lag = p.top - seq;
        return lag < this.window && (p.seen & (1 << lag)) === 0;
    }
    /** Starts tracking a sender from its first accepted frame. */
    add(identity, bootId, seq) {
        if (this.peers.length >= MAX_PEERS)
            this.evictStalest();
        const p = { ...identity, bootId, top: seq, seen: 1, touched: ++this.clock };
        this.peers.push(p);
        return p;
    }
    /** Records an accepted frame of a tracked sender. */
    accept(p, bootId, seq) {
        p.touched = ++this.clock;
        if (p.bootId !== bootId) {
            p.bootId = bootId;
            p.top = seq;
            p.seen = 1;
        }
        else if (seq > p.top) {
            const shift = seq - p.top;
            p.seen = shift >= 32 ? 1 : ((p.seen << shift) | 1) >>> 0;
            p.top = seq;
        }
        else {
            p.seen = (p.seen | (1 << (p.top - seq))) >>> 0;
        }
    }
    get size() {
        return this.peers.length;
    }
    evictStalest() {
        let stalest = 0;
        for (let i = 1; i < this.peers.length; i++) {
            if (this.peers[i].touched < this.peers[stalest].touched)
                stalest = i;
        }
        this.peers.splice(stalest, 1);
    }
}
export function copySerial(buf, o) {
    return buf.slice(o, o + SERIAL_LEN);
}
//# sourceMappingURL=replay.js.map