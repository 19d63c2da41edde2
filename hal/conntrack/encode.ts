/**
 * Session records into ctnetlink requests (net/netfilter/nf_conntrack_netlink.c is the
 * reference for what each request may carry).
 *
 * Create sends the original tuple, a reply tuple that is the original inverted, and NAT set-up
 * attributes for any difference between that and the record's reply tuple: the kernel works
 * the NAT'd reply out itself (nf_nat_setup_info), and marks the entry SRC_NAT/DST_NAT only when
 * it did, so a NAT'd reply tuple sent as such would yield an entry that translates nothing.
 */

import { NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST } from '../netlink.js';
import type { NfBatch } from './batch.js';
import {
  type CtExpectation,
  type CtExpectationKey,
  type CtKey,
  type CtSession,
  type CtTuple,
  IPS,
  PROTO,
  TCP_FLAG,
} from './index.js';
import { CTA, EXPECT, EXPECT_NAT, HELP_NAME, hasPorts, IP, L4, MSG, NAT, PROTOINFO_TCP, PROTONAT, TCP, TUPLE } from './wire.js';

/**
 * The kernel refuses (EBUSY) a status that differs from the entry's in CONFIRMED, EXPECTED or
 * DYING, or that clears SEEN_REPLY or ASSURED; it sets CONFIRMED itself on create. Sessions are
 * written replied and assured so that they are kept under table pressure like the originals,
 * and a later update never has to clear either bit.
 */
const WRITE_STATUS_ON = IPS.CONFIRMED | IPS.SEEN_REPLY | IPS.ASSURED;
/** Create sets EXPECTED itself when given a master. */
const CREATE_STATUS_OFF = IPS.EXPECTED | IPS.DYING;
const UPDATE_STATUS_OFF = IPS.DYING;
/** The flags that describe a side's TCP options; the rest are window-tracking state the record does not carry. */
const TCP_OPTION_FLAGS = TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM | TCP_FLAG.CLOSE_INIT | TCP_FLAG.BE_LIBERAL;

function writeTuple(b: NfBatch, attr: number, family: 4 | 6, t: CtTuple): boolean {
  const tuple = b.nest(attr);
  const ip = b.nest(TUPLE.IP);
  const ok =
    b.address(family === 4 ? IP.V4_SRC : IP.V6_SRC, family, t.src) &&
    b.address(family === 4 ? IP.V4_DST : IP.V6_DST, family, t.dst);
  b.close(ip);
  const proto = b.nest(TUPLE.PROTO);
  b.u8(L4.NUM, t.proto);
  if (hasPorts(t.proto)) {
    b.be16(L4.SRC_PORT, t.sport);
    b.be16(L4.DST_PORT, t.dport);
  } else if (t.proto === PROTO.ICMP) {
    b.be16(L4.ICMP_ID, t.icmpId);
    b.u8(L4.ICMP_TYPE, t.icmpType);
    b.u8(L4.ICMP_CODE, t.icmpCode);
  } else if (t.proto === PROTO.ICMPV6) {
    b.be16(L4.ICMPV6_ID, t.icmpId);
    b.u8(L4.ICMPV6_TYPE, t.icmpType);
    b.u8(L4.ICMPV6_CODE, t.icmpCode);
  }
  b.close(proto);
  b.close(tuple);
  return ok;
}

/** The reply tuple as it would be without NAT: the original's ends swapped, the reply's ICMP type kept. */
function unNatted(s: CtSession): CtTuple {
  const o = s.orig;
  const r = s.reply;
  if (r.src === o.dst && r.dst === o.src && r.sport === o.dport && r.dport === o.sport && r.icmpId === o.icmpId) return r;
  return { ...r, src: o.dst, dst: o.src, sport: o.dport, dport: o.sport, icmpId: o.icmpId };
}

/** CTA_NAT_SRC / CTA_NAT_DST: one address and, for protocols with ports (or ICMP ids), one port. */
function writeNat(b: NfBatch, attr: number, family: 4 | 6, address: string, port: number, withPort: boolean): boolean {
  const nat = b.nest(attr);
  const ok =
    b.address(family === 4 ? NAT.V4_MINIP : NAT.V6_MINIP, family, address) &&
    b.address(family === 4 ? NAT.V4_MAXIP : NAT.V6_MAXIP, family, address);
  if (withPort) {
    const proto = b.nest(NAT.PROTO);
    b.be16(PROTONAT.PORT_MIN, port);
    b.be16(PROTONAT.PORT_MAX, port);
    b.close(proto);
  }
  b.close(nat);
  return ok;
}

