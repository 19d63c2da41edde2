/**
 * ctnetlink messages (dumps and events) into records. A ladder: every length is checked before
 * it is read, and a message that fails a rung is skipped and counted under that rung's name;
 * nothing here throws. Attributes the records do not carry (counters, the stop and event
 * timestamps, labels, sequence adjustments) are stepped over, as are attribute types unknown to this kernel
 * header, so a newer kernel's additions do not make messages malformed.
 *
 * Each nesting level is first indexed by attribute type, as the kernel's nla_parse does, into
 * tables kept from one message to the next: decoding a dump allocates only the records.
 */
import { formatIpv4, formatIpv6 } from '../../lib/ip-text.js';
import { align4, NLMSG_HDR_BYTES } from '../netlink.js';
import { CTA, EXPECT, EXPECT_NAT, HELP_NAME, IP, L4, NFGENMSG_BYTES, NLA_TYPE_MASK, PROTOINFO_TCP, TCP, TIMESTAMP_START, TUPLE, } from './wire.js';
const AF_INET = 2;
const AF_INET6 = 10;
const BODY = NLMSG_HDR_BYTES + NFGENMSG_BYTES;
export function newDecodeCounters() {
    return { truncated: 0, unknownType: 0, badFamily: 0, badAttribute: 0, badTuple: 0 };
}
/**
 * Calls `onMessage` for every whole message of the datagram in bytes[0, length). A header
 * whose length is impossible ends the datagram (nothing after it can be framed) and is counted.
 */
export function forEachMessage(view, length, c, onMessage) {
    const end = Math.min(length, view.byteLength);
    let off = 0;
    while (off + NLMSG_HDR_BYTES <= end) {
        const len = view.getUint32(off, true);
        if (len < NLMSG_HDR_BYTES || off + len > end) {
            c.truncated++;
            return;
        }
        onMessage(off, len, view.getUint16(off + 4, true), view.getUint16(off + 6, true), view.getUint32(off + 8, true));
        off += align4(len);
    }
    if (off < end)
        c.truncated++;
}
/** The message's IP version, or 0 (counted as badFamily, or truncated when too short for its nfgenmsg). */
function familyOf(bytes, off, len, c) {
    if (len < BODY) {
        c.truncated++;
        return 0;
    }
    const af = bytes[off + NLMSG_HDR_BYTES];
    if (af === AF_INET)
        return 4;
    if (af === AF_INET6)
        return 6;
    c.badFamily++;
    return 0;
}
/** Attribute offsets by type (0: absent) for the message, the nests within it, and their members. */
const TOP = new Int32Array(32);
const NEST = new Int32Array(8);
const LEAF = new Int32Array(16);
/** Indexes the attributes of bytes[start, end) into `slots` (the last of a type wins); false when one does not fit. */
function parse(view, start, end, slots) {
    slots.fill(0);
    for (let at = start; at < end;) {
        if (at + 4 > end)
            return false;
        const len = view.getUint16(at, true);
        if (len < 4 || at + len > end)
            return false;
        const type = view.getUint16(at + 2, true) & NLA_TYPE_MASK;
        if (type < slots.length)
            slots[type] = at;
        at += align4(len);
    }
    return true;
}
/** Parses the members of the nested attribute at `at`. */
function parseNest(view, at, slots) {
    return parse(view, at + 4, at + view.getUint16(at, true), slots);
}
/**
 * The big-endian number of `size` bytes in the attribute at `at`: `absent` when there is no
 * attribute (at 0), -1 when its payload is too short.
 */
