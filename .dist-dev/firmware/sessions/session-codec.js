/**
 * Sessions on the sync wire: a CtSession (hal/conntrack) as a CBOR array with fixed positions,
 * addresses as 4 or 16 bytes, and the reply tuple left out when it is the original one
 * inverted (no NAT), which is most sessions. About 40 bytes a TCP session, so some 30 fit in
 * one frame.
 *
 * | pos | field                     | pos | field                                   |
 * | --- | ------------------------- | --- | --------------------------------------- |
 * | 0   | family (4 or 6)           | 7   | status (IPS bits)                       |
 * | 1   | IP protocol               | 8   | timeout (s)                             |
 * | 2   | orig source address       | 9   | mark                                    |
 * | 3   | orig destination address  | 10  | zone                                    |
 * | 4   | orig a (sport, ICMP id)   | 11  | TCP [state, wscale o/r, flags o/r] or null |
 * | 5   | orig b (dport, type<<8|code) | 12 | helper name ('' for none)             |
 * | 6   | reply [src, dst, a, b] or null | 13 | master [src, dst, proto, a, b] or null |
 *
 * A deletion carries the key only: [family, proto, src, dst, a, b, zone]. Decoding is a ladder
 * that returns null for anything malformed; it never throws. A record's first element is its
 * family (4 or 6) here; records of other kinds (expectation-codec.ts) start with a kind number
 * that is never a family, so this decoder refuses them.
 */
import { PROTO } from '../../hal/conntrack/index.js';
import { formatIpv4, formatIpv6, writeIpv4, writeIpv6 } from '../../lib/ip-text.js';
/** A key's length, which tells a deletion from a session. */
export const KEY_FIELDS = 7;
export const SESSION_FIELDS = 14;
const isIcmp = (proto) => proto === PROTO.ICMP || proto === PROTO.ICMPV6;
export function addressBytes(family, text) {
    const b = new Uint8Array(family === 4 ? 4 : 16);
    if (!(family === 4 ? writeIpv4(b, 0, text) : writeIpv6(b, 0, text)))
        throw new RangeError(`address ${text}: not IPv${family}`);
    return b;
}
function addressText(family, v) {
    if (!(v instanceof Uint8Array) || v.length !== (family === 4 ? 4 : 16))
        return null;
    return family === 4 ? formatIpv4(v) : formatIpv6(v);
}
export const partA = (t) => (isIcmp(t.proto) ? t.icmpId : t.sport);
export const partB = (t) => (isIcmp(t.proto) ? (t.icmpType << 8) | t.icmpCode : t.dport);
export function tuple(proto, src, dst, a, b) {
    return isIcmp(proto)
        ? { src, dst, proto, sport: 0, dport: 0, icmpId: a, icmpType: b >>> 8, icmpCode: b & 0xff }
        : { src, dst, proto, sport: a, dport: b, icmpId: 0, icmpType: 0, icmpCode: 0 };
}
/** The reply is the original inverted: nothing to carry (ICMP types change between directions, so ICMP always carries it). */
export function plainReply(s) {
    const { orig: o, reply: r } = s;
    return (!isIcmp(o.proto) && r.src === o.dst && r.dst === o.src && r.sport === o.dport && r.dport === o.sport && r.proto === o.proto);
}
/** A whole tuple (a master's, an expectation's): [src, dst, proto, a, b]. */
export function encodeTuple(f, t) {
    return [addressBytes(f, t.src), addressBytes(f, t.dst), t.proto, partA(t), partB(t)];
}
/** The tuple in `w` (encodeTuple's form), or null when malformed. */
export function decodeTuple(f, w) {
    if (!Array.isArray(w) || w.length !== 5 || !u(w[2], U8) || !u(w[3], U16) || !u(w[4], U16))
        return null;
    const src = addressText(f, w[0]);
    const dst = addressText(f, w[1]);
    if (src === null || dst === null)
        return null;
    return tuple(w[2], src, dst, w[3], w[4]);
}
export const u = (v, max) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
export const U8 = 0xff;
export const U16 = 0xffff;
export const U32 = 0xffffffff;
export function family(v) {
    return v === 4 || v === 6 ? v : null;
}
/** The key in `w`, or null when malformed. */
export function decodeKey(w) {
    if (!Array.isArray(w) || w.length !== KEY_FIELDS)
        return null;
    const f = family(w[0]);
    if (!f || !u(w[1], U8) || !u(w[4], U16) || !u(w[5], U16) || !u(w[6], U16))
        return null;
    const src = addressText(f, w[2]);
    const dst = addressText(f, w[3]);
    if (src === null || dst === null)
        return null;
    return { family: f, orig: tuple(w[1], src, dst, w[4], w[5]), zone: w[6] };
}
/** The session in `w`, or null when malformed. */
export function decodeSession(w) {
    if (!Array.isArray(w) || w.length !== SESSION_FIELDS)
        return null;
    const key = decodeKey([w[0], w[1], w[2], w[3], w[4], w[5], w[10]]);
    if (!key)
        return null;
    const f = key.family;
    const proto = key.orig.proto;
    let reply;
    if (w[6] === null) {
        const o = key.orig;
        reply = tuple(proto, o.dst, o.src, o.dport, o.sport);
    }
    else {
        const r = w[6];
        if (!Array.isArray(r) || r.length !== 4 || !u(r[2], U16) || !u(r[3], U16))
            return null;
        const src = addressText(f, r[0]);
        const dst = addressText(f, r[1]);
        if (src === null || dst === null)
            return null;
        reply = tuple(proto, src, dst, r[2], r[3]);
    }
    if (!u(w[7], U32) || !u(w[8], U32) || !u(w[9], U32) || typeof w[12] !== 'string' || w[12].length > 16)
        return null;
    let tcp = null;
    if (w[11] !== null) {
        const t = w[11];
        if (!Array.isArray(t) || t.length !== 5 || !t.every((x) => u(x, U8)))
            return null;
        tcp = { state: t[0], wscaleOrig: t[1], wscaleReply: t[2], flagsOrig: t[3], flagsReply: t[4] };
    }
    let master = null;
    if (w[13] !== null) {
        master = decodeTuple(f, w[13]);
        if (!master)
            return null;
    }
    return {
        family: f,
        orig: key.orig,
        reply,
        status: w[7],
        timeout: w[8],
        mark: w[9],
        zone: key.zone,
        id: 0,
        tcp,
        helper: w[12],
        master,
        // The secondary's kernel stamps its copy itself (the wire carries no start time).
        startWallMs: 0,
    };
}
//# sourceMappingURL=session-codec.js.map