function writeNats(b: NfBatch, s: CtSession): boolean {
  const o = s.orig;
  const r = s.reply;
  const icmp = o.proto === PROTO.ICMP || o.proto === PROTO.ICMPV6;
  const ported = hasPorts(o.proto);
  let ok = true;
  // The kernel applies DST before SRC (ctnetlink_setup_nat); the order of attributes does not matter.
  if (r.src !== o.dst || (ported && r.sport !== o.dport)) {
    ok = writeNat(b, CTA.NAT_DST, s.family, r.src, r.sport, ported);
  }
  if (r.dst !== o.src || (ported && r.dport !== o.sport) || (icmp && r.icmpId !== o.icmpId)) {
    ok = writeNat(b, CTA.NAT_SRC, s.family, r.dst, icmp ? r.icmpId : r.dport, ported || icmp) && ok;
  }
  return ok;
}

function writeTcp(b: NfBatch, s: CtSession): void {
  const info = b.nest(CTA.PROTOINFO);
  const tcp = b.nest(PROTOINFO_TCP);
  const t = s.tcp;
  if (t) {
    b.u8(TCP.STATE, t.state);
    b.u8(TCP.WSCALE_ORIGINAL, t.wscaleOrig);
    b.u8(TCP.WSCALE_REPLY, t.wscaleReply);
    b.pair(TCP.FLAGS_ORIGINAL, t.flagsOrig & TCP_OPTION_FLAGS, TCP_OPTION_FLAGS);
    b.pair(TCP.FLAGS_REPLY, t.flagsReply & TCP_OPTION_FLAGS, TCP_OPTION_FLAGS);
  } else {
    // Without the peers' window scaling the new owner would drop in-window segments (MEASURED.md).
    writeLiberal(b);
  }
  b.close(tcp);
  b.close(info);
}

/** BE_LIBERAL set under its own mask both ways, inside an open PROTOINFO_TCP nest: no other flag changes. */
function writeLiberal(b: NfBatch): void {
  b.pair(TCP.FLAGS_ORIGINAL, TCP_FLAG.BE_LIBERAL, TCP_FLAG.BE_LIBERAL);
  b.pair(TCP.FLAGS_REPLY, TCP_FLAG.BE_LIBERAL, TCP_FLAG.BE_LIBERAL);
}

/** IPCTNL_MSG.CT_NEW with NLM_F_CREATE | NLM_F_EXCL; false (nothing written) when a field cannot be encoded. */
export function writeCreate(b: NfBatch, s: CtSession, seq: number): boolean {
  b.begin(MSG.CT_NEW, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, seq, s.family);
  let ok = writeTuple(b, CTA.TUPLE_ORIG, s.family, s.orig) && writeTuple(b, CTA.TUPLE_REPLY, s.family, unNatted(s));
  ok = ok && writeNats(b, s);
  b.be32(CTA.STATUS, (s.status | WRITE_STATUS_ON) & ~CREATE_STATUS_OFF);
  b.be32(CTA.TIMEOUT, s.timeout);
  b.be32(CTA.MARK, s.mark);
  if (s.zone !== 0) b.be16(CTA.ZONE, s.zone);
  if (s.orig.proto === PROTO.TCP) writeTcp(b, s);
  if (s.helper !== '') {
    const help = b.nest(CTA.HELP);
    b.string(HELP_NAME, s.helper);
    b.close(help);
  }
  if (s.master) ok = writeTuple(b, CTA.TUPLE_MASTER, s.family, s.master) && ok;
  return finish(b, ok);
}

/** IPCTNL_MSG.CT_NEW without NLM_F_CREATE: changes an entry found by its original tuple, ENOENT when there is none. */
export function writeUpdate(b: NfBatch, s: CtSession, seq: number): boolean {
  b.begin(MSG.CT_NEW, NLM_F_REQUEST, seq, s.family);
  const ok = writeTuple(b, CTA.TUPLE_ORIG, s.family, s.orig);
  b.be32(CTA.STATUS, (s.status | WRITE_STATUS_ON) & ~UPDATE_STATUS_OFF);
  b.be32(CTA.TIMEOUT, s.timeout);
  b.be32(CTA.MARK, s.mark);
  if (s.zone !== 0) b.be16(CTA.ZONE, s.zone);
  if (s.orig.proto === PROTO.TCP && s.tcp) writeTcp(b, s);
  return finish(b, ok);
}

