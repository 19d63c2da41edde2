/**
 * A 64-bit identity of a session from its key (family, original tuple, zone), as two 32-bit
 * halves: for the reconciliation's table of sessions seen during a resync (a million sessions
 * in 16 MB instead of a million strings) and for spreading sessions over the sync ports. Two
 * independent FNV-1a hashes: a collision needs both halves to collide (about 1 in 2^64 a pair).
 */
import type { CtKey } from '../../hal/conntrack/index.js';

const FNV_PRIME = 0x01000193;

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xff, FNV_PRIME);
}

function mixNumber(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (n >>> 24), FNV_PRIME);
}

function hash(seed: number, k: CtKey): number {
  const o = k.orig;
  let h = mixNumber(seed, (k.family << 16) | (o.proto << 8));
  h = mixText(h, o.src);
  h = mixText(h, o.dst);
  h = mixNumber(h, (o.sport << 16) | o.dport);
  h = mixNumber(h, (o.icmpId << 16) | (o.icmpType << 8) | o.icmpCode);
  return mixNumber(h, k.zone) >>> 0;
}

/** The key's two halves in out[0] (high) and out[1] (low). */
export function sessionKey(k: CtKey, out: Uint32Array): void {
  out[0] = hash(0x811c9dc5, k);
  out[1] = hash(0x050c5d1f, k);
}

/** Which of `ports` sync ports carries the session (the same one for every update of it). */
export function syncPortIndex(k: CtKey, ports: number): number {
  return ports <= 1 ? 0 : hash(0x811c9dc5, k) % ports;
}
