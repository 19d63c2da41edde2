/**
 * Bodies of control frames (CONTROL_FRAME_TYPE, 5, on the HA wire: docs/config-sync-plan.md §2), one CBOR
 * array each, sealed like heartbeats with the control channel's own keys (control-seal.ts):
 *
 * | kind | array                                                | meaning                           |
 * | ---- | ---------------------------------------------------- | --------------------------------- |
 * | 1    | [1, to, epoch, seq, last, bytes]                     | a fragment of the stream to `to`  |
 * | 2    | [2, to, epoch, cumulative, [from, to, ...], dup, resync] | an ack (sessions/stream/frames.ts) |
 *
 * Every unit on the heartbeat ports gets every frame (a multicast group), and each unit runs a
 * stream of its own to each peer, so both kinds name in `to` the serial they are for; the
 * others drop them (notForUs). A message (messages.ts) is the fragments of one stream from
 * the first after the previous `last` up to the next `last`. An ack's sender is the frame's.
 */
import { cborArray } from '../../lib/cbor-array.js';
import { HA_UDP_PORT } from '../ha/wire/addresses.js';
import { SERIAL_LEN } from '../ha/wire/header.js';
import { ackFromWire } from '../sessions/stream/index.js';
import { cbor } from './cbor.js';
/**
 * Ethertype 0x8893 to 03:54:44:43:54:00 ("TDCT", locally administered multicast) on the hbdev
 * ports; with `unicast-hb`, UDP 703, whose socket the heartbeat worker owns and relays.
 */
export const CONTROL_CHANNEL = {
    ethertype: 0x8893,
    group: Uint8Array.of(0x03, 0x54, 0x44, 0x43, 0x54, 0x00),
    udpPort: HA_UDP_PORT,
};
/**
 * A message's bytes per fragment, at most. The array around them takes 42 bytes at worst (head,
 * kind, a 16-character `to`, two 9-byte numbers, `last`, the bytes' head): a frame holds 1448.
 */
export const MAX_FRAGMENT_BYTES = 1380;
export const Kind = { Fragment: 1, Ack: 2 };
// cbor-x hands back a view of its shared buffer: each body is copied before the next encode.
export function encodeFragment(to, epoch, seq, last, bytes) {
    return new Uint8Array(cbor.encode([Kind.Fragment, to, epoch, seq, last, bytes]));
}
export function encodeAck(to, ack) {
    return new Uint8Array(cbor.encode([Kind.Ack, to, ack.epoch, ack.cumulative, ack.sack, ack.dup, ack.resync]));
}
const uint = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const serial = (v) => typeof v === 'string' && v.length > 0 && v.length <= SERIAL_LEN;
/** The body in src[0, length), or null when it is not one of the kinds above. Never throws. */
export function decodeControlBody(src, length) {
    const v = cborArray(cbor, src, length);
    if (!v)
        return null;
    switch (v[0]) {
        case Kind.Fragment: {
            const [, to, epoch, seq, last, bytes] = v;
            if (v.length !== 6 || !serial(to) || !uint(epoch) || !uint(seq) || typeof last !== 'boolean')
                return null;
            if (!(bytes instanceof Uint8Array) || bytes.length > MAX_FRAGMENT_BYTES)
                return null;
            return { kind: 1, to, epoch, seq, last, bytes };
        }
        case Kind.Ack: {
            const to = v[1];
            if (!serial(to))
                return null;
            const ack = ackFromWire(v.slice(2));
            return ack && { kind: 2, to, ...ack };
        }
        default:
            return null;
    }
}
//# sourceMappingURL=frames.js.map