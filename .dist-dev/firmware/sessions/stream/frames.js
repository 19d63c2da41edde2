/**
 * The control fields of the session stream, as the framing layer carries them. This layer
 * never sees bytes: the sync frames (header, authentication, cbor-x body) wrap these objects,
 * and the decoder hands them back as plain numbers.
 *
 * Data frame {epoch, seq, payload}, primary → secondary:
 * - `epoch`: which stream this is. The primary starts a new epoch, larger than any it used
 *   before, for each full resync (a secondary joined or restarted, or a gap could not be
 *   repaired); across its own reboots too, so it derives epochs from its persisted boot id
 *   (boot-ids.ts), e.g. bootId · 2^20 + resyncs since boot. A safe integer.
 * - `seq`: the batch's place in the epoch: 0 for the first, one more for each next. A safe
 *   integer, never wrapping: at 3000 batches/s, 2^53 lasts 95 000 years, so neither side needs
 *   serial-number arithmetic, and an epoch restarts it at 0 anyway. CBOR spends at most 5 bytes
 *   on it below 2^32 (16 days of a saturated stream), 9 above.
 * - `payload`: the records, opaque here.
 *
 * Ack frame {epoch, cumulative, sack, dup, resync}, secondary → primary:
 * - `epoch`: the epoch acknowledged; acks of any other epoch are ignored.
 * - `cumulative`: every seq below it was received (the next seq expected in order).
 * - `sack`: batches received above `cumulative`, as flat pairs [from, to) of absolute seqs,
 *   ascending and disjoint, at most MAX_SACK_RANGES pairs (lowest first). Empty when nothing
 *   arrived out of order, which is the common case. An encoder may send them as deltas from
 *   `cumulative` to keep them to a byte or two each.
 * - `dup`: the seq of the latest duplicate received since the previous ack, or -1 (RFC 2883's
 *   D-SACK, one seq): a duplicate of a batch the sender retransmitted before its timer tells
 *   it that the batch was late, not lost, so it waits longer before the next such verdict.
 * - `resync`: the secondary lost the stream (a gap that cannot be filled) and asks for a full
 *   resync; `cumulative` and `sack` are then meaningless.
 */
/** SACK pairs an ack carries at most: 32 pairs are 64 numbers, under 200 bytes as deltas. */
export const MAX_SACK_RANGES = 32;
/** Whether `n` can be an epoch or a sequence number: a safe integer >= 0. */
export function isStreamNumber(n) {
    return Number.isSafeInteger(n) && n >= 0;
}
const streamNumber = (v) => typeof v === 'number' && isStreamNumber(v);
/**
 * The ack a decoder read as these values, in the order the frames carry them (epoch,
 * cumulative, sack pairs, dup, resync), or null when one is not what the fields above say.
 */
export function ackFromWire(fields) {
    const [epoch, cumulative, sack, dup, resync] = fields;
    if (fields.length !== 5 || !streamNumber(epoch) || !streamNumber(cumulative) || typeof resync !== 'boolean')
        return null;
    if (!(dup === -1 || streamNumber(dup)))
        return null;
    if (!Array.isArray(sack) || sack.length > 2 * MAX_SACK_RANGES || sack.length % 2 !== 0 || !sack.every(streamNumber)) {
        return null;
    }
    return { epoch, cumulative, sack, dup, resync };
}
//# sourceMappingURL=frames.js.map