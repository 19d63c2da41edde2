/**
 * `diagnose sys session list`: each session the filter passes, in FortiOS's multi-line shape,
 * with what conntrack knows and nothing it does not. Left out for that reason: duration, the
 * idle timeout (conntrack has only the seconds left, FortiOS's `expire`), byte and packet
 * counters, devices, gateways, policy id. The hook lines are derived from the two tuples and
 * the kernel's NAT bits, with the hooks FortiOS names for a forwarded session.
 *
 * Tandem lists IPv4 and IPv6 together (FortiOS has `session6` for IPv6), shows the conntrack
 * mark, and says in the state line which entries came from the primary: FortiOS's `synced`
 * state, here the mark's bit 31 (firmware/sessions/applier.ts).
 */
import { IPS, PROTO, TCP_STATE } from '../../../hal/conntrack/index.js';
import { SYNCED_MARK } from '../../sessions/applier.js';
import { tuplePorts } from '../session-filter.js';
/** Sessions a listing shows at most; the rest are counted. */
export const LIST_LIMIT = 1000;
/** FortiOS's TCP proto_state digits (NONE 0, ESTABLISHED 1, SYN_SENT 2, SYN & SYN/ACK 3, …). */
const TCP_DIGIT = {
    [TCP_STATE.NONE]: 0,
    [TCP_STATE.ESTABLISHED]: 1,
    [TCP_STATE.SYN_SENT]: 2,
    [TCP_STATE.SYN_SENT2]: 2,
    [TCP_STATE.SYN_RECV]: 3,
    [TCP_STATE.FIN_WAIT]: 4,
    [TCP_STATE.TIME_WAIT]: 5,
    [TCP_STATE.CLOSE]: 6,
    [TCP_STATE.CLOSE_WAIT]: 7,
    [TCP_STATE.LAST_ACK]: 8,
};
/** Conntrack status bits by their kernel names, in bit order. */
const STATUS_WORDS = [
    [IPS.EXPECTED, 'expected'],
    [IPS.SEEN_REPLY, 'seen_reply'],
    [IPS.ASSURED, 'assured'],
    [IPS.CONFIRMED, 'confirmed'],
    [IPS.SRC_NAT, 'src_nat'],
    [IPS.DST_NAT, 'dst_nat'],
    [IPS.DYING, 'dying'],
    [IPS.FIXED_TIMEOUT, 'fixed_timeout'],
    [IPS.OFFLOAD, 'offload'],
];
export function renderSessionList(listing, limit) {
    const out = listing.sessions.map((s) => `${sessionEntry(s)}\n`);
    out.push(`total session ${listing.matched}\n`);
    const more = listing.matched - listing.sessions.length;
    if (more > 0) {
        out.push(`(Tandem) listed the first ${limit}; ${more} more match: narrow them with diagnose sys session filter\n`);
    }
    return out.join('');
}
/** One session's lines, each ending with "\n". */
export function sessionEntry(s) {
    const info = [`proto=${s.orig.proto}`, `proto_state=${protoState(s)}`, `expire=${s.timeout}`, `mark=${hex8(s.mark)}`];
    if (s.zone !== 0)
        info.push(`zone=${s.zone}`);
    if (s.helper)
        info.push(`helper=${s.helper}`);
    const state = (s.mark & SYNCED_MARK) !== 0 ? ['synced'] : [];
    for (const [bit, word] of STATUS_WORDS)
        if (s.status & bit)
            state.push(word);
    const lines = [`session info: ${info.join(' ')}`, `state=${state.join(' ')}`, ...hookLines(s)];
    if (s.master)
        lines.push(`master=${ends(s.family, s.master).join('->')}`);
    lines.push(`serial=${hex8(s.id)}`);
    return `${lines.join('\n')}\n`;
}
/** Two digits as FortiOS prints them: TCP's state, UDP's reply seen (1) or not (0), 00 for the rest. */
function protoState(s) {
    if (s.orig.proto === PROTO.TCP)
        return `0${TCP_DIGIT[s.tcp?.state ?? TCP_STATE.NONE] ?? 0}`;
    if (s.orig.proto === PROTO.UDP)
        return s.status & IPS.SEEN_REPLY ? '01' : '00';
    return '00';
}
/**
 * FortiOS's `hook=… dir=… act=… from->to(translated)` lines. The kernel sets SRC_NAT when the
 * reply goes to another source than the original's, DST_NAT when it comes from another
 * destination; the translated ends are the reply tuple's.
 */
function hookLines(s) {
    const o = s.orig;
    const r = s.reply;
    const f = s.family;
    const snat = (s.status & IPS.SRC_NAT) !== 0;
    const dnat = (s.status & IPS.DST_NAT) !== 0;
    const [oSrc, oDst] = ends(f, o);
    const [rSrc, rDst] = ends(f, r);
    // The real destination (after DNAT) and the translated source (after SNAT), as the original
    // direction sees them; an ICMP echo keeps its type and has its id translated.
    const icmp = o.proto === PROTO.ICMP || o.proto === PROTO.ICMPV6;
    const server = endpoint(f, r.src, icmp ? o.icmpType : r.sport);
    const translated = endpoint(f, r.dst, icmp ? r.icmpId : r.dport);
    const none = endpoint(f, f === 4 ? '0.0.0.0' : '::', 0);
    const lines = [];
    if (dnat)
        lines.push(`hook=pre dir=org act=dnat ${oSrc}->${oDst}(${server})`);
    if (snat)
        lines.push(`hook=post dir=org act=snat ${oSrc}->${dnat ? server : oDst}(${translated})`);
    if (!snat && !dnat)
        lines.push(`hook=pre dir=org act=noop ${oSrc}->${oDst}(${none})`);
    if (snat)
        lines.push(`hook=pre dir=reply act=dnat ${rSrc}->${rDst}(${oSrc})`);
    if (dnat)
        lines.push(`hook=post dir=reply act=snat ${rSrc}->${oSrc}(${oDst})`);
    if (!snat && !dnat)
        lines.push(`hook=post dir=reply act=noop ${rSrc}->${rDst}(${none})`);
    return lines;
}
/** A tuple's two ends with their ports (session-filter.ts tuplePorts: the echo id and type for ICMP). */
function ends(family, t) {
    const [sport, dport] = tuplePorts(t);
    return [endpoint(family, t.src, sport), endpoint(family, t.dst, dport)];
}
/** "198.18.1.10:40000"; IPv6 in brackets, so the port stays readable. */
function endpoint(family, address, port) {
    return family === 4 ? `${address}:${port}` : `[${address}]:${port}`;
}
function hex8(n) {
    return (n >>> 0).toString(16).padStart(8, '0');
}
//# sourceMappingURL=session-list.js.map