function number(view, at, size, absent) {
    if (at === 0)
        return absent;
    if (view.getUint16(at, true) - 4 < size)
        return -1;
    return size === 1 ? view.getUint8(at + 4) : size === 2 ? view.getUint16(at + 4) : view.getUint32(at + 4);
}
/** The NUL-terminated string in the attribute at `at`, '' when there is none. */
function text(view, bytes, at) {
    let s = '';
    if (at === 0)
        return s;
    const end = at + view.getUint16(at, true);
    for (let i = at + 4; i < end && bytes[i] !== 0; i++)
        s += String.fromCharCode(bytes[i]);
    return s;
}
/** Sentinel for a malformed nested attribute, distinct from null (absent). */
const BAD = Symbol('bad');
function bad(c) {
    c.badAttribute++;
    return BAD;
}
function badTuple(c) {
    c.badTuple++;
    return BAD;
}
/** A message-level attribute rejected: the message is skipped. */
function malformed(c) {
    c.badAttribute++;
    return null;
}
/** The tuple nested in the attribute at `at`; BAD when malformed (counted). */
function decodeTuple(view, bytes, at, family, c) {
    if (!parseNest(view, at, NEST))
        return bad(c);
    const ipAt = NEST[TUPLE.IP];
    const protoAt = NEST[TUPLE.PROTO];
    if (ipAt === 0 || protoAt === 0)
        return badTuple(c);
    if (!parseNest(view, ipAt, LEAF))
        return bad(c);
    const srcAt = LEAF[family === 4 ? IP.V4_SRC : IP.V6_SRC];
    const dstAt = LEAF[family === 4 ? IP.V4_DST : IP.V6_DST];
    const size = family === 4 ? 4 : 16;
    if (srcAt === 0 || dstAt === 0 || view.getUint16(srcAt, true) - 4 < size || view.getUint16(dstAt, true) - 4 < size) {
        return badTuple(c);
    }
    const src = family === 4 ? formatIpv4(bytes, srcAt + 4) : formatIpv6(bytes, srcAt + 4);
    const dst = family === 4 ? formatIpv4(bytes, dstAt + 4) : formatIpv6(bytes, dstAt + 4);
    if (!parseNest(view, protoAt, LEAF))
        return bad(c);
    const proto = number(view, LEAF[L4.NUM], 1, -2);
    const sport = number(view, LEAF[L4.SRC_PORT], 2, 0);
    const dport = number(view, LEAF[L4.DST_PORT], 2, 0);
    const icmpId = number(view, LEAF[L4.ICMP_ID] || LEAF[L4.ICMPV6_ID], 2, 0);
    const icmpType = number(view, LEAF[L4.ICMP_TYPE] || LEAF[L4.ICMPV6_TYPE], 1, 0);
    const icmpCode = number(view, LEAF[L4.ICMP_CODE] || LEAF[L4.ICMPV6_CODE], 1, 0);
    if (proto === -2)
        return badTuple(c);
    if (proto < 0 || sport < 0 || dport < 0 || icmpId < 0 || icmpType < 0 || icmpCode < 0)
        return bad(c);
    return { src, dst, proto, sport, dport, icmpId, icmpType, icmpCode };
}
/** CTA_PROTOINFO at `at`: its TCP part, or null when it has none (other protocols). */
function decodeTcp(view, at, c) {
    if (!parseNest(view, at, NEST))
        return bad(c);
    const tcpAt = NEST[PROTOINFO_TCP];
    if (tcpAt === 0)
        return null;
    if (!parseNest(view, tcpAt, LEAF))
        return bad(c);
    const info = {
        state: number(view, LEAF[TCP.STATE], 1, 0),
        wscaleOrig: number(view, LEAF[TCP.WSCALE_ORIGINAL], 1, 0),
        wscaleReply: number(view, LEAF[TCP.WSCALE_REPLY], 1, 0),
        // struct nf_ct_tcp_flags { flags, mask }: the flags come first.
        flagsOrig: number(view, LEAF[TCP.FLAGS_ORIGINAL], 1, 0),
        flagsReply: number(view, LEAF[TCP.FLAGS_REPLY], 1, 0),
    };
    if (info.state < 0 || info.wscaleOrig < 0 || info.wscaleReply < 0 || info.flagsOrig < 0 || info.flagsReply < 0)
        return bad(c);
    return info;
}
/** The helper's name in the CTA_HELP nest at `at`. */
function decodeHelper(view, bytes, at, c) {
    if (!parseNest(view, at, NEST))
        return bad(c);
    return text(view, bytes, NEST[HELP_NAME]);
}
/** 2^32 ns in ms. */
const NS_HIGH_MS = 4294.967296;
/**
 * CTA_TIMESTAMP at `at`: its start in wall-clock ms (0 when it has none). The be64 of
 * nanoseconds is read as two halves (no BigInt); a float of ms keeps sub-microsecond precision.
 */
function decodeStart(view, at, c) {
    if (!parseNest(view, at, NEST))
        return bad(c);
    const startAt = NEST[TIMESTAMP_START];
    if (startAt === 0)
        return 0;
    if (view.getUint16(startAt, true) - 4 < 8)
        return bad(c);
    return view.getUint32(startAt + 4) * NS_HIGH_MS + view.getUint32(startAt + 8) / 1e6;
}
/** The tuple at `at`, or null when absent (0). */
function optionalTuple(view, bytes, at, family, c) {
    return at === 0 ? null : decodeTuple(view, bytes, at, family, c);
}
/**
 * The session in the conntrack message at bytes[off, off + len) (header included), or null
 * when it is malformed (counted).
 */
