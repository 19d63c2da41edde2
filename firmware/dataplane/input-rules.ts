/**
 * The input chain: what the unit itself answers on the ports the data plane addresses, per
 * `allowaccess` (FortiOS: administrative access per interface). Only interfaces with an
 * address are restricted; heartbeat and sync ports without one are left alone, and so is
 * traffic the unit started (replies to its own probes are `established`). On every port a new
 * TCP session must start with a SYN, as through the unit (tcp-without-syn.ts): no policy
 * governs the unit's own services, so nothing is exempt.
 *
 * Always accepted: the HA UDP ports (703 heartbeat, 708 session sync: their frames carry their
 * own authentication, and a unicast heartbeat may arrive on any port) and IPv6 neighbour
 * discovery, without which an IPv6 address cannot be reached at all. ARP is not IP and never
 * meets this chain.
 */
import type { AllowAccess, DataPlaneConfig } from '../config/data-plane.js';
import { oneOrSet as set } from './nft-match.js';
import { DROP_WITHOUT_SYN } from './tcp-without-syn.js';

const TCP_PORTS: Partial<Record<AllowAccess, number>> = { http: 80, https: 443, ssh: 22 };
const UDP_PORTS: Partial<Record<AllowAccess, number>> = { snmp: 161 };
const HA_UDP_PORTS = '{ 703, 708 }';
const ND_TYPES = '{ nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit, nd-router-advert }';

/** Rules of the input chain; only the TCP SYN check when no interface has an address. */
export function inputRules(dp: DataPlaneConfig, ifnameOf: (port: string) => string): string[] {
  const base = ['ct state established,related accept', 'iifname "lo" accept', DROP_WITHOUT_SYN];
  const managed = dp.interfaces.filter((i) => i.address !== undefined || i.ipv6 !== undefined);
  if (managed.length === 0) return base;
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
    if (tcp.length > 0) rules.push(`${iif} tcp dport ${set(tcp)} accept ${comment}`);
    if (udp.length > 0) rules.push(`${iif} udp dport ${set(udp)} accept ${comment}`);
  }
  const all = managed.map((i) => `"${ifnameOf(i.name)}"`);
  rules.push(`iifname ${set(all)} drop comment "not in allowaccess"`);
  return rules;
}
