/**
 * A datagram channel that fails the way the sync link does: it loses, duplicates, delays and
 * reorders frames, deterministically from a seed, so a failing run can be replayed. One
 * direction; a link is two of them.
 */
import { rng } from '../../ha/wire/raw-frames.testkit.js';
/** Uniform in [0, 1) from a seed (xorshift32): the same faults on every run of a seed. */
export function prng(seed) {
    const next = rng(seed);
    return () => next() / 2 ** 32;
}
export const PERFECT = { loss: 0, duplicate: 0, delayMs: 0.2, jitterMs: 0 };
export class LossyChannel {
    #faults;
    #rnd;
    /** Frames on their way, by arrival time (ties in sending order). */
    #queue = [];
    sent = 0;
    lost = 0;
    duplicated = 0;
    delivered = 0;
    /** A frame is dropped when this returns true, before the random faults (for exact scenarios). */
    dropIf = () => false;
    constructor(faults, seed) {
        this.#faults = faults;
        this.#rnd = prng(seed);
    }
    send(frame, now) {
        this.sent++;
        if (this.dropIf(frame) || this.#rnd() < this.#faults.loss) {
            this.lost++;
            return;
        }
        this.#schedule(frame, now);
        if (this.#rnd() < this.#faults.duplicate) {
            this.duplicated++;
            this.#schedule(frame, now);
        }
    }
    /** When the next frame arrives; Infinity when none is on its way. */
    nextArrivalAt() {
        return this.#queue[0]?.at ?? Number.POSITIVE_INFINITY;
    }
    /** Frames on their way. */
    get pending() {
        return this.#queue.length;
    }
    /** The frames that arrived by `now`, in arrival order. */
    receive(now) {
        let n = 0;
        while (n < this.#queue.length && this.#queue[n].at <= now)
            n++;
        this.delivered += n;
        return this.#queue.splice(0, n).map((f) => f.frame);
    }
    #schedule(frame, now) {
        const at = now + this.#faults.delayMs + this.#rnd() * this.#faults.jitterMs;
        let lo = 0;
        let hi = this.#queue.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.#queue[mid].at <= at)
                lo = mid + 1;
            else
                hi = mid;
        }
        this.#queue.splice(lo, 0, { at, frame });
    }
}
//# sourceMappingURL=channel.fake.js.map