/**
 * IPCTNL_MSG.CT_NEW without NLM_F_CREATE, carrying only BE_LIBERAL under its mask both ways: the
 * kernel changes what the message has (ctnetlink_change_conntrack), so state, timeout, status
 * and mark stay as the packets left them.
 */
export function writeRelax(b: NfBatch, key: CtKey, seq: number): boolean {
  b.begin(MSG.CT_NEW, NLM_F_REQUEST, seq, key.family);
  const ok = writeTuple(b, CTA.TUPLE_ORIG, key.family, key.orig);
  if (key.zone !== 0) b.be16(CTA.ZONE, key.zone);
  const info = b.nest(CTA.PROTOINFO);
  const tcp = b.nest(PROTOINFO_TCP);
  writeLiberal(b);
  b.close(tcp);
  b.close(info);
  return finish(b, ok);
}

/** IPCTNL_MSG.CT_DELETE of the entry with this original tuple. */
export function writeDelete(b: NfBatch, key: CtKey, seq: number): boolean {
  b.begin(MSG.CT_DELETE, NLM_F_REQUEST, seq, key.family);
  const ok = writeTuple(b, CTA.TUPLE_ORIG, key.family, key.orig);
  if (key.zone !== 0) b.be16(CTA.ZONE, key.zone);
  return finish(b, ok);
}

/**
 * IPCTNL_MSG.EXP_NEW with NLM_F_CREATE but not NLM_F_EXCL: the kernel creates the expectation
 * when none has its tuple (ctnetlink_create_expect), else changes the one there, of which only
 * the timeout can change (ctnetlink_change_expect). A new one takes its helper's timeout
 * (nf_ct_expect_insert), so CTA_EXPECT_TIMEOUT matters only to one already there. The mask
 * goes whole; the kernel keeps its source part (the destination is always compared exactly).
 */
export function writeExpectationCreate(b: NfBatch, e: CtExpectation, seq: number): boolean {
  b.begin(MSG.EXP_NEW, NLM_F_REQUEST | NLM_F_CREATE, seq, e.family);
  let ok =
    writeTuple(b, EXPECT.MASTER, e.family, e.master) &&
    writeTuple(b, EXPECT.TUPLE, e.family, e.tuple) &&
    writeTuple(b, EXPECT.MASK, e.family, e.mask);
  b.be32(EXPECT.TIMEOUT, e.timeout);
  if (e.helper !== '') {
    b.string(EXPECT.HELP_NAME, e.helper);
    // The class indexes the helper's expectation policies: without a helper the kernel ignores it.
    b.be32(EXPECT.CLASS, e.expectClass);
  }
  b.be32(EXPECT.FLAGS, e.flags);
  if (e.fn !== '') b.string(EXPECT.FN, e.fn);
  if (e.nat) {
    const nat = b.nest(EXPECT.NAT);
    b.be32(EXPECT_NAT.DIR, e.natDir);
    ok = writeTuple(b, EXPECT_NAT.TUPLE, e.family, e.nat) && ok;
    b.close(nat);
  }
  return finish(b, ok);
}

/**
 * IPCTNL_MSG.EXP_DELETE of the expectation matching this tuple. Never without the tuple: a
 * delete with neither tuple nor helper name removes every expectation in the namespace.
 */
export function writeExpectationDelete(b: NfBatch, key: CtExpectationKey, seq: number): boolean {
  b.begin(MSG.EXP_DELETE, NLM_F_REQUEST, seq, key.family);
  return finish(b, writeTuple(b, EXPECT.TUPLE, key.family, key.tuple));
}

/** A request without attributes (dumps, flush, statistics). */
export function writeRequest(b: NfBatch, type: number, flags: number, seq: number, family: 0 | 4 | 6): void {
  b.begin(type, flags, seq, family);
  b.end();
}

function finish(b: NfBatch, ok: boolean): boolean {
  if (ok) b.end();
  else b.abandon();
  return ok;
}
