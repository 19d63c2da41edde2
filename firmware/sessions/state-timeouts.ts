/**
 * The timeout the kernel gives a session in its state: Linux's defaults
 * (net.netfilter.nf_conntrack_*_timeout*), which the boards do not change. A new primary gives
 * its synced entries these back (takeover-sweep.ts); traffic refreshes a live session to the
 * same value with its next packet anyway.
 */
import { type CtSession, IPS, PROTO, TCP_STATE } from '../../hal/conntrack/index.js';

const TCP_S: Record<number, number> = {
  [TCP_STATE.SYN_SENT]: 120,
  [TCP_STATE.SYN_RECV]: 60,
  [TCP_STATE.ESTABLISHED]: 432_000,
  [TCP_STATE.FIN_WAIT]: 120,
  [TCP_STATE.CLOSE_WAIT]: 60,
  [TCP_STATE.LAST_ACK]: 30,
  [TCP_STATE.TIME_WAIT]: 120,
  [TCP_STATE.CLOSE]: 10,
  [TCP_STATE.SYN_SENT2]: 120,
};
const UDP_S = 30;
/** A UDP session that saw traffic both ways (nf_conntrack_udp_timeout_stream). */
const UDP_STREAM_S = 120;
const ICMP_S = 30;
const GENERIC_S = 600;
/** No packet leaves a session with more than this (s): a longer timeout was never refreshed by traffic. */
export const LONGEST_STATE_TIMEOUT_S = Math.max(...Object.values(TCP_S), UDP_S, UDP_STREAM_S, ICMP_S, GENERIC_S);

export function stateTimeout(s: CtSession): number {
  switch (s.orig.proto) {
    case PROTO.TCP:
      return TCP_S[s.tcp?.state ?? TCP_STATE.ESTABLISHED] ?? TCP_S[TCP_STATE.ESTABLISHED] ?? GENERIC_S;
    case PROTO.UDP:
      return (s.status & IPS.ASSURED) !== 0 ? UDP_STREAM_S : UDP_S;
    case PROTO.ICMP:
    case PROTO.ICMPV6:
      return ICMP_S;
    default:
      return GENERIC_S;
  }
}
