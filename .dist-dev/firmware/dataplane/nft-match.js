/**
 * The match expressions of one firewall policy in nft syntax: interfaces, addresses and
 * services. Everything that reaches the ruleset text is either a validated literal (IPv4
 * address, port, protocol number, kernel interface name) or a comment reduced to a safe
 * alphabet, so no config name can add nft syntax. Bad values are `ConfigError`s naming the
 * policy, the option and the value.
 */
import { ANY_ADDRESS, ANY_SERVICE, } from '../config/data-plane.js';
import { ConfigError } from '../config/errors.js';
/** Linux IFNAMSIZ is 16 with the NUL; nft quotes the name, so quotes and spaces must not appear. */
const IFNAME = /^[A-Za-z0-9_.:@-]{1,15}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** nft keeps comments up to 128 bytes. */
const COMMENT_MAX = 128;
export function policyError(p, option, value, reason, allowed) {
    return new ConfigError({
        code: 'rule',
        path: ['config firewall policy', `edit ${p.id}`],
        option,
        value,
        reason: `${option} ${JSON.stringify(value)}: ${reason}`,
        ...(allowed === undefined ? {} : { allowed }),
    });
}
/**
 * The items up to and including the last one `wanted` holds for, none when it holds for none: a
 * chain that needs first-match order for some policies lists only those and the ones ahead of them.
 */
export function throughLast(items, wanted) {
    let last = -1;
    items.forEach((item, i) => {
        if (wanted(item))
            last = i;
    });
    return items.slice(0, last + 1);
}
/** One value, or an anonymous set when there are several: `80` or `{ 80, 443 }`. */
export function oneOrSet(items) {
    return items.length === 1 ? (items[0] ?? '') : `{ ${items.join(', ')} }`;
}
/** `"policy 3 clients-out"`: the id and the name with anything outside a plain alphabet replaced. */
export function policyComment(p) {
    const name = p.name.replace(/[^A-Za-z0-9 _.,:/+=@-]/g, '_');
    const text = name === '' ? `policy ${p.id}` : `policy ${p.id} ${name}`;
    return `"${text.slice(0, COMMENT_MAX)}"`;
}
/** The value when it is a dotted-quad IPv4 address; a ConfigError on `option` otherwise. */
export function ipv4(p, option, value) {
    if (!IPV4.test(value))
        throw policyError(p, option, value, 'not an IPv4 address', 'a.b.c.d');
    return value;
}
/** `iifname "eth1"` / `oifname { "eth1", "eth2" }` from board ports. */
export function interfaceMatch(p, option, ifnameOf) {
    const ports = option === 'srcintf' ? p.srcintf : p.dstintf;
    if (ports.length === 0)
        throw policyError(p, option, '', 'no interface set', 'one or more interfaces');
    const names = ports.map((port) => {
        const ifname = ifnameOf(port);
        if (!IFNAME.test(ifname))
            throw policyError(p, option, port, `kernel interface name ${JSON.stringify(ifname)} is not usable`, '1-15 of A-Z a-z 0-9 _ . : @ -');
        return `"${ifname}"`;
    });
    return `${option === 'srcintf' ? 'iifname' : 'oifname'} ${oneOrSet([...new Set(names)])}`;
}
function addressElement(p, option, a) {
    if (a.type === 'iprange')
        return `${ipv4(p, option, a.startIp)}-${ipv4(p, option, a.endIp)}`;
    const { address, prefixLength } = a.subnet;
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32)
        throw policyError(p, option, a.name, `prefix length ${prefixLength} is out of range`, '0-32');
    return `${ipv4(p, option, address)}/${prefixLength}`;
}
/** `ip saddr 198.18.1.0/24`, or undefined when the list holds `all`. */
export function addressMatch(p, option, dp) {
    const names = option === 'srcaddr' ? p.srcaddr : p.dstaddr;
    if (names.length === 0)
        throw policyError(p, option, '', 'no address set', 'one or more firewall addresses or all');
    if (names.includes(ANY_ADDRESS))
        return undefined;
    const elements = names.map((name) => {
        const a = dp.addresses.find((x) => x.name === name);
        if (!a)
            throw policyError(p, option, name, 'not a firewall address', dp.addresses.map((x) => x.name).join(', ') || '(none)');
        return addressElement(p, option, a);
    });
    return `ip ${option === 'srcaddr' ? 'saddr' : 'daddr'} ${oneOrSet([...new Set(elements)])}`;
}
function portText(p, service, r) {
    const ok = (n) => Number.isInteger(n) && n >= 0 && n <= 65535;
    if (!ok(r.low) || !ok(r.high) || r.low > r.high)
        throw policyError(p, 'service', service, `port range ${r.low}-${r.high} is not valid`, '0-65535, low <= high');
    return r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`;
}
/**
 * The alternatives a policy's services allow: each one a match (OR between them, the same
 * verdict on each), `[undefined]` for any traffic. nft cannot OR different protocols inside
 * one rule without concatenated sets, so one rule per protocol keeps the text readable.
 */
export function serviceMatches(p, dp) {
    if (p.service.length === 0)
        throw policyError(p, 'service', '', 'no service set', 'one or more services or ALL');
    if (p.service.includes(ANY_SERVICE))
        return [undefined];
    const tcp = [];
    const udp = [];
    const protocols = [];
    const add = (list, item) => {
        if (!list.includes(item))
            list.push(item);
    };
    for (const name of p.service) {
        const s = dp.services.find((x) => x.name === name);
        if (!s)
            throw policyError(p, 'service', name, 'not a service', dp.services.map((x) => x.name).join(', ') || '(none)');
        if (s.protocol === 'ICMP')
            add(protocols, 'icmp');
        else if (s.protocol === 'IP') {
            if (!Number.isInteger(s.protocolNumber) || s.protocolNumber < 0 || s.protocolNumber > 255)
                throw policyError(p, 'service', name, `protocol-number ${s.protocolNumber} is out of range`, '0-255');
            if (s.protocolNumber === 0)
                return [undefined];
            add(protocols, `${s.protocolNumber}`);
        }
        else {
            if (s.tcp.length === 0 && s.udp.length === 0)
                throw policyError(p, 'service', name, 'TCP/UDP service without a port range', 'tcp-portrange or udp-portrange');
            for (const r of s.tcp)
                add(tcp, portText(p, name, r));
            for (const r of s.udp)
                add(udp, portText(p, name, r));
        }
    }
    const out = [];
    if (tcp.length > 0)
        out.push(`meta l4proto tcp th dport ${oneOrSet(tcp)}`);
    if (udp.length > 0)
        out.push(`meta l4proto udp th dport ${oneOrSet(udp)}`);
    if (protocols.length > 0)
        out.push(`meta l4proto ${oneOrSet(protocols)}`);
    return out;
}
/** The match part of a policy's rules, one per service alternative. */
export function policyMatches(p, dp, ifnameOf) {
    const head = [interfaceMatch(p, 'srcintf', ifnameOf), interfaceMatch(p, 'dstintf', ifnameOf)];
    const saddr = addressMatch(p, 'srcaddr', dp);
    const daddr = addressMatch(p, 'dstaddr', dp);
    if (saddr === undefined && daddr === undefined)
        head.push('meta nfproto ipv4');
    if (saddr !== undefined)
        head.push(saddr);
    if (daddr !== undefined)
        head.push(daddr);
    return serviceMatches(p, dp).map((service) => [...head, ...(service === undefined ? [] : [service])].join(' '));
}
//# sourceMappingURL=nft-match.js.map