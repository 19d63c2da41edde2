import { oneOrSet as set } from './nft-match.js';
import { DROP_WITHOUT_SYN } from './tcp-without-syn.js';
const TCP_PORTS = { http: 80, https: 443, ssh: 22 };
const UDP_PORTS = { snmp: 161 };
const HA_UDP_PORTS = '{ 703, 708 }';
const ND_TYPES = '{ nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit, nd-router-advert }';
/** Rules of the input chain; only the TCP SYN check when no interface has an address. */
export function inputRules(dp, ifnameOf) {
    const base = ['ct state established,related accept', 'iifname "lo" accept', DROP_WITHOUT_SYN];
    const managed = dp.interfaces.filter((i) => i.address !== undefined || i.ipv6 !== undefined);
    if (managed.length === 0)
        return base;
    const rules = [
        ...base,
        `meta l4proto udp th dport ${HA_UDP_PORTS} accept comment "HA heartbeat and session sync"`,
        `icmpv6 type ${ND_TYPES} accept comment "IPv6 neighbour discovery"`,
    ];
    for (const i of managed) {
        const iif = `iifname "${ifnameOf(i.name)}"`;
        const comment = `comment "allowaccess ${i.name}"`;
        const tcp = i.allowaccess.flatMap((a) => (TCP_PORTS[a] === undefined ? [] : [String(TCP_PORTS[a])]));
        const udp = i.allowaccess.flatMap((a) => (UDP_PORTS[a] === undefined ? [] : [String(UDP_PORTS[a])]));
        if (i.allowaccess.includes('ping')) {
            rules.push(`${iif} icmp type echo-request accept ${comment}`, `${iif} icmpv6 type echo-request accept ${comment}`);
        }
        if (tcp.length > 0)
            rules.push(`${iif} tcp dport ${set(tcp)} accept ${comment}`);
        if (udp.length > 0)
            rules.push(`${iif} udp dport ${set(udp)} accept ${comment}`);
    }
    const all = managed.map((i) => `"${ifnameOf(i.name)}"`);
    rules.push(`iifname ${set(all)} drop comment "not in allowaccess"`);
    return rules;
}
//# sourceMappingURL=input-rules.js.map