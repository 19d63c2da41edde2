/**
 * The retransmission timeout of the session stream, estimated from ack round trips as TCP does
 * (RFC 6298): a smoothed RTT and its mean deviation, RTO = SRTT + max(G, 4·RTTVAR), clamped.
 *
 * The bounds suit a sync link between two boards, not the Internet: the path is one L2 hop, so
 * the RTT is the peer's time to get round to its socket (its event loop, a delayed ack of up to
 * a few ms), and the floor only has to stay clear of that. RFC 6298's 1 s floor would turn
 * every lost batch into a second of replication lag.
 */
export const DEFAULT_RTO_BOUNDS = { initialRtoMs: 100, minRtoMs: 15, maxRtoMs: 500 };
/** Clock granularity G of RFC 6298 (ms): the monotonic clock is finer, the event loop is not. */
const GRANULARITY_MS = 1;
export class RtoEstimator {
    #bounds;
    #srtt = 0;
    #rttvar = 0;
    #rto;
    #samples = 0;
    constructor(bounds = DEFAULT_RTO_BOUNDS) {
        const { initialRtoMs, minRtoMs, maxRtoMs } = bounds;
        if (!(minRtoMs > 0 && minRtoMs <= maxRtoMs && initialRtoMs >= minRtoMs && initialRtoMs <= maxRtoMs)) {
            throw new RangeError(`RTO bounds ${minRtoMs} <= ${initialRtoMs} <= ${maxRtoMs} ms: expected 0 < min <= initial <= max`);
        }
        this.#bounds = { ...bounds };
        this.#rto = initialRtoMs;
    }
    /** The current RTO (ms), before any per-batch backoff. */
    get rtoMs() {
        return this.#rto;
    }
    /** Smoothed RTT (ms); 0 before the first sample. */
    get srttMs() {
        return this.#srtt;
    }
    /** RTT mean deviation (ms); 0 before the first sample. */
    get rttvarMs() {
        return this.#rttvar;
    }
    get samples() {
        return this.#samples;
    }
    /**
     * One round trip: from a batch's only transmission to the ack that covered it. Karn's rule
     * is the caller's: a retransmitted batch gives no sample, as the ack may answer either copy.
     */
    sample(rttMs) {
        if (!(rttMs >= 0 && Number.isFinite(rttMs)))
            return;
        if (this.#samples === 0) {
            this.#srtt = rttMs;
            this.#rttvar = rttMs / 2;
        }
        else {
            this.#rttvar = 0.75 * this.#rttvar + 0.25 * Math.abs(this.#srtt - rttMs);
            this.#srtt = 0.875 * this.#srtt + 0.125 * rttMs;
        }
        this.#samples++;
        this.#rto = this.#clamp(this.#srtt + Math.max(GRANULARITY_MS, 4 * this.#rttvar));
    }
    /** The timeout of a batch's next transmission after `retransmits` earlier ones: doubled each time. */
    backedOff(retransmits) {
        return this.#clamp(this.#rto * 2 ** Math.min(retransmits, 30));
    }
    #clamp(ms) {
        return Math.min(this.#bounds.maxRtoMs, Math.max(this.#bounds.minRtoMs, ms));
    }
}
//# sourceMappingURL=rto.js.map