export function decodeSession(view, bytes, off, len, c) {
    const family = familyOf(bytes, off, len, c);
    if (family === 0)
        return null;
    if (!parse(view, off + BODY, off + len, TOP))
        return malformed(c);
    // Offsets are read out before the nests are decoded (decoding reuses the other tables only).
    const status = number(view, TOP[CTA.STATUS], 4, 0);
    const timeout = number(view, TOP[CTA.TIMEOUT], 4, 0);
    const mark = number(view, TOP[CTA.MARK], 4, 0);
    const id = number(view, TOP[CTA.ID], 4, 0);
    const zone = number(view, TOP[CTA.ZONE], 2, 0);
    if (status < 0 || timeout < 0 || mark < 0 || id < 0 || zone < 0)
        return malformed(c);
    const origAt = TOP[CTA.TUPLE_ORIG];
    const replyAt = TOP[CTA.TUPLE_REPLY];
    const masterAt = TOP[CTA.TUPLE_MASTER];
    const infoAt = TOP[CTA.PROTOINFO];
    const helpAt = TOP[CTA.HELP];
    const stampAt = TOP[CTA.TIMESTAMP];
    if (origAt === 0 || replyAt === 0) {
        c.badTuple++;
        return null;
    }
    const orig = decodeTuple(view, bytes, origAt, family, c);
    if (orig === BAD)
        return null;
    const reply = decodeTuple(view, bytes, replyAt, family, c);
    if (reply === BAD)
        return null;
    const master = optionalTuple(view, bytes, masterAt, family, c);
    if (master === BAD)
        return null;
    const tcp = infoAt === 0 ? null : decodeTcp(view, infoAt, c);
    if (tcp === BAD)
        return null;
    const helper = helpAt === 0 ? '' : decodeHelper(view, bytes, helpAt, c);
    if (helper === BAD)
        return null;
    const startWallMs = stampAt === 0 ? 0 : decodeStart(view, stampAt, c);
    if (startWallMs === BAD)
        return null;
    return { family, orig, reply, status, timeout, mark, zone, id, tcp, helper, master, startWallMs };
}
/** The expectation in the message at bytes[off, off + len), or null when malformed (counted). */
export function decodeExpectation(view, bytes, off, len, c) {
    const family = familyOf(bytes, off, len, c);
    if (family === 0)
        return null;
    if (!parse(view, off + BODY, off + len, TOP))
        return malformed(c);
    const timeout = number(view, TOP[EXPECT.TIMEOUT], 4, 0);
    const id = number(view, TOP[EXPECT.ID], 4, 0);
    const flags = number(view, TOP[EXPECT.FLAGS], 4, 0);
    const expectClass = number(view, TOP[EXPECT.CLASS], 4, 0);
    if (timeout < 0 || id < 0 || flags < 0 || expectClass < 0)
        return malformed(c);
    const helper = text(view, bytes, TOP[EXPECT.HELP_NAME]);
    const fn = text(view, bytes, TOP[EXPECT.FN]);
    const masterAt = TOP[EXPECT.MASTER];
    const tupleAt = TOP[EXPECT.TUPLE];
    const maskAt = TOP[EXPECT.MASK];
    const natAt = TOP[EXPECT.NAT];
    if (masterAt === 0 || tupleAt === 0 || maskAt === 0) {
        c.badTuple++;
        return null;
    }
    const master = decodeTuple(view, bytes, masterAt, family, c);
    if (master === BAD)
        return null;
    const tuple = decodeTuple(view, bytes, tupleAt, family, c);
    if (tuple === BAD)
        return null;
    const mask = decodeTuple(view, bytes, maskAt, family, c);
    if (mask === BAD)
        return null;
    let natDir = 0;
    let nat = null;
    if (natAt !== 0) {
        // CTA_EXPECT_NAT: the direction, and the tuple the helper saved before NAT.
        if (!parseNest(view, natAt, NEST))
            return malformed(c);
        natDir = number(view, NEST[EXPECT_NAT.DIR], 4, 0);
        if (natDir < 0)
            return malformed(c);
        const saved = optionalTuple(view, bytes, NEST[EXPECT_NAT.TUPLE], family, c);
        if (saved === BAD)
            return null;
        nat = saved;
    }
    return { family, master, tuple, mask, timeout, id, flags, helper, expectClass, fn, natDir, nat };
}
//# sourceMappingURL=decode.js.map