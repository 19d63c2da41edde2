/**
 * The data plane as the runtime applies it: interfaces and their addresses, static routes,
 * and the firewall objects and policies the nftables renderer turns into one ruleset. Read
 * from a checked tree by data-plane-from-tree.ts, so every name a policy or route uses exists.
 */

/** An IPv4 address with its prefix length: `198.18.1.1/24`. */
export interface Ipv4Prefix {
  address: string;
  prefixLength: number;
}

export type InterfaceRole = 'lan' | 'wan' | 'dmz' | 'undefined';
export type AllowAccess = 'ping' | 'https' | 'ssh' | 'http' | 'snmp';

export interface InterfaceConfig {
  /** The board port. */
  name: string;
  /** Undefined while the interface has no address (`0.0.0.0 0.0.0.0`). */
  address: Ipv4Prefix | undefined;
  /** `ip6-address` like "2001:db8:1::1/64"; undefined when unset. */
  ipv6: string | undefined;
  allowaccess: AllowAccess[];
  role: InterfaceRole;
  alias: string;
  /** The board's mgmt port or a reserved management interface: this unit's own, never taken over by a peer nor synchronised. */
  perUnit: boolean;
}

export interface StaticRoute {
  /** The entry number (`edit 1`). */
  seq: number;
  enabled: boolean;
  dst: Ipv4Prefix;
  /** `0.0.0.0` when the route points at the device only. */
  gateway: string;
  device: string;
  distance: number;
}

export type AddressConfig =
  | { name: string; type: 'ipmask'; subnet: Ipv4Prefix }
  | { name: string; type: 'iprange'; startIp: string; endIp: string };

/** Inclusive destination ports. */
export interface PortRange {
  low: number;
  high: number;
}

export interface ServiceConfig {
  name: string;
  protocol: 'TCP/UDP/SCTP' | 'ICMP' | 'IP';
  tcp: PortRange[];
  udp: PortRange[];
  /** For protocol IP: the IP protocol number, 0 for any. */
  protocolNumber: number;
}

export interface IpPoolConfig {
  name: string;
  type: 'overload';
  startIp: string;
  endIp: string;
}

export interface PolicyConfig {
  id: number;
  name: string;
  enabled: boolean;
  srcintf: string[];
  dstintf: string[];
  /** Address names; `all` matches any address. */
  srcaddr: string[];
  dstaddr: string[];
  /** Service names; `ALL` matches any traffic. */
  service: string[];
  action: 'accept' | 'deny';
  schedule: 'always';
  nat: boolean;
  /** Source NAT to the pools in `poolname` rather than to the outgoing interface's address. */
  ippool: boolean;
  poolname: string[];
  /** `tcp-session-without-syn`: a TCP packet without SYN for an unknown session opens one here rather than being dropped. */
  tcpSessionWithoutSyn: boolean;
}

export interface LinkMonitorConfig {
  name: string;
  srcintf: string;
  server: string[];
  intervalMs: number;
  /** Consecutive lost probes before a server is dead. */
  failtime: number;
  /** Consecutive replies before a dead server is alive again. */
  recoverytime: number;
  /** `ha-priority`: this monitor's weight towards `pingserver-failover-threshold` when it fails. */
  haPriority: number;
}

export interface DataPlaneConfig {
  interfaces: InterfaceConfig[];
  /** In entry order. */
  routes: StaticRoute[];
  addresses: AddressConfig[];
  services: ServiceConfig[];
  pools: IpPoolConfig[];
  /** In the configured order: the order policies are matched in. */
  policies: PolicyConfig[];
  linkMonitors: LinkMonitorConfig[];
}

/** The address that matches anything in `srcaddr` / `dstaddr`. */
export const ANY_ADDRESS = 'all';
/** The service that matches any traffic. */
export const ANY_SERVICE = 'ALL';
