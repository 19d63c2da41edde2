/** Session records for the conntrack tests, written the way a reader of a dump would see them. */
import { PROTO, TCP_FLAG, TCP_STATE } from './index.js';
/** Echo request types and the replies the kernel pairs them with (ICMP 8/0, ICMPv6 128/129). */
const ECHO_REPLY = { 8: 0, 128: 129 };
export function tuple(src, dst, proto, sport = 0, dport = 0) {
    return { src, dst, proto, sport, dport, icmpId: 0, icmpType: 0, icmpCode: 0 };
}
/** An echo request's tuple (ICMP or ICMPv6 by the address family). */
export function echo(src, dst, id) {
    const v6 = src.includes(':');
    return { ...tuple(src, dst, v6 ? PROTO.ICMPV6 : PROTO.ICMP), icmpId: id, icmpType: v6 ? 128 : 8 };
}
/** The reply direction of `t` without NAT. */
export function inverted(t) {
    return { ...t, src: t.dst, dst: t.src, sport: t.dport, dport: t.sport, icmpType: ECHO_REPLY[t.icmpType] ?? t.icmpType };
}
/** Window scale 7 both ways, as two Linux hosts negotiate it. */
export const ESTABLISHED = {
    state: TCP_STATE.ESTABLISHED,
    wscaleOrig: 7,
    wscaleReply: 7,
    flagsOrig: TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM,
    flagsReply: TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM,
};
/** A confirmed, replied, assured session of `orig` (reply: its inverse unless given), 600 s left. */
export function session(orig, fields = {}) {
    return {
        family: orig.src.includes(':') ? 6 : 4,
        orig,
        reply: inverted(orig),
        status: 0xe,
        timeout: 600,
        mark: 0,
        zone: 0,
        id: 0,
        tcp: orig.proto === PROTO.TCP ? ESTABLISHED : null,
        helper: '',
        master: null,
        startWallMs: 0,
        ...fields,
    };
}
/** `count` distinct sessions: TCP and UDP over IPv4 and IPv6, and echo sessions of both ICMPs. */
export function manySessions(count) {
    const out = [];
    for (let i = 0; i < count; i++) {
        const host = `${(i >> 8) & 0xff}.${i & 0xff}`;
        const v6 = `2001:db8::${(i & 0xffff).toString(16)}`;
        switch (i % 6) {
            case 0:
                out.push(session(tuple('198.18.0.1', `198.19.${host}`, PROTO.TCP, 1024 + (i % 60000), 443)));
                break;
            case 1:
                out.push(session(tuple('198.18.0.1', `198.19.${host}`, PROTO.UDP, 1024 + (i % 60000), 53)));
                break;
            case 2:
                out.push(session(echo('198.18.0.1', `198.19.${host}`, i & 0xffff)));
                break;
            case 3:
                out.push(session(tuple('2001:db8:1::1', v6, PROTO.TCP, 1024 + (i % 60000), 443)));
                break;
            case 4:
                out.push(session(tuple('2001:db8:1::1', v6, PROTO.UDP, 1024 + (i % 60000), 53), { mark: i }));
                break;
            default:
                out.push(session(echo('2001:db8:1::1', v6, i & 0xffff)));
        }
    }
    return out;
}
/** The ftp helper's expectation of a data connection to `expected` (any source port), 300 s left. */
export function expectation(master, expected, fields = {}) {
    const all = expected.src.includes(':') ? 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' : '255.255.255.255';
    return {
        family: expected.src.includes(':') ? 6 : 4,
        master,
        tuple: expected,
        mask: tuple(all, all, expected.proto, 0, 0xffff),
        timeout: 300,
        id: 0,
        flags: 0,
        helper: 'ftp',
        expectClass: 0,
        fn: '',
        natDir: 0,
        nat: null,
        ...fields,
    };
}
//# sourceMappingURL=records.fixture.js.map