/**
 * The armed failover plan: what a unit takes over when it becomes primary. The main thread
 * builds it from the configuration and hands it to the heartbeat worker ahead of time, so the
 * worker can execute the fast path the moment its election says "we are primary", without
 * asking the main thread anything. Plain data (structured-clone safe).
 */

import { createHash } from 'node:crypto';
import { portIfname } from '../../board/ports.js';
import type { BoardPort } from '../../board/types.js';
import type { Ipv4Route } from '../../hal/nic/index.js';
import { ipv4ToNumber, numberToIpv4 } from '../../lib/ip-text.js';
import type { DataPlaneConfig } from '../config/data-plane.js';
import { virtualMac } from './virtual-mac.js';

export interface TakeoverPort {
  /** Front-panel name. */
  name: string;
  ifname: string;
  /** The MAC the primary presents; null keeps the port's own (standalone). */
  virtualMac: Uint8Array | null;
  /** "198.18.1.1/24" */
  ipv4: string[];
  /** "2001:db8::1/64" */
  ipv6: string[];
}

export interface TakeoverPlan {
  ports: TakeoverPort[];
  /** `gratuitous-arps`: announce at once on taking over. */
  announce: boolean;
  /**
   * The static routes (both units hold them). Linux flushes every route through a port when
   * its last IPv4 address goes, which a unit giving up its addresses does: they are put back
   * after every removal of addresses (giving up, a re-arm), never on the takeover's fast path.
   */
  routes: Ipv4Route[];
}

export const EMPTY_PLAN: TakeoverPlan = { ports: [], announce: false, routes: [] };

export interface PlanOptions {
  /** HA group-id; null when the unit runs standalone (no virtual MACs). */
  groupId: number | null;
  vcluster: number;
  gratuitousArps: boolean;
}

/** Pools larger than this are not answered for address by address (see poolAddresses). */
export const MAX_POOL_ADDRESSES = 256;

/**
 * The ippool addresses that fall in a port's subnet, as /32s: the primary must answer ARP for
 * them (FortiOS `arp-reply`), or the replies to NATed traffic would have nowhere to go, and
 * they must move with the virtual MAC on takeover like the interface address.
 */
function poolAddresses(dp: DataPlaneConfig, subnet: { address: string; prefixLength: number }): string[] {
  // Every address here passed the configuration's IPv4 kinds, so each one parses.
  const toInt = (ip: string): number => ipv4ToNumber(ip)!;
  const bits = subnet.prefixLength;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const net = (toInt(subnet.address) & mask) >>> 0;
  const own = toInt(subnet.address);
  const out: string[] = [];
  for (const pool of dp.pools) {
    const start = toInt(pool.startIp);
    const end = toInt(pool.endIp);
    if (end - start + 1 > MAX_POOL_ADDRESSES) continue;
    for (let ip = start; ip <= end; ip++) {
      if ((ip & mask) >>> 0 === net && ip !== own) out.push(`${numberToIpv4(ip)}/32`);
    }
  }
  return out;
}

/**
 * Every data port of the board is in the plan, addressed or not: the primary presents the
 * virtual MAC on all of them (REFERENCE.md). The mgmt port is the unit's own and never moves,
 * nor does a data port whose interface is per unit (reserved by `ha-mgmt-interfaces`): it keeps
 * its own MAC and address on every unit.
 */
export function takeoverPlan(dp: DataPlaneConfig, ports: readonly BoardPort[], o: PlanOptions): TakeoverPlan {
  const planned: TakeoverPort[] = [];
  ports.forEach((port, index) => {
    if (port.role !== 'data') return;
    const conf = dp.interfaces.find((i) => i.name === port.name);
    if (conf?.perUnit) return;
    planned.push({
      name: port.name,
      ifname: port.ifname,
      virtualMac: o.groupId === null ? null : virtualMac(o.groupId, o.vcluster, index),
      ipv4: conf?.address ? [`${conf.address.address}/${conf.address.prefixLength}`, ...poolAddresses(dp, conf.address)] : [],
      ipv6: conf?.ipv6 ? [conf.ipv6] : [],
    });
  });
  return { ports: planned, announce: o.gratuitousArps, routes: staticRoutes(dp, ports) };
}

/** The enabled `router static` entries as kernel routes (gateways onlink, distance as metric). */
export function staticRoutes(dp: DataPlaneConfig, ports: readonly BoardPort[]): Ipv4Route[] {
  return dp.routes
    .filter((r) => r.enabled)
    .map((r) => ({
      dst: `${r.dst.address}/${r.dst.prefixLength}`,
      gateway: r.gateway === '0.0.0.0' ? undefined : r.gateway,
      ifname: portIfname(ports, r.device),
      metric: r.distance,
    }));
}

/**
 * A MAC of this unit's for a port whose own cannot be read because it holds a virtual one (a
 * primary's, or one left by a firmware that restarted as primary): locally administered,
 * stable per serial and port, unique per board, never in the virtual range.
 */
export function unitPortMac(serial: string, ifname: string): Uint8Array {
  const hash = createHash('sha256').update(`${serial}/${ifname}`).digest();
  return Uint8Array.of(0x02, 0x54, 0x53, hash[0], hash[1], hash[2]);
}

/** True for a MAC of the 02:54:44 virtual range: a port left holding one is not showing its own. */
export function isVirtualMac(mac: Uint8Array): boolean {
  return mac[0] === 0x02 && mac[1] === 0x54 && mac[2] === 0x44;
}

/** True when both plans put the same MACs and addresses on the same ports. */
export function samePorts(a: TakeoverPlan, b: TakeoverPlan): boolean {
  const key = (p: TakeoverPlan) =>
    p.ports.map((q) => `${q.ifname} ${q.virtualMac?.join(':') ?? '-'} ${q.ipv4.join(',')} ${q.ipv6.join(',')}`).join('\n');
  return key(a) === key(b);
}
