/**
 * ctnetlink messages (dumps and events) into records. A ladder: every length is checked before
 * it is read, and a message that fails a rung is skipped and counted under that rung's name;
 * nothing here throws. Attributes the records do not carry (counters, timestamps, labels,
 * sequence adjustments) are stepped over, as are attribute types unknown to this kernel
 * header, so a newer kernel's additions do not make messages malformed.
 */
import { formatIpv4, formatIpv6 } from '../../lib/ip-text.js';
import { align4, NLMSG_HDR_BYTES } from '../netlink.js';
import type { CtDecodeCounters, CtExpectation, CtFamily, CtSession, CtTcpInfo, CtTuple } from './index.js';
import { CTA, EXPECT, EXPECT_NAT, HELP_NAME, IP, L4, NFGENMSG_BYTES, NLA_TYPE_MASK, PROTOINFO_TCP, TCP, TUPLE } from './wire.js';

const AF_INET = 2;
const AF_INET6 = 10;
const BODY = NLMSG_HDR_BYTES + NFGENMSG_BYTES;

export function newDecodeCounters(): CtDecodeCounters {
  return { truncated: 0, unknownType: 0, badFamily: 0, badAttribute: 0, badTuple: 0 };
}

/** Header fields of one netlink message, for the message loop's callback. */
export type MessageHandler = (off: number, len: number, type: number, flags: number, seq: number) => void;

/**
 * Calls `onMessage` for every whole message of the datagram in bytes[0, length). A header
 * whose length is impossible ends the datagram (nothing after it can be framed) and is counted.
 */
export function forEachMessage(view: DataView, length: number, c: CtDecodeCounters, onMessage: MessageHandler): void {
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
  if (off < end) c.truncated++;
}

/** The message's IP version, or 0 (counted as badFamily, or truncated when too short for its nfgenmsg). */
function familyOf(bytes: Uint8Array, off: number, len: number, c: CtDecodeCounters): CtFamily | 0 {
  if (len < BODY) {
    c.truncated++;
    return 0;
  }
  const af = bytes[off + NLMSG_HDR_BYTES];
  if (af === AF_INET) return 4;
  if (af === AF_INET6) return 6;
  c.badFamily++;
  return 0;
}

/** Whether an attribute header at `at` fits before `end`; its length is then at view[at]. */
function attrFits(view: DataView, at: number, end: number): boolean {
  if (at + 4 > end) return false;
  const len = view.getUint16(at, true);
  return len >= 4 && at + len <= end;
}

/** Payload length `want` of an attribute whose header is at `at` (fixed-size payloads). */
function sized(view: DataView, at: number, want: number): boolean {
  return view.getUint16(at, true) - 4 >= want;
}

