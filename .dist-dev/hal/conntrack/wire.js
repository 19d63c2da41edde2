/**
 * ctnetlink's numbers, checked against linux/netfilter/nfnetlink.h and nfnetlink_conntrack.h
 * (uapi; kernel 6.18). A message is nlmsghdr, nfgenmsg { u8 family; u8 version; be16 res_id },
 * then attributes; numbers inside attributes are big-endian, headers host-endian.
 */
export const NETLINK_NETFILTER = 12;
export const NFGENMSG_BYTES = 4;
/** An attribute type's flag for nested attributes; the decoder masks both flags off. */
export const NLA_F_NESTED = 0x8000;
export const NLA_TYPE_MASK = 0x3fff;
const SUBSYS_CTNETLINK = 1;
const SUBSYS_CTNETLINK_EXP = 2;
/** Message types: (subsystem << 8) | message. */
export const MSG = {
    CT_NEW: (SUBSYS_CTNETLINK << 8) | 0,
    CT_GET: (SUBSYS_CTNETLINK << 8) | 1,
    CT_DELETE: (SUBSYS_CTNETLINK << 8) | 2,
    CT_GET_STATS: (SUBSYS_CTNETLINK << 8) | 5,
    EXP_NEW: (SUBSYS_CTNETLINK_EXP << 8) | 0,
    EXP_GET: (SUBSYS_CTNETLINK_EXP << 8) | 1,
    EXP_DELETE: (SUBSYS_CTNETLINK_EXP << 8) | 2,
};
/** Multicast groups as bind(2) bits: 1 << (NFNLGRP_CONNTRACK_* - 1). */
export const GROUP = {
    new: 1 << 0,
    update: 1 << 1,
    destroy: 1 << 2,
    'exp-new': 1 << 3,
    'exp-destroy': 1 << 5,
};
/** enum ctattr_type */
export const CTA = {
    TUPLE_ORIG: 1,
    TUPLE_REPLY: 2,
    STATUS: 3,
    PROTOINFO: 4,
    HELP: 5,
    NAT_SRC: 6,
    TIMEOUT: 7,
    MARK: 8,
    ID: 12,
    NAT_DST: 13,
    TUPLE_MASTER: 14,
    ZONE: 18,
    TIMESTAMP: 20,
};
/** enum ctattr_tstamp: CTA_TIMESTAMP_START, a be64 of CLOCK_REALTIME nanoseconds. */
export const TIMESTAMP_START = 1;
/** enum ctattr_tuple */
export const TUPLE = { IP: 1, PROTO: 2 };
/** enum ctattr_ip */
export const IP = { V4_SRC: 1, V4_DST: 2, V6_SRC: 3, V6_DST: 4 };
/** enum ctattr_l4proto */
export const L4 = {
    NUM: 1,
    SRC_PORT: 2,
    DST_PORT: 3,
    ICMP_ID: 4,
    ICMP_TYPE: 5,
    ICMP_CODE: 6,
    ICMPV6_ID: 7,
    ICMPV6_TYPE: 8,
    ICMPV6_CODE: 9,
};
/** enum ctattr_protoinfo, enum ctattr_protoinfo_tcp */
export const PROTOINFO_TCP = 1;
export const TCP = { STATE: 1, WSCALE_ORIGINAL: 2, WSCALE_REPLY: 3, FLAGS_ORIGINAL: 4, FLAGS_REPLY: 5 };
/** enum ctattr_help */
export const HELP_NAME = 1;
/** enum ctattr_nat, enum ctattr_protonat */
export const NAT = { V4_MINIP: 1, V4_MAXIP: 2, PROTO: 3, V6_MINIP: 4, V6_MAXIP: 5 };
export const PROTONAT = { PORT_MIN: 1, PORT_MAX: 2 };
/** enum ctattr_expect, enum ctattr_expect_nat */
export const EXPECT = {
    MASTER: 1,
    TUPLE: 2,
    MASK: 3,
    TIMEOUT: 4,
    ID: 5,
    HELP_NAME: 6,
    FLAGS: 8,
    CLASS: 9,
    NAT: 10,
    FN: 11,
};
export const EXPECT_NAT = { DIR: 1, TUPLE: 2 };
/** enum ctattr_stats_global */
export const STATS_GLOBAL_ENTRIES = 1;
/** Protocols whose tuples carry CTA_PROTO_SRC_PORT / DST_PORT (the kernel's nf_ct_port_* users). */
export function hasPorts(proto) {
    // TCP, UDP, DCCP, GRE (keys), SCTP, UDP-Lite
    return proto === 6 || proto === 17 || proto === 33 || proto === 47 || proto === 132 || proto === 136;
}
//# sourceMappingURL=wire.js.map