/**
 * Interface addresses through rtnetlink RTM_NEWADDR / RTM_DELADDR, IPv4 and IPv6.
 *
 * Both are idempotent: the kernel's EEXIST on add and EADDRNOTAVAIL on remove mean the
 * interface is already as asked.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { HalError } from '../errors.js';
import { AF_INET, AF_INET6, E, errnoText } from '../libc.js';
import { ifindexOf, nicDevice } from './ifreq.js';
import { NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';

const RTM_NEWADDR = 20;
const RTM_DELADDR = 21;
const IFA_ADDRESS = 1;
const IFA_LOCAL = 2;

export interface Cidr {
  family: typeof AF_INET | typeof AF_INET6;
  address: Uint8Array;
  prefixLength: number;
}

/** Parses "198.18.1.1/24" or "2001:2::1/64"; undefined when malformed. */
export function parseCidr(cidr: string): Cidr | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) return undefined;
  const host = cidr.slice(0, slash);
  const bits = cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return undefined;
  const prefixLength = Number(bits);
  if (isIPv4(host)) {
    if (prefixLength > 32) return undefined;
    return { family: AF_INET, address: Uint8Array.from(host.split('.'), Number), prefixLength };
  }
  if (isIPv6(host) && prefixLength <= 128) {
    const address = ipv6Bytes(host);
    return address && { family: AF_INET6, address, prefixLength };
  }
  return undefined;
}

/** Expands an address already validated by isIPv6 (with "::" and a dotted IPv4 tail). */
function ipv6Bytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  const halves = text.split('::');
  const groups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [Number.parseInt(g, 16)];
      const [a, b, c, d] = g.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const head = groups(halves[0]);
  const tail = halves.length > 1 ? groups(halves[1]) : [];
  if (head.length + tail.length > 8) return undefined;
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

function changeAddress(ifname: string, cidr: string, add: boolean): void {
  const operation = add ? 'addAddress' : 'removeAddress';
  const parsed = parseCidr(cidr);
  if (!parsed) {
    throw new HalError(
      nicDevice(ifname),
      operation,
      E.EINVAL,
      `address "${cidr}": expected IPv4 a.b.c.d/0-32 or IPv6 address/0-128`,
    );
  }
  const ifindex = ifindexOf(ifname, operation);
  // struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }
  const ifa = new Uint8Array(8);
  ifa[0] = parsed.family;
  ifa[1] = parsed.prefixLength;
  new DataView(ifa.buffer).setUint32(4, ifindex, true);
  const flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
  const message = new NlMessage(add ? RTM_NEWADDR : RTM_DELADDR, flags, sequence())
    .struct(ifa)
    .attr(IFA_LOCAL, parsed.address)
    .attr(IFA_ADDRESS, parsed.address)
    .finish();
  const err = requestAck(nicDevice(ifname), operation, message);
  const harmless = add ? E.EEXIST : E.EADDRNOTAVAIL;
  if (err !== 0 && err !== harmless) {
    throw new HalError(nicDevice(ifname), operation, err, `${cidr}: ${errnoText(err)}`);
  }
}

export function addAddress(ifname: string, cidr: string): void {
  changeAddress(ifname, cidr, true);
}

export function removeAddress(ifname: string, cidr: string): void {
  changeAddress(ifname, cidr, false);
}