function text(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Sentinel for a malformed nested attribute, distinct from null (absent). */
const BAD = Symbol('bad');
type Decoded<T> = T | typeof BAD;

/** A nested tuple at bytes[start, end); BAD when malformed (counted). */
function decodeTuple(
  view: DataView,
  bytes: Uint8Array,
  start: number,
  end: number,
  family: CtFamily,
  c: CtDecodeCounters,
): Decoded<CtTuple> {
  let src = '';
  let dst = '';
  let proto = -1;
  let sport = 0;
  let dport = 0;
  let icmpId = 0;
  let icmpType = 0;
  let icmpCode = 0;
  const addrBytes = family === 4 ? 4 : 16;
  for (let at = start; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return bad(c);
    const type = view.getUint16(at + 2, true) & NLA_TYPE_MASK;
    const stop = at + view.getUint16(at, true);
    if (type === TUPLE.IP) {
      for (let a = at + 4; a < stop; a += align4(view.getUint16(a, true))) {
        if (!attrFits(view, a, stop)) return bad(c);
        const t = view.getUint16(a + 2, true) & NLA_TYPE_MASK;
        const v4 = t === IP.V4_SRC || t === IP.V4_DST;
        const v6 = t === IP.V6_SRC || t === IP.V6_DST;
        if (!v4 && !v6) continue;
        if (v4 !== (family === 4) || !sized(view, a, addrBytes)) return badTuple(c);
        const address = family === 4 ? formatIpv4(bytes, a + 4) : formatIpv6(bytes, a + 4);
        if (t === IP.V4_SRC || t === IP.V6_SRC) src = address;
        else dst = address;
      }
    } else if (type === TUPLE.PROTO) {
      for (let a = at + 4; a < stop; a += align4(view.getUint16(a, true))) {
        if (!attrFits(view, a, stop)) return bad(c);
        const t = view.getUint16(a + 2, true) & NLA_TYPE_MASK;
        const wide = t === L4.SRC_PORT || t === L4.DST_PORT || t === L4.ICMP_ID || t === L4.ICMPV6_ID;
        if (t < L4.NUM || t > L4.ICMPV6_CODE) continue;
        if (!sized(view, a, wide ? 2 : 1)) return bad(c);
        const value = wide ? view.getUint16(a + 4) : bytes[a + 4];
        if (t === L4.NUM) proto = value;
        else if (t === L4.SRC_PORT) sport = value;
        else if (t === L4.DST_PORT) dport = value;
        else if (t === L4.ICMP_ID || t === L4.ICMPV6_ID) icmpId = value;
        else if (t === L4.ICMP_TYPE || t === L4.ICMPV6_TYPE) icmpType = value;
        else if (t === L4.ICMP_CODE || t === L4.ICMPV6_CODE) icmpCode = value;
      }
    }
  }
  if (src === '' || dst === '' || proto < 0) return badTuple(c);
  return { src, dst, proto, sport, dport, icmpId, icmpType, icmpCode };
}

function bad(c: CtDecodeCounters): typeof BAD {
  c.badAttribute++;
  return BAD;
}

/** A message-level attribute rejected: the message is skipped. */
function malformed(c: CtDecodeCounters): null {
  c.badAttribute++;
  return null;
}

function badTuple(c: CtDecodeCounters): typeof BAD {
  c.badTuple++;
  return BAD;
}

/** CTA_PROTOINFO's TCP part; null when it has none (other protocols). */
function decodeTcp(
  view: DataView,
  bytes: Uint8Array,
  start: number,
  end: number,
  c: CtDecodeCounters,
): Decoded<CtTcpInfo | null> {
  for (let at = start; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return bad(c);
    if ((view.getUint16(at + 2, true) & NLA_TYPE_MASK) !== PROTOINFO_TCP) continue;
    const info: CtTcpInfo = { state: 0, wscaleOrig: 0, wscaleReply: 0, flagsOrig: 0, flagsReply: 0 };
    const stop = at + view.getUint16(at, true);
    for (let a = at + 4; a < stop; a += align4(view.getUint16(a, true))) {
      if (!attrFits(view, a, stop) || !sized(view, a, 1)) return bad(c);
      const value = bytes[a + 4];
      switch (view.getUint16(a + 2, true) & NLA_TYPE_MASK) {
        case TCP.STATE:
          info.state = value;
          break;
        case TCP.WSCALE_ORIGINAL:
          info.wscaleOrig = value;
          break;
        case TCP.WSCALE_REPLY:
          info.wscaleReply = value;
          break;
        case TCP.FLAGS_ORIGINAL:
          info.flagsOrig = value;
          break;
        case TCP.FLAGS_REPLY:
          info.flagsReply = value;
          break;
      }
    }
    return info;
  }
  return null;
}

/** The first CTA_HELP_NAME inside a CTA_HELP nest. */
function decodeHelper(view: DataView, bytes: Uint8Array, start: number, end: number, c: CtDecodeCounters): Decoded<string> {
  for (let at = start; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return bad(c);
    if ((view.getUint16(at + 2, true) & NLA_TYPE_MASK) === HELP_NAME) return text(bytes, at + 4, at + view.getUint16(at, true));
  }
  return '';
}

/**
 * The session in the conntrack message at bytes[off, off + len) (header included), or null
 * when it is malformed (counted).
 */
export function decodeSession(
  view: DataView,
  bytes: Uint8Array,
  off: number,
  len: number,
  c: CtDecodeCounters,
): CtSession | null {
  const family = familyOf(bytes, off, len, c);
  if (family === 0) return null;
  const end = off + len;
  let orig: CtTuple | null = null;
  let reply: CtTuple | null = null;
  let master: CtTuple | null = null;
  let tcp: CtTcpInfo | null = null;
  let helper = '';
  let status = 0;
  let timeout = 0;
  let mark = 0;
  let zone = 0;
  let id = 0;
  for (let at = off + BODY; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return malformed(c);
    const type = view.getUint16(at + 2, true) & NLA_TYPE_MASK;
    const stop = at + view.getUint16(at, true);
    switch (type) {
      case CTA.TUPLE_ORIG:
      case CTA.TUPLE_REPLY:
      case CTA.TUPLE_MASTER: {
        const t = decodeTuple(view, bytes, at + 4, stop, family, c);
        if (t === BAD) return null;
        if (type === CTA.TUPLE_ORIG) orig = t;
        else if (type === CTA.TUPLE_REPLY) reply = t;
        else master = t;
        break;
      }
      case CTA.PROTOINFO: {
        const info = decodeTcp(view, bytes, at + 4, stop, c);
        if (info === BAD) return null;
        tcp = info;
        break;
      }
      case CTA.HELP: {
        const name = decodeHelper(view, bytes, at + 4, stop, c);
        if (name === BAD) return null;
        helper = name;
        break;
      }
      case CTA.STATUS:
      case CTA.TIMEOUT:
      case CTA.MARK:
      case CTA.ID: {
        if (!sized(view, at, 4)) return malformed(c);
        const value = view.getUint32(at + 4);
        if (type === CTA.STATUS) status = value;
        else if (type === CTA.TIMEOUT) timeout = value;
        else if (type === CTA.MARK) mark = value;
        else id = value;
        break;
      }
      case CTA.ZONE:
        if (!sized(view, at, 2)) return malformed(c);
        zone = view.getUint16(at + 4);
        break;
    }
  }
  if (!orig || !reply) {
    c.badTuple++;
    return null;
  }
  return { family, orig, reply, status, timeout, mark, zone, id, tcp, helper, master };
}

/** CTA_EXPECT_NAT: the direction and the saved tuple. */
function decodeExpectNat(
  view: DataView,
  bytes: Uint8Array,
  start: number,
  end: number,
  family: CtFamily,
  c: CtDecodeCounters,
): Decoded<{ dir: number; tuple: CtTuple | null }> {
  let dir = 0;
  let tuple: CtTuple | null = null;
  for (let at = start; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return bad(c);
    const type = view.getUint16(at + 2, true) & NLA_TYPE_MASK;
    if (type === EXPECT_NAT.DIR) {
      if (!sized(view, at, 4)) return bad(c);
      dir = view.getUint32(at + 4);
    } else if (type === EXPECT_NAT.TUPLE) {
      const t = decodeTuple(view, bytes, at + 4, at + view.getUint16(at, true), family, c);
      if (t === BAD) return BAD;
      tuple = t;
    }
  }
  return { dir, tuple };
}

/** The expectation in the message at bytes[off, off + len), or null when malformed (counted). */
export function decodeExpectation(
  view: DataView,
  bytes: Uint8Array,
  off: number,
  len: number,
  c: CtDecodeCounters,
): CtExpectation | null {
  const family = familyOf(bytes, off, len, c);
  if (family === 0) return null;
  const end = off + len;
  let master: CtTuple | null = null;
  let tuple: CtTuple | null = null;
  let mask: CtTuple | null = null;
  let nat: CtTuple | null = null;
  let natDir = 0;
  let timeout = 0;
  let id = 0;
  let flags = 0;
  let expectClass = 0;
  let helper = '';
  let fn = '';
  for (let at = off + BODY; at < end; at += align4(view.getUint16(at, true))) {
    if (!attrFits(view, at, end)) return malformed(c);
    const type = view.getUint16(at + 2, true) & NLA_TYPE_MASK;
    const stop = at + view.getUint16(at, true);
    switch (type) {
      case EXPECT.MASTER:
      case EXPECT.TUPLE:
      case EXPECT.MASK: {
        const t = decodeTuple(view, bytes, at + 4, stop, family, c);
        if (t === BAD) return null;
        if (type === EXPECT.MASTER) master = t;
        else if (type === EXPECT.TUPLE) tuple = t;
        else mask = t;
        break;
      }
      case EXPECT.NAT: {
        const n = decodeExpectNat(view, bytes, at + 4, stop, family, c);
        if (n === BAD) return null;
        natDir = n.dir;
        nat = n.tuple;
        break;
      }
      case EXPECT.TIMEOUT:
      case EXPECT.ID:
      case EXPECT.FLAGS:
      case EXPECT.CLASS: {
        if (!sized(view, at, 4)) return malformed(c);
        const value = view.getUint32(at + 4);
        if (type === EXPECT.TIMEOUT) timeout = value;
        else if (type === EXPECT.ID) id = value;
        else if (type === EXPECT.FLAGS) flags = value;
        else expectClass = value;
        break;
      }
      case EXPECT.HELP_NAME:
        helper = text(bytes, at + 4, stop);
        break;
      case EXPECT.FN:
        fn = text(bytes, at + 4, stop);
        break;
    }
  }
  if (!master || !tuple || !mask) {
    c.badTuple++;
    return null;
  }
  return { family, master, tuple, mask, timeout, id, flags, helper, expectClass, fn, natDir, nat };
}
