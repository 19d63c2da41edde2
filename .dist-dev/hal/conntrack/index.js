/** IP protocol numbers with special handling; any other protocol is carried by number. */
export const PROTO = { ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58 };
/** Status bits (enum ip_conntrack_status, linux/netfilter/nf_conntrack_common.h). */
export const IPS = {
    EXPECTED: 0x1,
    SEEN_REPLY: 0x2,
    ASSURED: 0x4,
    CONFIRMED: 0x8,
    SRC_NAT: 0x10,
    DST_NAT: 0x20,
    SEQ_ADJUST: 0x40,
    SRC_NAT_DONE: 0x80,
    DST_NAT_DONE: 0x100,
    DYING: 0x200,
    FIXED_TIMEOUT: 0x400,
    HELPER: 0x2000,
    OFFLOAD: 0x4000,
};
/** TCP tracking states (enum tcp_conntrack, linux/netfilter/nf_conntrack_tcp.h). */
export const TCP_STATE = {
    NONE: 0,
    SYN_SENT: 1,
    SYN_RECV: 2,
    ESTABLISHED: 3,
    FIN_WAIT: 4,
    CLOSE_WAIT: 5,
    LAST_ACK: 6,
    TIME_WAIT: 7,
    CLOSE: 8,
    SYN_SENT2: 9,
};
/** Per-direction TCP flags (IP_CT_TCP_FLAG_*, linux/netfilter/nf_conntrack_tcp.h). */
export const TCP_FLAG = { WINDOW_SCALE: 0x1, SACK_PERM: 0x2, CLOSE_INIT: 0x4, BE_LIBERAL: 0x8 };
//# sourceMappingURL=index.js.map