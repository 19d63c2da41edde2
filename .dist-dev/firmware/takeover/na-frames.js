/**
 * Unsolicited Neighbor Advertisement (RFC 4861 §7.2.6): IPv6's gratuitous ARP. Sent to all
 * nodes with the Override flag, so every host holding a neighbour entry for `ipv6` replaces
 * its link-layer address with `mac`; Solicited is clear (it answers no one, and Linux drops a
 * multicast NA claiming to be solicited) and Router is clear (a firewall's data address
 * announces itself as a host here; router status comes from Router Advertisements).
 *
 * Frame: Ethernet to 33:33:00:00:00:01 | IPv6 (hop limit 255, next header 58, ff02::1) |
 * ICMPv6 type 136 | target | option 2 (target link-layer address). 86 bytes.
 */
import { ETHERTYPE_IPV6, writeEthernetHeader } from '../../lib/ethernet.js';
import { writeIpv6 } from '../../lib/ip-text.js';
export const NA_FRAME_LEN = 86;
const ALL_NODES_MAC = Uint8Array.of(0x33, 0x33, 0x00, 0x00, 0x00, 0x01);
const ALL_NODES_IP = Uint8Array.of(0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01);
const IPV6_HEADER_LEN = 40;
const ICMPV6_NA_LEN = 32;
const NEXT_HEADER_ICMPV6 = 58;
const ICMPV6_NEIGHBOR_ADVERT = 136;
const NA_FLAG_OVERRIDE = 0x20;
const OPT_TARGET_LINK_ADDRESS = 2;
/** One's-complement sum of big-endian 16-bit words over buf[from, from + length), length even. */
function sum16(buf, from, length, acc) {
    for (let i = from; i < from + length; i += 2)
        acc += (buf[i] << 8) | buf[i + 1];
    return acc;
}
/**
 * Writes one unsolicited NA at `offset` and returns the offset after it. Allocates nothing.
 * RangeError when `mac` is not 6 bytes, `ipv6` is not an IPv6 address or `buf` is too short.
 */
export function writeUnsolicitedNa(buf, offset, mac, ipv6) {
    if (mac.length !== 6)
        throw new RangeError(`neighbor advertisement MAC of ${mac.length} bytes: expected 6`);
    if (offset < 0 || buf.length - offset < NA_FRAME_LEN) {
        throw new RangeError(`neighbor advertisement at offset ${offset} of a ${buf.length}-byte buffer: needs ${NA_FRAME_LEN} bytes`);
    }
    const ip = writeEthernetHeader(buf, ALL_NODES_MAC, mac, ETHERTYPE_IPV6, offset);
    const src = ip + 8;
    if (!writeIpv6(buf, src, ipv6)) {
        throw new RangeError(`neighbor advertisement address "${ipv6}": expected an IPv6 address`);
    }
    buf[ip] = 0x60;
    buf[ip + 1] = 0;
    buf[ip + 2] = 0;
    buf[ip + 3] = 0;
    buf[ip + 4] = 0;
    buf[ip + 5] = ICMPV6_NA_LEN;
    buf[ip + 6] = NEXT_HEADER_ICMPV6;
    // RFC 4861 §7.1.2: receivers drop an NA whose hop limit is not 255 (it came from off-link).
    buf[ip + 7] = 255;
    buf.set(ALL_NODES_IP, ip + 24);
    const icmp = ip + IPV6_HEADER_LEN;
    buf[icmp] = ICMPV6_NEIGHBOR_ADVERT;
    buf[icmp + 1] = 0;
    buf[icmp + 2] = 0;
    buf[icmp + 3] = 0;
    buf[icmp + 4] = NA_FLAG_OVERRIDE;
    buf[icmp + 5] = 0;
    buf[icmp + 6] = 0;
    buf[icmp + 7] = 0;
    for (let i = 0; i < 16; i++)
        buf[icmp + 8 + i] = buf[src + i];
    buf[icmp + 24] = OPT_TARGET_LINK_ADDRESS;
    buf[icmp + 25] = 1; // option length in units of 8 bytes
    for (let i = 0; i < 6; i++)
        buf[icmp + 26 + i] = mac[i];
    // RFC 8200 §8.1 pseudo-header: source, destination, upper-layer length, next header.
    let acc = sum16(buf, src, 32, 0) + ICMPV6_NA_LEN + NEXT_HEADER_ICMPV6;
    acc = sum16(buf, icmp, ICMPV6_NA_LEN, acc);
    while (acc > 0xffff)
        acc = (acc & 0xffff) + (acc >>> 16);
    const checksum = ~acc & 0xffff;
    buf[icmp + 2] = checksum >>> 8;
    buf[icmp + 3] = checksum & 0xff;
    return offset + NA_FRAME_LEN;
}
//# sourceMappingURL=na-frames.js.map