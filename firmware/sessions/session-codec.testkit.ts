/**
 * Session and key records as the arrays session-codec.ts's table defines, for tests: they craft
 * records from them, valid or broken, and hold the firmware's byte writer (record-writer.ts)
 * and readers to them.
 */
import type { CtKey, CtSession } from '../../hal/conntrack/index.js';
import { addressBytes, encodeTuple, partA, partB, plainReply } from './session-codec.js';

export function encodeSession(s: CtSession): unknown[] {
  const f = s.family;
  const o = s.orig;
  const r = s.reply;
  const m = s.master;
  return [
    f,
    o.proto,
    addressBytes(f, o.src),
    addressBytes(f, o.dst),
    partA(o),
    partB(o),
    plainReply(s) ? null : [addressBytes(f, r.src), addressBytes(f, r.dst), partA(r), partB(r)],
    s.status,
    s.timeout,
    s.mark,
    s.zone,
    s.tcp ? [s.tcp.state, s.tcp.wscaleOrig, s.tcp.wscaleReply, s.tcp.flagsOrig, s.tcp.flagsReply] : null,
    s.helper,
    m ? encodeTuple(f, m) : null,
  ];
}

export function encodeKey(k: CtKey): unknown[] {
  const o = k.orig;
  return [k.family, o.proto, addressBytes(k.family, o.src), addressBytes(k.family, o.dst), partA(o), partB(o), k.zone];
}
