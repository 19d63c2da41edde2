/**
 * Which of the primary's sessions go to its secondaries (FortiOS session pickup,
 * REFERENCE.md): TCP with `session-pickup`; UDP and ICMP only with
 * `session-pickup-connectionless` too; sessions whose addresses the kernel translates only with
 * `session-pickup-nat`; sessions a conntrack helper expected (an FTP data connection) only with
 * `session-pickup-expectation`. Other protocols (GRE, SCTP, ESP…) are not synced: FortiOS's
 * pickup covers TCP, UDP and ICMP.
 *
 * Sessions that end on the unit itself (its console, its ping monitors) are never synced
 * ("session-pickup does not affect sessions terminated by the cluster"): a session whose
 * original source is one of the unit's addresses, or whose original destination is, unless the
 * kernel translates that destination (a port forward to an inside host is forwarded traffic).
 *
 * `session-pickup-delay` (only sessions older than 30 s) is decided by age, elsewhere
 * (delay.ts): this module answers for what a session is, not for how old it is.
 *
 * Expectations (what a helper expects of a session: the data connection an FTP control
 * connection announced) go with `session-pickup-expectation`, and only those of a master that is
 * synced itself: the secondary's kernel takes an expectation only of a master it has.
 */
import { IPS, PROTO } from '../../hal/conntrack/index.js';
/** Whether the primary syncs `s`, and if not, the setting (or rule) that says no. */
export function pickupVerdict(p, s, localAddresses) {
    if (!p.tcp)
        return 'off';
    const proto = s.orig.proto;
    if (proto !== PROTO.TCP) {
        if (proto !== PROTO.UDP && proto !== PROTO.ICMP && proto !== PROTO.ICMPV6)
            return 'protocol';
        if (!p.connectionless)
            return 'connectionless';
    }
    const dnat = (s.status & IPS.DST_NAT) !== 0;
    if (localAddresses.has(s.orig.src) || (!dnat && localAddresses.has(s.orig.dst)))
        return 'local';
    if ((s.status & (IPS.SRC_NAT | IPS.DST_NAT)) !== 0 && !p.nat)
        return 'nat';
    if ((s.status & IPS.EXPECTED) !== 0 && !p.expectation)
        return 'expectation';
    return 'sync';
}
/**
 * Whether the primary syncs expectation `e`, and if not, the setting (or rule) that says no. The
 * master is judged by its original tuple, as pickupVerdict judges sessions; an expectation with
 * NAT details has a translated master, which goes only with `session-pickup-nat`.
 */
export function expectationVerdict(p, e, localAddresses) {
    if (!p.tcp)
        return 'off';
    if (!p.expectation)
        return 'expectation';
    const m = e.master;
    if (m.proto !== PROTO.TCP) {
        if (m.proto !== PROTO.UDP)
            return 'protocol';
        if (!p.connectionless)
            return 'connectionless';
    }
    // A master to one of the unit's addresses is forwarded only when translated (a port forward).
    if (localAddresses.has(m.src) || (e.nat === null && localAddresses.has(m.dst)))
        return 'local';
    if (e.nat !== null && !p.nat)
        return 'nat';
    return 'sync';
}
//# sourceMappingURL=pickup.js.map