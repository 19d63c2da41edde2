/**
 * Ethernet II framing and MAC addresses as plain bytes, for every layer that builds or reads
 * frames: the heartbeat's L2 transport, the takeover's gratuitous ARPs and neighbour
 * advertisements, the NIC driver's messages. Protocol-specific values (the HA Ethertype and
 * multicast group) belong to their protocol, not here.
 */
/** Destination MAC, source MAC, Ethertype. */
export const ETH_HEADER_LEN = 14;
export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV6 = 0x86dd;
/** Writes destination MAC, source MAC and Ethertype at `offset`; returns the payload's offset. */
export function writeEthernetHeader(buf, dst, src, ethertype, offset = 0) {
    for (let i = 0; i < 6; i++) {
        buf[offset + i] = dst[i];
        buf[offset + 6 + i] = src[i];
    }
    buf[offset + 12] = ethertype >>> 8;
    buf[offset + 13] = ethertype & 0xff;
    return offset + ETH_HEADER_LEN;
}
/** "02:54:44:07:00:01": lower-case hex, as `ip link` prints it. */
export function formatMac(mac) {
    let text = '';
    for (let i = 0; i < mac.length; i++) {
        if (i > 0)
            text += ':';
        text += mac[i].toString(16).padStart(2, '0');
    }
    return text;
}
//# sourceMappingURL=ethernet.js.map